import { apiRoute } from "@/lib/api/route";
import { lintScope as lintScopeOp, scopeIdParam } from "@/lib/api/openapi/bidding";
import { AppError } from "@/lib/errors";
import { lintScope } from "@/lib/services/bidding/lint-scopes";

/** The linter's findings that concern one scope (errors block opening its window). */
export const GET = apiRoute(lintScopeOp.route, async ({ db, params }) => {
  const id = scopeIdParam.safeParse(params.id);
  if (!id.success) throw new AppError("VALIDATION", "Not a scope id.");
  return { findings: await lintScope(db, id.data) };
});
