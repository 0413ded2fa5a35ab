import "server-only";
import type { Db } from "../../db/client";
import { getDecisions, getTradeHistoryRows, getViolations, type TradeStatus } from "../../db/queries/trades";
import { siteScopeOf, type CurrentUser } from "../../auth/checks";
import type { TradeHistoryItem } from "../../types/trades";

export interface HistoryFilter {
  status?: TradeStatus;
  siteId?: string;
  agentId?: string;
  limit?: number;
}

const POLICY_WORDS: Record<string, string> = { Disallow: "Not allowed", AdminReview: "Needs review", Allow: "Noted" };

/** Trades newest first (a supervisor: those worked at their sites), with violations and decisions. */
export async function getTradeHistory(db: Db, user: CurrentUser, filter: HistoryFilter): Promise<TradeHistoryItem[]> {
  const rows = await getTradeHistoryRows(db, {
    siteIds: siteScopeOf(user, "trades.read") ?? undefined,
    siteId: filter.siteId,
    status: filter.status,
    agentId: filter.agentId,
    limit: filter.limit ?? 100,
  });
  const ids = rows.map((r) => r.t.id);
  const [violations, decisions] = await Promise.all([getViolations(db, ids), getDecisions(db, ids)]);
  return rows.map((r) => ({
    id: r.t.id,
    kind: r.t.kind,
    status: r.t.status,
    createdAt: r.t.createdAt.toISOString(),
    decidedAt: r.t.decidedAt?.toISOString() ?? null,
    initiatorAgentId: r.t.initiatorAgentId,
    receiverAgentId: r.t.receiverAgentId,
    siteId: r.siteId,
    shiftStart: r.shiftStart.getTime(),
    shiftEnd: r.shiftEnd.getTime(),
    // Plain words, each once: the engine's message names the agent and shift it concerns,
    // so a rule broken on both sides of a swap reads as two different lines, not one code twice.
    violations: [...new Set(violations.filter((v) => v.tradeId === r.t.id).map((v) => `${POLICY_WORDS[v.policy] ?? v.policy}: ${v.message}`))],
    decisions: decisions.filter((d) => d.tradeId === r.t.id).map((d) => ({ siteId: d.siteId, decision: d.decision, comment: d.comment, by: d.email, at: d.at.toISOString() })),
  }));
}
