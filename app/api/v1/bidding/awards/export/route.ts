import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { ROUTE_CAPABILITY } from "@/lib/api/access";
import { exportAwardsCxone } from "@/lib/services/bidding/export-awards-cxone";

/** A period's awards as CXone's schedule import template (CSV). */
export const GET = apiRoute({ capability: ROUTE_CAPABILITY["/api/v1/bidding/awards/export"].GET, input: z.object({ start: z.string(), end: z.string() }) }, async ({ db, input }) => {
  const { fileName, csv } = await exportAwardsCxone(db, input);
  return new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${fileName}"` } });
});
