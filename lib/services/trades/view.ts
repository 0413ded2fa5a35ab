import "server-only";
import type { Db } from "../../db/client";
import { getShiftsByIds } from "../../db/queries/shifts";
import { getDecisions, getViolations, type TradeRow } from "../../db/queries/trades";
import type { TradeView } from "../../types/trades";

const iso = (t: number | Date) => new Date(t).toISOString();

/** Trades as the API shows them: both shifts with their times, the violations and each site's decision. */
export async function tradeViews(db: Db, rows: readonly { t: TradeRow; siteId: string }[]): Promise<TradeView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.t.id);
  const shiftIds = rows.flatMap((r) => [r.t.initiatorShiftId, ...(r.t.receiverShiftId ? [r.t.receiverShiftId] : [])]);
  const [violations, decisions, shifts] = await Promise.all([getViolations(db, ids), getDecisions(db, ids), getShiftsByIds(db, shiftIds)]);
  const shiftById = new Map(shifts.map((s) => [s.id, s]));
  return rows.map(({ t, siteId }) => ({
    id: t.id,
    kind: t.kind,
    status: t.status,
    version: t.version,
    note: t.note,
    createdAt: iso(t.createdAt),
    decidedAt: t.decidedAt ? iso(t.decidedAt) : null,
    expiresAt: t.expiresAt ? iso(t.expiresAt) : null,
    siteId,
    initiator: { agentId: t.initiatorAgentId, shiftId: t.initiatorShiftId, shiftVersion: t.initiatorShiftVersion },
    receiver: { agentId: t.receiverAgentId, shiftId: t.receiverShiftId, shiftVersion: t.receiverShiftVersion },
    shifts: [t.initiatorShiftId, t.receiverShiftId].flatMap((id) => {
      const s = id ? shiftById.get(id) : undefined;
      return s ? [{ id: s.id, role: s.id === t.initiatorShiftId ? ("initiator" as const) : ("receiver" as const), agentId: s.agentId, siteId: s.siteId, start: iso(s.start), end: iso(s.end) }] : [];
    }),
    reviewSiteIds: t.reviewSiteIds,
    violations: violations.filter((v) => v.tradeId === t.id).map((v) => ({ type: v.type, policy: v.policy, message: v.message })),
    decisions: decisions.filter((d) => d.tradeId === t.id).map((d) => ({ siteId: d.siteId, decision: d.decision, comment: d.comment, by: d.email, at: iso(d.at) })),
  }));
}
