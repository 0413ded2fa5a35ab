import "server-only";
import type { CurrentUser } from "../../auth/checks";
import type { Db } from "../../db/client";
import { getUserAgentId } from "../../db/queries/bidding";
import { getShiftsOverlapping } from "../../db/queries/shifts";
import { getDecisions, getTradeHistoryRows, getViolations, OPEN_TRADE_STATUSES } from "../../db/queries/trades";
import { AppError } from "../../errors";
import type { MyTrade } from "../../types/trades";

/** What happened to a request, in the agent's words. */
function outcomeText(t: { status: string; kind: string; receiverAgentId: string }, siteId: string, violations: string[], decisions: { decision: string; comment: string | null; siteId: string }[]): string {
  const rejected = decisions.find((d) => d.decision === "reject");
  switch (t.status) {
    case "Approved":
      return t.kind === "swap" ? `Approved: you and ${t.receiverAgentId} have swapped shifts.` : `Approved: the shift is now ${t.receiverAgentId}'s.`;
    case "Denied":
      if (rejected) return `Rejected by ${rejected.siteId}'s supervisor${rejected.comment ? `: "${rejected.comment}"` : "."}`;
      return `Refused by the trade rules: ${violations.join("; ") || "a rule does not allow it"}.`;
    case "PendingReview":
      return `Waiting for a supervisor of ${siteId} to review it${violations.length ? ` (${violations.join("; ")})` : ""}.`;
    case "Expired":
      return "Expired: nobody decided before it ran out of time.";
    case "Canceled":
      return "You canceled it.";
    default:
      return `Waiting for ${t.receiverAgentId}.`;
  }
}

/** The signed-in agent's requests (filed or received), newest first, each with its outcome in plain words. */
export async function getMyTrades(db: Db, user: CurrentUser): Promise<MyTrade[]> {
  const agentId = await getUserAgentId(db, user.id);
  if (!agentId) throw new AppError("FORBIDDEN", "Your sign-in is not linked to an agent.");
  const rows = await getTradeHistoryRows(db, { agentId, limit: 50 });
  const ids = rows.map((r) => r.t.id);
  const [violations, decisions] = await Promise.all([getViolations(db, ids), getDecisions(db, ids)]);
  return rows.map((r) => {
    const words = [...new Set(violations.filter((v) => v.tradeId === r.t.id).map((v) => v.message))];
    return {
      id: r.t.id,
      kind: r.t.kind,
      status: r.t.status,
      mine: r.t.initiatorAgentId === agentId,
      otherAgentId: r.t.initiatorAgentId === agentId ? r.t.receiverAgentId : r.t.initiatorAgentId,
      siteId: r.siteId,
      shiftStart: r.shiftStart.getTime(),
      shiftEnd: r.shiftEnd.getTime(),
      createdAt: r.t.createdAt.toISOString(),
      cancelable: r.t.initiatorAgentId === agentId && (OPEN_TRADE_STATUSES as readonly string[]).includes(r.t.status),
      outcome: outcomeText(r.t, r.siteId, words, decisions.filter((d) => d.tradeId === r.t.id)),
    };
  });
}

/** A colleague's coming shifts, for choosing the other side of a swap: times and site only. */
export async function getColleagueShifts(db: Db, user: CurrentUser, colleagueId: string, now: number) {
  const agentId = await getUserAgentId(db, user.id);
  if (!agentId) throw new AppError("FORBIDDEN", "Your sign-in is not linked to an agent.");
  if (colleagueId === agentId) throw new AppError("VALIDATION", "Choose a colleague, not yourself.", { field: "receiverAgentId" });
  const shifts = await getShiftsOverlapping(db, { from: new Date(now), to: new Date(now + 42 * 86_400_000) }, { agentIds: [colleagueId] });
  return shifts.map((s) => ({ id: s.id, siteId: s.siteId, start: s.start, end: s.end, version: s.version }));
}
