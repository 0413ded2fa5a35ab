/**
 * The shapes of shift bidding (DOMAIN "Shift bidding"): scopes, biddable lines, bids,
 * locks, awards and the reasons every bid ends with. Plain data only;
 * `lib/schemas/bidding.ts` validates the same shapes at the edges.
 */
import type { Agent, Instant, Shift, ShiftBreak, Site } from "../types";
import type { SkillCatalog } from "../skills";

/** An agent attribute must equal one of `values` ("equals" is "in" with one value). */
export interface AttributeCondition {
  type: "attribute";
  operator: "equals" | "in";
  attributeName: string;
  values: string[];
}

export interface ScopeEligibility {
  conditions: AttributeCondition[];
  /**
   * The time-zone rule is always on: an agent's home zone must be the zone of the line's
   * site, unless their home zone is listed here (an explicit cross-zone allowance).
   */
  allowedZones: string[];
}

/** The bid period: local calendar dates, both inclusive. */
export interface BidPeriod {
  start: string;
  end: string;
}

/** When agents may bid: offsets from the period's first midnight, or local date-times; both in `timeZone`. */
export type BidWindow =
  | { kind: "offsets"; openOffsetSeconds: number; closeOffsetSeconds: number; timeZone: string }
  | { kind: "dates"; opensAt: string; closesAt: string; timeZone: string };

export interface BidConstraints {
  /** Shifts starting on one local day of the agent's home zone. */
  maxShiftsPerDay: number;
  /** Shifts starting in one ISO week of the agent's home zone. */
  maxShiftsPerWeek: number;
  /** Lines one agent may win in this scope (a line is a whole weekly pattern). */
  maxLinesPerAgent: number;
  requireAvailability: boolean;
  respectLaborRules: boolean;
}

export const TIE_BREAKERS = ["performance", "hireDate", "submittedAt", "randomDraw"] as const;
/** performance: rank 1 first; hireDate: earlier first; submittedAt: earlier first; randomDraw: seeded. */
export type TieBreaker = (typeof TIE_BREAKERS)[number];

export type PriorityBasis =
  /** Tier 1 = hired on or before cutoffs[0], tier 2 = on or before cutoffs[1], …, the rest last. */
  | { basis: "tenure"; hiredOnOrBefore: string[] }
  /** Tier 1 = performance rank ≤ rankAtMost[0], … (rank 1 = best). */
  | { basis: "performance"; rankAtMost: number[] }
  /** Tier k = the attribute's value is in tiers[k-1]; anything else last. */
  | { basis: "attribute"; attributeName: string; tiers: string[][] };

/**
 * Agents of `homeSites` rank ahead of everyone else in this scope, always or (a live rule,
 * refused by the linter) only while the line's site is understaffed.
 */
export interface CrossSitePriority {
  homeSites: string[];
  when: "always" | "siteUnderstaffed";
}

export type BidPriority = PriorityBasis & {
  tieBreakers: TieBreaker[];
  /** Seed of the random draw, stored so the draw can be audited and replayed. */
  seed: number;
  crossSite: CrossSitePriority | null;
};

export type ScopeStatus = "draft" | "open" | "closed" | "archived";

export interface BidScope {
  id: string;
  name: string;
  status: ScopeStatus;
  /** Sites whose lines the scope offers. */
  locations: string[];
  /** Skills whose lines the scope offers; a line of a child skill belongs to its parent's group. */
  skillGroups: string[];
  /** Home sites of the agents who may bid; defaults to `locations` (own-site agents). */
  bidderSites: string[];
  /** When set, only these agents may bid (still subject to eligibility). */
  users: string[] | null;
  eligibility: ScopeEligibility;
  period: BidPeriod;
  window: BidWindow;
  constraints: BidConstraints;
  priority: BidPriority;
  /** 1 = first; later waves offer what earlier ones left. */
  wave: number;
  lockDurationHours: number;
  /** When false, a lock holds until its wave closes (and is released then). */
  autoRelease: boolean;
}

