import { apiRoute } from "@/lib/api/route";
import { getScope, scopeIdParam, updateScope as updateScopeOp } from "@/lib/api/openapi/bidding";
import { scopeToWire } from "@/lib/api/wire";
import { AppError } from "@/lib/errors";
import { listBidding } from "@/lib/services/bidding/list-bidding";
import { updateScope } from "@/lib/services/bidding/update-scope";

const idOf = (params: Record<string, string | string[]>) => {
  const id = scopeIdParam.safeParse(params.id);
  if (!id.success) throw new AppError("VALIDATION", "Not a scope id.");
  return id.data;
};

/** One scope with its findings. */
export const GET = apiRoute(getScope.route, async ({ db, user, params }) => {
  const id = idOf(params);
  const scope = (await listBidding(db, user)).scopes.find((s) => s.id === id);
  if (!scope) throw new AppError("NOT_FOUND", "No such bid scope.");
  return scopeToWire(scope);
});

/** Replaces a scope's definition; the linter runs on the save. */
export const PUT = apiRoute(updateScopeOp.route, async ({ db, user, input, params, requestId }) =>
  updateScope(db, idOf(params), input, { id: user.id, label: user.email }, requestId),
);
