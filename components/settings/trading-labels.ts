import type { FieldLabels } from "@/lib/client/field-errors";

/** The trading form's labels by settings path, for its validation messages. */
export const TRADING_LABELS: FieldLabels = {
  minHoursInFuture: { label: "Notice (hours)" },
  maxTradesPerAgentPerWeek: { label: "Trades per agent per week" },
  "tradeRateLimit.maxApproved": { label: "Trade-rate limit (approved)" },
  "tradeRateLimit.windowHours": { label: "… per window (hours)" },
  cumulativeCoverageThreshold: { label: "Cumulative coverage threshold (%)", scale: 100, unit: " %" },
  expiryHours: { label: "Unmatched requests expire after (hours)" },
  "policies.CrossSite": { label: "Policy for CrossSite" },
  "criticalPeriods.*.label": ([i]) => ({ label: `Period ${i + 1} label` }),
  "criticalPeriods.*.siteId": ([i]) => ({ label: `Period ${i + 1} site` }),
  "criticalPeriods.*.skillId": ([i]) => ({ label: `Period ${i + 1} skill` }),
  "criticalPeriods.*.start": ([i]) => ({ label: `Period ${i + 1} starts` }),
  "criticalPeriods.*.end": ([i]) => ({ label: `Period ${i + 1} ends` }),
};
