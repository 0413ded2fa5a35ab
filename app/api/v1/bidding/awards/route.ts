import { apiRoute } from "@/lib/api/route";
import { ROUTE_CAPABILITY } from "@/lib/api/access";
import { listBidding } from "@/lib/services/bidding/list-bidding";

/** Awards and every bidder's outcome and explanation (a supervisor: of their sites' scopes only). */
export const GET = apiRoute({ capability: ROUTE_CAPABILITY["/api/v1/bidding/awards"].GET }, async ({ db, user }) => {
  const view = await listBidding(db, user);
  return { awards: view.awards, outcomes: view.outcomes };
});
