import { apiRoute } from "@/lib/api/route";
import { listAwards } from "@/lib/api/openapi/bidding";
import { listBidding } from "@/lib/services/bidding/list-bidding";

/** Awards and every bidder's outcome and explanation (a supervisor: of their sites' scopes only). */
export const GET = apiRoute(listAwards.route, async ({ db, user }) => {
  const view = await listBidding(db, user);
  return { awards: view.awards, outcomes: view.outcomes };
});
