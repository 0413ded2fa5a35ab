import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { ROUTE_CAPABILITY } from "@/lib/api/access";
import { AppError } from "@/lib/errors";
import { lintScope } from "@/lib/services/bidding/lint-scopes";

/** The linter's findings that concern one scope (errors block opening its window). */
export const GET = apiRoute({ capability: ROUTE_CAPABILITY["/api/v1/bidding/scopes/[id]/lint"].GET }, async ({ db, params }) => {
  const id = z.uuid().safeParse(params.id);
  if (!id.success) throw new AppError("VALIDATION", "Not a scope id.");
  return { findings: await lintScope(db, id.data) };
});
