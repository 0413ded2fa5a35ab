import "server-only";
import type { Db } from "../../db/client";
import { getScope, listBids, listLines, upsertBid, type StoredScope } from "../../db/queries/bidding";
import { ineligibility, isWindowOpen, scopeWindow } from "../../domain/bidding";
import { AppError } from "../../errors";
import { bidSchema } from "../../schemas/bidding";
import { recordAudit, type AuditActor } from "../audit";
import { loadReference, validationError, type Reference } from "./context";

export interface BidDraft {
  scopeId: string;
  agentId: string;
  preferences: { lineId: string; rank: number }[];
  submit: boolean;
}

const fmt = (ms: number, zone: string) => `${new Date(ms).toLocaleString("en-GB", { timeZone: zone, dateStyle: "medium", timeStyle: "short" })} ${zone}`;

/** The window must be open (status and clock) for a bid, a lock or a commitment. */
export function assertWindowOpen(scope: StoredScope, now: number): void {
  const w = scopeWindow(scope);
  if (scope.status !== "open") throw new AppError("CONFLICT", `The bidding window of ${scope.name} is not open (the scope is ${scope.status}).`);
  if (!isWindowOpen(scope, now)) {
    throw new AppError("CONFLICT", now < w.opensAt ? `The bidding window of ${scope.name} opens ${fmt(w.opensAt, scope.window.timeZone)}.` : `The bidding window of ${scope.name} closed ${fmt(w.closesAt, scope.window.timeZone)}; no more bids are taken.`);
  }
}

/**
 * Checks a bid without storing it: the schema (a rank given twice, a line ranked twice),
 * an open window, and that every line is one the agent may bid on in the scope. Each
 * message names the preference and line at fault.
 */
export async function checkBid(db: Db, draft: BidDraft, now: number, ref?: Reference): Promise<StoredScope> {
  const parsed = bidSchema.safeParse({ agentId: draft.agentId, scopeId: draft.scopeId, preferences: draft.preferences });
  if (!parsed.success) throw validationError(parsed.error.issues);
  const scope = await getScope(db, draft.scopeId);
  if (!scope) throw new AppError("NOT_FOUND", `No bid scope ${draft.scopeId}.`);
  assertWindowOpen(scope, now);
  const r = ref ?? (await loadReference(db, { agentIds: [draft.agentId] }));
  const agent = r.agents.find((a) => a.id === draft.agentId);
  if (!agent) throw new AppError("VALIDATION", `Unknown agent ${draft.agentId}.`, { field: "agentId" });
  const lines = new Map((await listLines(db, { ids: draft.preferences.map((p) => p.lineId).filter((id) => /^[0-9a-f-]{36}$/i.test(id)) })).map((l) => [l.id, l]));
  const problems: { path: string; message: string }[] = [];
  draft.preferences.forEach((p, i) => {
    const line = lines.get(p.lineId);
    if (!line || line.periodStart !== scope.period.start || line.periodEnd !== scope.period.end) {
      problems.push({ path: `preferences.${i}.lineId`, message: `Choice ${p.rank}: line ${p.lineId} is not offered for ${scope.name}'s bid period.` });
      return;
    }
    const why = ineligibility(scope, agent, line, r.siteById.get(line.siteId)!, r.catalog);
    if (why) problems.push({ path: `preferences.${i}.lineId`, message: `Choice ${p.rank}: ${line.label} is outside ${agent.id}'s scopes — ${why.message}.` });
  });
  if (problems.length) throw new AppError("VALIDATION", problems.map((p) => p.message).join(" "), { issues: problems });
  return scope;
}

/**
 * Saves an agent's bid as a draft or submits it. The first submission time is kept when a
 * submitted bid is edited, so changing one's ranking does not cost one's place in a
 * submission-time tie-break.
 */
export async function saveBid(db: Db, draft: BidDraft, actor: AuditActor, now: number, requestId?: string): Promise<{ submittedAt: number | null }> {
  const scope = await checkBid(db, draft, now);
  const [prior] = await listBids(db, [scope.id], { agentIds: [draft.agentId] });
  const submittedAt = draft.submit ? (prior?.submittedAt ?? now) : null;
  const preferences = [...draft.preferences].sort((a, b) => a.rank - b.rank);
  await db.transaction(async (tx) => {
    await upsertBid(tx, { scopeId: scope.id, agentId: draft.agentId, preferences, submittedAt }, actor.id);
    await recordAudit(tx, actor, { action: draft.submit ? "bid.submitted" : "bid.saved", entityType: "bid", entityId: `${scope.id}:${draft.agentId}`, details: { agentId: draft.agentId, preferences } }, requestId);
  });
  return { submittedAt };
}
