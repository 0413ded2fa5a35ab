import "server-only";
import type { Db } from "../../db/client";
import { getRequiredOnGrid } from "../../db/queries/demand";
import { getAgents, getSites, getSkills } from "../../db/queries/reference";
import { getShiftsOverlapping } from "../../db/queries/shifts";
import { getApprovalsSince, getPendingTrades, type TradeRow } from "../../db/queries/trades";
import { gridFor } from "../../domain/coverage";
import { buildTradeContext, type PendingTrade, type TradeContext } from "../../domain/trades";
import type { Shift } from "../../domain/types";

const DAY_MS = 86_400_000;
/** Context around the traded shifts: a week either side covers rest, daily and weekly rules. */
const CONTEXT_MARGIN_MS = 8 * DAY_MS;
/** Approvals older than this cannot count towards any rate window or weekly limit. */
const APPROVALS_LOOKBACK_MS = 31 * DAY_MS;

export function pendingFromRow(r: TradeRow): PendingTrade {
  return {
    id: r.id,
    kind: r.kind,
    initiatorAgentId: r.initiatorAgentId,
    initiatorShiftId: r.initiatorShiftId,
    receiverAgentId: r.receiverAgentId,
    receiverShiftId: r.receiverShiftId,
    status: "PendingReview",
  };
}

/** The window from the earliest start to the latest end of some shifts. */
export function rangeOf(shifts: readonly Shift[]): { from: number; to: number } {
  return { from: Math.min(...shifts.map((s) => s.start)), to: Math.max(...shifts.map((s) => s.end)) };
}

/**
 * Everything the engine needs to judge trades whose shifts lie in [from, to): the schedule
 * around them, every pending trade (the overlay the "SLA blind spot" hides), demand, the
 * site's recent approvals and each agent's trades per week. The rows are read here; the
 * context is built by the domain (buildTradeContext), as the demo planner builds it too.
 */
export async function loadTradeContext(db: Db, range: { from: number; to: number }, now: number, options: { excludeTradeId?: string } = {}): Promise<TradeContext> {
  const grid = gridFor({ start: range.from - DAY_MS, end: range.to + DAY_MS });
  const [sites, skills, agents, shifts, required, pendingRows, approvals] = await Promise.all([
    getSites(db),
    getSkills(db),
    getAgents(db),
    getShiftsOverlapping(db, { from: new Date(range.from - CONTEXT_MARGIN_MS), to: new Date(range.to + CONTEXT_MARGIN_MS) }),
    getRequiredOnGrid(db, grid),
    getPendingTrades(db),
    getApprovalsSince(db, new Date(now - APPROVALS_LOOKBACK_MS)),
  ]);
  const shiftStartById = new Map(shifts.map((s) => [s.id, s.start]));
  return buildTradeContext({
    now,
    sites,
    skills,
    agents,
    shifts,
    required,
    grid,
    pending: pendingRows.filter((r) => r.id !== options.excludeTradeId).map((r) => ({ trade: pendingFromRow(r), shiftStart: shiftStartById.get(r.initiatorShiftId) })),
    approved: approvals.flatMap((a) =>
      a.decidedAt ? [{ decidedAt: a.decidedAt.getTime(), siteId: a.siteId, initiatorAgentId: a.initiatorAgentId, receiverAgentId: a.receiverAgentId, shiftStart: a.shiftStart.getTime() }] : [],
    ),
  });
}
