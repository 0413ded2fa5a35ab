/**
 * The shapes of the shift-trade engine: proposals, the context they are judged
 * against, the settings that give each violation its policy, and the verdict.
 * Plain data only; `lib/schemas/trades.ts` validates the same shapes at the edges.
 */
import type { CoverageGrid } from "../coverage";
import type { SkillCatalog } from "../skills";
import type { Agent, Instant, Shift, Site } from "../types";

export const TRADE_VIOLATION_TYPES = [
  "Overlap",
  "MissingRequiredSkill",
  "SkillLoss",
  "RestPeriod",
  "MaxConsecutiveHours",
  "MaxDailyHours",
  "Overtime",
  "UnequalPaid",
  "OneSided",
  "Availability",
  "CrossSite",
  "CriticalCoveragePeriod",
  "CumulativeCoverage",
  "TradeRateExceeded",
  "NoticeTooShort",
  "MaxTradesPerAgentPerWeek",
] as const;
export type TradeViolationType = (typeof TRADE_VIOLATION_TYPES)[number];

export const POLICIES = ["Allow", "AdminReview", "Disallow"] as const;
/** Allow: recorded, no effect. AdminReview: a supervisor decides. Disallow: denied. */
export type Policy = (typeof POLICIES)[number];

export type TradeOutcome = "Approved" | "Denied" | "PendingReview";
export type TradeKind = "swap" | "oneSided";

export type ViolationParams = Record<string, string | number | boolean | null>;

export interface TradeViolation {
  type: TradeViolationType;
  policy: Policy;
  params: ViolationParams;
  /** Plain words for agents and supervisors, times in the zone that matters. */
  message: string;
  /** The shift the violation is about. */
  shiftId: string;
  /** The agent it concerns (usually the one receiving the shift). */
  agentId: string;
}

/** A violation as a rule finds it; the evaluator attaches the policy. */
export type Finding = Omit<TradeViolation, "policy">;

export type TradePolicies = Record<TradeViolationType, Policy>;

/** A window from the forecast where trades need a supervisor ("Black Friday 08:00–20:00"). */
export interface CriticalPeriod {
  /** Only shifts worked at this site; null = every site. */
  siteId: string | null;
  /** Only shifts serving this skill; null = every skill. */
  skillId: string | null;
  start: Instant;
  /** Exclusive. */
  end: Instant;
  label: string;
}

export interface TradingSettings {
  enabled: boolean;
  /**
   * One policy per violation type. Overlap is always Disallow. CrossSite applies only
   * when `allowCrossSiteTrading` is true; when it is false the effective policy is Disallow.
   */
  policies: TradePolicies;
  allowCrossSiteTrading: boolean;
  /** A traded shift must start at least this many hours after "now". */
  minHoursInFuture: number;
  /** Trades (Approved or PendingReview) an agent may take part in per home-zone ISO week. */
  maxTradesPerAgentPerWeek: number;
  /** Approved trades at a site within the rolling window before a supervisor is asked. */
  tradeRateLimit: { maxApproved: number; windowHours: number };
  criticalPeriods: CriticalPeriod[];
  /** A skill-interval below required × threshold after the trade is a CumulativeCoverage violation. */
  cumulativeCoverageThreshold: number;
  /** A swap whose paid hours differ by more than this is UnequalPaid. */
  unequalPaidToleranceHours: number;
  /** An unmatched request expires after this many hours (or when its notice runs out). */
  expiryHours: number;
}

/** A trade as proposed: the initiator's shift goes to the receiver; in a swap the receiver's comes back. */
export interface TradeProposal {
  id: string;
  kind: TradeKind;
  initiatorAgentId: string;
  initiatorShiftId: string;
  receiverAgentId: string;
  /** Required for a swap, null for a one-sided trade. */
  receiverShiftId: string | null;
  /** When given, the shift must still be at this version (the request saw it so). */
  initiatorShiftVersion?: number;
  receiverShiftVersion?: number;
}

/** A trade already decided but not applied (Approved) or waiting for a supervisor. */
export interface PendingTrade extends TradeProposal {
  status: "Approved" | "PendingReview";
}

export interface TradeContext {
  now: Instant;
  catalog: SkillCatalog;
  sites: ReadonlyMap<string, Site>;
  agents: ReadonlyMap<string, Agent>;
  /** The schedule as it is, after applied trades. */
  shiftsByAgent: ReadonlyMap<string, readonly Shift[]>;
  /** Approved-not-yet-applied and PendingReview trades: the overlay for cumulative coverage. */
  pendingTrades: readonly PendingTrade[];
  /** Required agents per skill, arrays on `grid`. */
  required: ReadonlyMap<string, Float64Array>;
  grid: CoverageGrid;
  /** Instants at which trades were approved, per site of the traded shift. */
  approvedTradeTimesBySite: ReadonlyMap<string, readonly Instant[]>;
  /**
   * agentId → ISO week key (the Monday "YYYY-MM-DD" in the agent's home zone) → number of
   * trades (Approved or PendingReview) the agent takes part in with a shift in that week.
   */
  tradeCountsByAgentWeek: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

export interface CoverageImpactPoint {
  skillId: string;
  intervalStart: Instant;
  required: number;
  before: number;
  after: number;
}

export type TradeRefusalCode =
  | "TradingDisabled"
  | "SameAgent"
  | "SameShift"
  | "SwapNeedsReceiverShift"
  | "OneSidedHasReceiverShift"
  | "UnknownAgent"
  | "UnknownShift"
  | "UnknownSite"
  | "ShiftNotOwned"
  | "StaleShiftVersion"
  | "ShiftNotPublished"
  | "ShiftInPast"
  | "ShiftInAnotherTrade"
  | "AlreadyDecided";

/** Why a trade could not even be evaluated; the outcome is then Denied with no violations. */
export interface TradeRefusal {
  code: TradeRefusalCode;
  message: string;
  /** The request field at fault, for forms. */
  field: string | null;
}

/** For callers that prefer to throw a refusal (services map it to an AppError). */
export class TradeInputError extends Error {
  readonly code: TradeRefusalCode;
  readonly field: string | null;
  constructor(refusal: TradeRefusal) {
    super(refusal.message);
    this.name = "TradeInputError";
    this.code = refusal.code;
    this.field = refusal.field;
  }
}

export interface TradeEvaluation {
  tradeId: string;
  outcome: TradeOutcome;
  violations: TradeViolation[];
  /** Set when the trade was refused before any rule ran. */
  refusal: TradeRefusal | null;
  /** Sites whose supervisors must decide (PendingReview only): where each moving shift is worked. */
  reviewSiteIds: string[];
  /** The skill-intervals whose coverage the trade changes, for the review chart. */
  coverageImpact: CoverageImpactPoint[];
}

export interface EvaluateOptions {
  /**
   * When to fill `coverageImpact`: "review" (default) only for PendingReview outcomes,
   * "always", or "never".
   */
  coverageImpact?: "review" | "always" | "never";
}

export interface EvaluateBatchOptions extends EvaluateOptions {
  /**
   * true (default): the batch is a queue in arrival order; each Approved trade is applied
   * and each PendingReview trade joins the overlay before the next trade is evaluated.
   * false: every trade is judged against the context alone.
   */
  sequential?: boolean;
}
