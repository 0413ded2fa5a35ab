/**
 * Who decides a pending trade, and when an unmatched request lapses.
 */
import { HOUR_MS, type Instant } from "../types";
import { findShift } from "./evaluate";
import type { TradeContext, TradeProposal, TradingSettings } from "./types";

/**
 * The sites whose supervisors review `trade`: where each moving shift is worked (not the
 * agents' home sites). A swap across NYC and MNL → ["NYC", "MNL"]: each must approve,
 * one denial denies. Shifts not found in the schedule are skipped.
 */
export function reviewSitesFor(trade: TradeProposal, ctx: Pick<TradeContext, "shiftsByAgent">): string[] {
  const sites: string[] = [];
  const a = findShift(ctx.shiftsByAgent, trade.initiatorAgentId, trade.initiatorShiftId);
  const b = trade.kind === "swap" ? findShift(ctx.shiftsByAgent, trade.receiverAgentId, trade.receiverShiftId) : undefined;
  for (const s of [a, b]) if (s && !sites.includes(s.siteId)) sites.push(s.siteId);
  return sites;
}

/**
 * When an unmatched request expires: `expiryHours` after it was made, or earlier when the
 * shift's notice window closes (no trade of it could be approved after that).
 * Made Mon 09:00 for a Tue 12:00 shift with 24 h notice → Mon 12:00.
 */
export function tradeExpiresAt(createdAt: Instant, shiftStart: Instant, settings: Pick<TradingSettings, "expiryHours" | "minHoursInFuture">): Instant {
  return Math.min(createdAt + settings.expiryHours * HOUR_MS, shiftStart - settings.minHoursInFuture * HOUR_MS);
}
