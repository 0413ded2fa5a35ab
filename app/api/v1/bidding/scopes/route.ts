import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { ROUTE_CAPABILITY } from "@/lib/api/access";
import { listBidding } from "@/lib/services/bidding/list-bidding";
import { createScope } from "@/lib/services/bidding/create-scope";

/** Bid scopes with their windows and linter findings (a supervisor: their sites'). */
export const GET = apiRoute({ capability: ROUTE_CAPABILITY["/api/v1/bidding/scopes"].GET }, async ({ db, user }) => ({ scopes: (await listBidding(db, user)).scopes }));

/** Creates a draft scope; answers its id and the linter's findings. */
export const POST = apiRoute({ capability: ROUTE_CAPABILITY["/api/v1/bidding/scopes"].POST, input: z.record(z.string(), z.unknown()) }, async ({ db, user, input, requestId }) =>
  createScope(db, input, { id: user.id, label: user.email }, requestId),
);
