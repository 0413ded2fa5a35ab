import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { ROUTE_CAPABILITY } from "@/lib/api/access";
import { listBidding } from "@/lib/services/bidding/list-bidding";
import { saveBid } from "@/lib/services/bidding/save-bid";

/** Bids (a supervisor: of their sites' scopes only). */
export const GET = apiRoute({ capability: ROUTE_CAPABILITY["/api/v1/bidding/bids"].GET }, async ({ db, user }) => ({ bids: (await listBidding(db, user)).bids }));

/** Enters one agent's bid on their behalf: {scopeId, agentId, preferences: [{lineId, rank}], submit}. */
export const POST = apiRoute(
  {
    capability: ROUTE_CAPABILITY["/api/v1/bidding/bids"].POST,
    input: z.object({ scopeId: z.uuid({ error: "scopeId: not a scope id." }), agentId: z.string().min(1), preferences: z.array(z.object({ lineId: z.string(), rank: z.number().int() })).max(500), submit: z.boolean().default(true) }),
  },
  async ({ db, user, input, requestId }) => saveBid(db, input, { id: user.id, label: user.email }, Date.now(), requestId),
);
