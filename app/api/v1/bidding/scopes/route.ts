import { apiRoute } from "@/lib/api/route";
import { createScope as createScopeOp, listScopes } from "@/lib/api/openapi/bidding";
import { scopeToWire } from "@/lib/api/wire";
import { listBidding } from "@/lib/services/bidding/list-bidding";
import { createScope } from "@/lib/services/bidding/create-scope";

/** Bid scopes with their windows and linter findings (a supervisor: their sites'). */
export const GET = apiRoute(listScopes.route, async ({ db, user }) => ({ scopes: (await listBidding(db, user)).scopes.map(scopeToWire) }));

/** Creates a draft scope; answers its id and the linter's findings. */
export const POST = apiRoute(createScopeOp.route, async ({ db, user, input, requestId }) =>
  createScope(db, input, { id: user.id, label: user.email }, requestId),
);
