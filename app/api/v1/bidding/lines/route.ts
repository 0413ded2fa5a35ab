import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { ROUTE_CAPABILITY } from "@/lib/api/access";
import { listBidding } from "@/lib/services/bidding/list-bidding";
import { saveLines } from "@/lib/services/bidding/save-lines";

/** Biddable lines (a supervisor: their sites'). */
export const GET = apiRoute({ capability: ROUTE_CAPABILITY["/api/v1/bidding/lines"].GET }, async ({ db, user }) => ({ lines: (await listBidding(db, user)).lines }));

/** Adds lines for a bid period: {period: {start, end}, lines: [...]}. */
export const POST = apiRoute(
  { capability: ROUTE_CAPABILITY["/api/v1/bidding/lines"].POST, input: z.object({ period: z.object({ start: z.string(), end: z.string() }), lines: z.array(z.record(z.string(), z.unknown())).max(500) }) },
  async ({ db, user, input, requestId }) => saveLines(db, input, { id: user.id, label: user.email }, requestId),
);
