import "server-only";
import type { Db } from "../../db/client";
import { getScope } from "../../db/queries/bidding";
import type { LintFinding } from "../../domain/bidding";
import { AppError } from "../../errors";
import { lintWith } from "./context";

/** The linter's findings about every stored scope (archived ones are ignored by the engine). */
export async function lintScopes(db: Db): Promise<LintFinding[]> {
  return (await lintWith(db, null)).findings;
}

/** Findings that concern one scope: its own, and those naming it as the other party. */
export async function lintScope(db: Db, id: string): Promise<LintFinding[]> {
  if (!(await getScope(db, id))) throw new AppError("NOT_FOUND", `No bid scope ${id}.`);
  return (await lintScopes(db)).filter((f) => f.scopeId === id || f.otherScopeIds.includes(id));
}
