import { apiRoute } from "@/lib/api/route";
import { createLines, listLines } from "@/lib/api/openapi/bidding";
import { listBidding } from "@/lib/services/bidding/list-bidding";
import { saveLines } from "@/lib/services/bidding/save-lines";

/** Biddable lines (a supervisor: their sites'). */
export const GET = apiRoute(listLines.route, async ({ db, user }) => ({ lines: (await listBidding(db, user)).lines }));

/** Adds lines for a bid period: {period: {start, end}, lines: [...]}. */
export const POST = apiRoute(
  createLines.route,
  async ({ db, user, input, requestId }) => saveLines(db, input, { id: user.id, label: user.email }, requestId),
);
