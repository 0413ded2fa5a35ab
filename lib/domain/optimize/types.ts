/**
 * The optimizer's request and answer, in the seed's shape (shared by the greedy and the
 * exact engine, the services and the CXone simulator).
 */
import type { CoverageGrid } from "../coverage";
import type { SkillCatalog } from "../skills";
import type { Agent, Shift, Site } from "../types";

export type GapPriority = "HIGH" | "MEDIUM" | "LOW";
export type OptimizationGoal = "MINIMIZE_OVERTIME" | "MAXIMIZE_SKILL_COVERAGE";

export interface GapResolutionRule {
  targetSkillId: string;
  /** Informational: the shortfall arrays are the truth. */
  deficitHours: number;
  priority: GapPriority;
  allowOvertime: boolean;
  maxOvertimeHoursPerAgent: number;
  /** "AVAILABLE" (default): within availability windows; "ANY": windows ignored; or these agents only. */
  preferredAgentPool?: "AVAILABLE" | "ANY" | readonly string[];
}

export interface ComplianceRules {
  maxConsecutiveHours: number;
  /** Minutes of the unpaid break a new shift longer than 6 h gets. */
  minBreakDuration: number;
  respectPublishedShifts: boolean;
}

export interface GreedyInput {
  /** Proposals lie inside this grid; `required` arrays are indexed by its intervals. */
  grid: CoverageGrid;
  agents: readonly Agent[];
  sites: readonly Site[];
  catalog: SkillCatalog;
  /** The schedule as it is (every shift of every agent, any status). */
  shifts: readonly Shift[];
  /** Required agents per skill per interval. */
  required: ReadonlyMap<string, Float64Array>;
  rules: readonly GapResolutionRule[];
  compliance: ComplianceRules;
  goals?: readonly OptimizationGoal[];
}

export interface GreedyOptions {
  /** An interval joins a window when at least this many agents short (default 0.5). */
  minShortfall?: number;
  /** A proposal must cover at least this many shortfall hours (default 1). */
  minGainHours?: number;
  /** … and at least this share of its worked hours (default 0.25). */
  minUtilization?: number;
  /** Shortest extension, hours (default 1). */
  minExtensionHours?: number;
  /** Step between new-shift lengths, minutes (default 30). */
  lengthStepMinutes?: number;
  /** New shifts longer than this get a break, hours (default 6). */
  breakAfterHours?: number;
  /** Safety stop (default 10,000 proposals). */
  maxIterations?: number;
}

export interface RecommendedShift {
  skillId: string;
  /** ISO 8601, UTC. */
  startTime: string;
  endTime: string;
  /** Shortfall hours this shift covers. */
  coverageImpact: number;
  overtimeFlag: boolean;
  overtimeHours: number;
  /** CXone break shape: seconds from the start, seconds long. */
  breaks: { startTimeOffset: number; duration: number }[];
  /** The shift this one adjoins and extends (an existing shift's id, or greedy-n of another proposal); null for a new shift. */
  extendsShiftId: string | null;
}

export interface AssignmentRecommendation {
  agentId: string;
  recommendedShifts: RecommendedShift[];
  /**
   * 1 − 0.3 × (overtime share of the proposed hours) − 0.5 × (share outside availability).
   * Hard rules are never broken, so the score only prices the soft costs.
   */
  complianceScore: number;
}

/**
 * NO_QUALIFIED_AGENT: nobody (in the pool) serves the skill; NO_FEASIBLE_AGENT: qualified
 * agents exist but none is free, rested, available and within hours and overtime caps;
 * BELOW_MINIMUM_GAIN: the window is smaller than a proposal must cover (minGainHours);
 * ITERATION_LIMIT: the safety stop was reached first; TRADE_OFF (exact engine): agents could
 * reach it, but using them elsewhere or the cost of the shortest legal shift weighs more.
 */
export type UnmetReason = "NO_QUALIFIED_AGENT" | "NO_FEASIBLE_AGENT" | "BELOW_MINIMUM_GAIN" | "ITERATION_LIMIT" | "TRADE_OFF";

export interface UnmetRequirement {
  skillId: string;
  start: string;
  end: string;
  shortfallHours: number;
  peakShortfall: number;
  reason: UnmetReason;
}

export interface GreedyResult {
  engine: "greedy";
  assignmentRecommendations: AssignmentRecommendation[];
  /** (covered hours after − before) / required hours, targeted skills, net coverage. */
  projectedCoverageImprovement: number;
  estimatedOvertimeHours: number;
  unmetRequirements: UnmetRequirement[];
  /** The proposals as draft shifts (for "accept recommendations"). */
  proposedShifts: Shift[];
  stats: {
    iterations: number;
    shortfallHoursBefore: number;
    shortfallHoursAfter: number;
    proposedHours: number;
  };
}


/** The request both engines take. */
export type OptimizeInput = GreedyInput;
