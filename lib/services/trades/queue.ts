import "server-only";
import type { Db } from "../../db/client";
import { getAgentNames, getSites } from "../../db/queries/reference";
import { getShiftsByIds } from "../../db/queries/shifts";
import { getDecisions, getPendingTrades, getViolations } from "../../db/queries/trades";
import type { TradeEvaluation } from "../../domain/trades";
import { tradeCardImpact } from "../../domain/trades/impact";
import type { Shift } from "../../domain/types";
import { can, siteScopeOf, type CurrentUser } from "../../auth/checks";
import type { QueueItem, ReviewQueue } from "../../types/trades";
import { loadTradeContext, pendingFromRow, rangeOf } from "./context";
import { expireStaleTrades } from "./expire";
import { getRateAlerts } from "./rate-alerts";

/** Pending trades the user reviews (a supervisor: their sites only), with the coverage each would change. */
export async function getReviewQueue(db: Db, user: CurrentUser, now: number): Promise<ReviewQueue> {
  await expireStaleTrades(db, now);
  const rows = await getPendingTrades(db);
  const scope = siteScopeOf(user, "trades.queue.read");
  const visible = rows.filter((r) => scope === null || r.reviewSiteIds.some((s) => scope.includes(s)));
  const alerts = await getRateAlerts(db, scope, now);
  if (visible.length === 0) return { items: [], alerts };

  const ids = visible.map((r) => r.id);
  const shiftIds = visible.flatMap((r) => [r.initiatorShiftId, ...(r.receiverShiftId ? [r.receiverShiftId] : [])]);
  const agentIds = [...new Set(visible.flatMap((r) => [r.initiatorAgentId, r.receiverAgentId]))];
  const [shifts, violations, decisions, sites, agentRows] = await Promise.all([getShiftsByIds(db, shiftIds), getViolations(db, ids), getDecisions(db, ids), getSites(db), getAgentNames(db, agentIds)]);
  const agentById = new Map(agentRows.map((a) => [a.id, a]));
  const shiftById = new Map(shifts.map((s) => [s.id, s]));
  const zoneOf = new Map(sites.map((s) => [s.id, s.timeZone]));

  // One context for the whole queue.
  const ctx = shifts.length ? await loadTradeContext(db, rangeOf(shifts), now) : null;
  const items: QueueItem[] = [];
  for (const r of visible) {
    let impact: TradeEvaluation["coverageImpact"] = [];
    // The Coverage page's net numbers before and after approving this trade (lib/domain/trades/impact.ts).
    if (ctx) impact = tradeCardImpact(ctx, pendingFromRow(r));
    const own = decisions.filter((d) => d.tradeId === r.id);
    const reviewSites = r.reviewSiteIds.map((siteId) => {
      const d = own.find((x) => x.siteId === siteId);
      return { siteId, decision: d?.decision ?? null, decidedBy: d?.email ?? null, comment: d?.comment ?? null };
    });
    const shiftsOf = [r.initiatorShiftId, r.receiverShiftId].filter((x): x is string => !!x);
    const party = (id: string) => ({ id, name: agentById.get(id)?.name ?? id, siteId: agentById.get(id)?.homeSiteId ?? "" });
    items.push({
      id: r.id,
      kind: r.kind,
      createdAt: r.createdAt.toISOString(),
      version: r.version,
      note: r.note,
      initiator: party(r.initiatorAgentId),
      receiver: party(r.receiverAgentId),
      shifts: shiftsOf
        .map((id) => shiftById.get(id))
        .filter((s): s is Shift => !!s)
        .map((s) => ({ id: s.id, role: s.id === r.initiatorShiftId ? "initiator" : "receiver", siteId: s.siteId, timeZone: zoneOf.get(s.siteId) ?? "UTC", start: s.start, end: s.end })),
      violations: violations.filter((v) => v.tradeId === r.id).map((v) => ({ type: v.type, policy: v.policy, message: v.message })),
      reviewSites,
      mySites: reviewSites.filter((s) => s.decision === null && can(user, "trades.decide", s.siteId)).map((s) => s.siteId),
      coverageImpact: impact,
    });
  }
  return { items, alerts };
}
