import "server-only";
import type { Db } from "../../db/client";
import { getScope, insertScope, updateScope, type StoredScope } from "../../db/queries/bidding";
import { missingLocationText, type LintFinding } from "../../domain/bidding";
import { AppError, isAppError } from "../../errors";
import { bidScopeSchema } from "../../schemas/bidding";
import { recordAudit, type AuditActor } from "../audit";
import { lintContext, lintWith, loadReference, validationError, type Reference } from "./context";

export interface SavedScope {
  id: string;
  /** The linter's findings about this scope after the save (errors block opening its window). */
  findings: LintFinding[];
}

/** Parses a scope as the form or API sent it; every message names its field. */
export function parseScope(raw: unknown, id: string): StoredScope {
  const parsed = bidScopeSchema.safeParse({ ...(raw as Record<string, unknown>), id });
  if (!parsed.success) throw validationError(parsed.error.issues);
  return { ...parsed.data, updatedAt: new Date(0).toISOString() };
}

/**
 * A scope without a location is refused by the schema (nothing stored); the message is the
 * linter's scope-leakage finding, so the admin reads which skill is worked at which sites.
 */
async function parseWithLeakage(db: Db, raw: unknown, id: string, ref: Reference): Promise<StoredScope> {
  try {
    return parseScope(raw, id);
  } catch (e) {
    const issues = isAppError(e) ? (e.details as { issues?: { path: string; message: string }[] } | undefined)?.issues : undefined;
    if (!issues?.some((i) => i.path === "locations")) throw e;
    const groups = (raw as { skillGroups?: unknown }).skillGroups;
    const text = `Scope leakage: ${missingLocationText(Array.isArray(groups) ? groups.map(String) : [], await lintContext(db, ref))}`;
    throw validationError(issues.map((i) => ({ path: i.path.split("."), message: i.path === "locations" ? text : i.message })));
  }
}

/**
 * Creates (id null) or updates a scope, lints it against every other scope and stores it.
 * A draft is stored with its findings so the admin can fix them; an open scope must stay
 * free of errors, so a change that would introduce one is refused and nothing is stored.
 */
export async function saveScope(db: Db, id: string | null, raw: unknown, actor: AuditActor, requestId?: string): Promise<SavedScope> {
  const existing = id ? await getScope(db, id) : null;
  if (id && !existing) throw new AppError("NOT_FOUND", `No bid scope ${id}.`);
  if (existing?.status === "archived") throw new AppError("CONFLICT", `Scope ${existing.name} is archived; copy it to start again.`);
  const ref = await loadReference(db);
  const scope = await parseWithLeakage(db, raw, id ?? "new", ref);
  // Status moves only through open-window and archive, never through the form.
  scope.status = existing?.status ?? "draft";
  const { findings } = await lintWith(db, scope, ref);
  const own = findings.filter((f) => f.scopeId === scope.id || f.otherScopeIds.includes(scope.id));
  if (scope.status === "open" && own.some((f) => f.severity === "error")) {
    throw new AppError("VALIDATION", `Scope ${scope.name} is open; this change would give it errors: ${own.filter((f) => f.severity === "error").map((f) => f.message).join(" ")}`, { findings: own });
  }
  const { id: _ignored, ...values } = scope;
  void _ignored;
  const savedId = await db.transaction(async (tx) => {
    const newId = existing ? (await updateScope(tx, existing.id, values, actor.id), existing.id) : await insertScope(tx, values, actor.id);
    await recordAudit(tx, actor, { action: existing ? "bid_scope.updated" : "bid_scope.created", entityType: "bid_scope", entityId: newId, details: { scope: values, findings: own.map((f) => f.code) } }, requestId);
    return newId;
  });
  return { id: savedId, findings: own.map((f) => ({ ...f, scopeId: f.scopeId === "new" ? savedId : f.scopeId })) };
}