/** A weekly shift pattern offered with a number of slots: "Mon–Fri 08:00–16:30 NYC, SKILL_SALES, 12 slots". */
export interface BidLine {
  id: string;
  label: string;
  siteId: string;
  skillId: string;
  /** ISO weekdays the shift starts on, 1 = Monday … 7 = Sunday. */
  days: number[];
  /** "HH:MM" local time at the site; an end at or before the start ends the next day. */
  start: string;
  end: string;
  slots: number;
  breaks: ShiftBreak[];
}

export interface BidPreference {
  lineId: string;
  /** 1 = most wanted. */
  rank: number;
}

/** A lock reserves one slot of a line for its holder until committed, expired, or its wave closes. */
export interface BidLock {
  lineId: string;
  lockedAt: Instant;
  committedAt: Instant | null;
  /** Set when an admin force-released it. */
  releasedAt: Instant | null;
}

export interface Bid {
  agentId: string;
  scopeId: string;
  preferences: BidPreference[];
  /** null while still a draft: drafts are not awarded. */
  submittedAt: Instant | null;
  lock: BidLock | null;
}

export type LockStatus = "held" | "committed" | "expired" | "forceReleased" | "releasedAtWaveEnd";

export type IneligibleCondition =
  | "NotSubmitted"
  | "SubmittedAfterClose"
  | "UnknownLine"
  | "OutsideScope"
  | "NotInScope"
  | "MissingSkill"
  | "Attribute"
  | "TimeZone";

export type ConstraintName = "maxShiftsPerDay" | "maxShiftsPerWeek" | "maxLinesPerAgent" | "requireAvailability";

export type LaborRuleName = "Overlap" | "RestPeriod" | "MaxConsecutiveHours" | "MaxDailyHours" | "EarliestStart";

/** Who filled a line before an agent's turn. */
export interface Taker {
  agentId: string;
  wave: number;
  scopeId: string;
  via: "priority" | "lock";
  /** "tier 1 (hired 2019-03-04)". */
  standing: string;
  /** Whether the taker ranks above the agent in the agent's own scope order (false: earlier wave or round). */
  rankedAbove: boolean;
}

export type BidReason =
  | { kind: "Awarded"; via: "priority" | "lock"; wave: number }
  | { kind: "TakenByHigherPriority"; takenBy: Taker[] }
  | { kind: "Ineligible"; condition: IneligibleCondition; message: string }
  | { kind: "ConstraintExceeded"; constraint: ConstraintName; message: string }
  | { kind: "LaborRule"; rule: LaborRuleName; message: string };

export interface PreferenceOutcome extends BidPreference {
  reason: BidReason;
}

export interface Award {
  agentId: string;
  lineId: string;
  scopeId: string;
  wave: number;
  via: "priority" | "lock";
}

export interface BidOutcome {
  agentId: string;
  scopeId: string;
  preferences: PreferenceOutcome[];
  /** The bid's lock at close: committed locks are claims, every other lock was released. */
  lock: { lineId: string; status: LockStatus; awarded: boolean; reason: BidReason | null } | null;
  /** Position in the scope's static priority order (1 = first), null for drafts. */
  position: number | null;
  tier: number;
  /** In words: what they got and why. */
  explanation: string;
}

/** What the award job needs. Everything that decides the result is in here. */
export interface AwardInput {
  scopes: readonly BidScope[];
  lines: readonly BidLine[];
  bids: readonly Bid[];
  agents: readonly Agent[];
  sites: readonly Site[];
  catalog: SkillCatalog;
  /** Shifts the agents already have around the period (fixed shifts, other awards). */
  schedule: readonly Shift[];
}

export interface AwardResult {
  awards: Award[];
  outcomes: BidOutcome[];
  /** Slots left per line after the last wave. */
  remainingSlots: Record<string, number>;
}

export type LintSeverity = "error" | "warning";

export interface LintFinding {
  severity: LintSeverity;
  code: string;
  scopeId: string;
  /** Other scopes involved (the overlapping one, the earlier wave…). */
  otherScopeIds: string[];
  message: string;
  /** Scope fields to fix, as form paths ("locations", "window.closesAt"). */
  fields: string[];
}
