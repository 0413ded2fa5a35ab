import type { TradeRule } from "../rule";
import type { Finding } from "../types";

/**
 * TradeRateExceeded: the site where a shift is worked already has `maxApproved` approved
 * trades in the rolling window; one more exceeds the limit, so a supervisor looks first
 * (the seed's intraday capacity alert). One finding per site.
 */
export const tradeRateExceededRule: TradeRule = (_trade, legs, env) => {
  const { maxApproved, windowHours } = env.settings.tradeRateLimit;
  const out: Finding[] = [];
  const seen = new Set<string>();
  for (const leg of legs) {
    const siteId = leg.shift.siteId;
    if (seen.has(siteId)) continue;
    seen.add(siteId);
    const count = env.approvedTradesInWindow(siteId);
    if (count < maxApproved) continue;
    out.push({
      type: "TradeRateExceeded",
      shiftId: leg.shift.id,
      agentId: leg.receiver.id,
      params: { siteId, approvedInWindow: count, maxApproved, windowHours },
      message: `${siteId} already has ${count} approved trades in the last ${windowHours} h (limit ${maxApproved})`,
    });
  }
  return out;
};
