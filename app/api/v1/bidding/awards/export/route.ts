import { apiRoute } from "@/lib/api/route";
import { exportAwards } from "@/lib/api/openapi/bidding";
import { exportAwardsCxone } from "@/lib/services/bidding/export-awards-cxone";

/** A period's awards as CXone's schedule import template (CSV). */
export const GET = apiRoute(exportAwards.route, async ({ db, input }) => {
  const { fileName, csv } = await exportAwardsCxone(db, input);
  return new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${fileName}"` } });
});
