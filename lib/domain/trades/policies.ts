/**
 * Default trading settings (DOMAIN "Shift trades") and how a violation gets its policy.
 */
import type { Policy, TradeOutcome, TradePolicies, TradeViolation, TradeViolationType, TradingSettings } from "./types";

/**
 * DOMAIN defaults. CrossSite is Disallow because cross-site trading starts switched off;
 * once `allowCrossSiteTrading` is on, `policies.CrossSite` says what a cross-site trade
 * needs (the settings schema makes it Allow unless the admin picks AdminReview).
 */
export const DEFAULT_TRADE_POLICIES: Readonly<TradePolicies> = Object.freeze({
  Overlap: "Disallow",
  MissingRequiredSkill: "Disallow",
  SkillLoss: "AdminReview",
  RestPeriod: "Disallow",
  MaxConsecutiveHours: "Disallow",
  MaxDailyHours: "Disallow",
  Overtime: "AdminReview",
  UnequalPaid: "AdminReview",
  OneSided: "AdminReview",
  Availability: "AdminReview",
  CrossSite: "Disallow",
  CriticalCoveragePeriod: "AdminReview",
  CumulativeCoverage: "AdminReview",
  TradeRateExceeded: "AdminReview",
  NoticeTooShort: "Disallow",
  MaxTradesPerAgentPerWeek: "Disallow",
});

export const DEFAULT_TRADING_SETTINGS: Readonly<TradingSettings> = Object.freeze({
  enabled: true,
  policies: { ...DEFAULT_TRADE_POLICIES },
  allowCrossSiteTrading: false,
  minHoursInFuture: 24,
  maxTradesPerAgentPerWeek: 3,
  tradeRateLimit: { maxApproved: 10, windowHours: 24 },
  criticalPeriods: [],
  cumulativeCoverageThreshold: 0.9,
  unequalPaidToleranceHours: 0.5,
  expiryHours: 72,
});

/**
 * The policy a violation type carries under `settings`. Overlap is Disallow whatever the
 * settings say (two shifts at once cannot be worked); CrossSite is Disallow while
 * cross-site trading is off.
 */
export function effectivePolicy(type: TradeViolationType, settings: TradingSettings): Policy {
  if (type === "Overlap") return "Disallow";
  if (type === "CrossSite" && !settings.allowCrossSiteTrading) return "Disallow";
  return settings.policies[type] ?? DEFAULT_TRADE_POLICIES[type];
}

/** Any Disallow → Denied; else any AdminReview → PendingReview; else Approved (Allow is recorded only). */
export function outcomeOf(violations: readonly Pick<TradeViolation, "policy">[]): TradeOutcome {
  let review = false;
  for (const v of violations) {
    if (v.policy === "Disallow") return "Denied";
    if (v.policy === "AdminReview") review = true;
  }
  return review ? "PendingReview" : "Approved";
}
