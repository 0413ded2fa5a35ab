import { apiRoute } from "@/lib/api/route";
import { enterBid, listBids } from "@/lib/api/openapi/bidding";
import { bidToWire, isoOf } from "@/lib/api/wire";
import { listBidding } from "@/lib/services/bidding/list-bidding";
import { saveBid } from "@/lib/services/bidding/save-bid";

/** Bids (a supervisor: of their sites' scopes only). */
export const GET = apiRoute(listBids.route, async ({ db, user }) => ({ bids: (await listBidding(db, user)).bids.map(bidToWire) }));

/** Enters one agent's bid on their behalf: {scopeId, agentId, preferences: [{lineId, rank}], submit}. */
export const POST = apiRoute(
  enterBid.route,
  async ({ db, user, input, requestId }) => {
    const { submittedAt } = await saveBid(db, input, { id: user.id, label: user.email }, Date.now(), requestId);
    return { submittedAt: submittedAt === null ? null : isoOf(submittedAt) };
  },
);
