/**
 * An optimization run as the browser receives it (JSON): the job's status, its progress while
 * it runs, the stored answer and the outcome of accepting proposals. No server code here.
 * Instants are ISO 8601 UTC; the page shows them in the site's zone (`timeZone`).
 */
import type { ShiftBreak, SkillProficiency } from "../domain/types";

/** One reading of the solver: the best answer so far (incumbent) and the proven bound, at `seconds` into the solve. */
export interface ProgressPoint {
  seconds: number;
  incumbent: number | null;
  bound: number | null;
}

/** What a running job has so far (written to the job row about once a second). */
export interface LiveProgress {
  phase: "starting" | "solving";
  elapsedSeconds: number;
  timeLimitSeconds: number;
  trace: ProgressPoint[];
}

export interface StoredProposal {
  id: string;
  agentId: string;
  siteId: string;
  /** The agent's home zone, where the labor rules count days. */
  timeZone: string;
  start: string;
  end: string;
  skillId: string;
  skills: SkillProficiency[];
  breaks: ShiftBreak[];
  extendsShiftId: string | null;
  /** The status of the shift it extends when the run was made: a published one cannot be extended at accept. */
  extendsStatus?: "DRAFT" | "PUBLISHED" | null;
  coverageHours: number;
  overtimeHours: number;
}

export interface Recommendation {
  agentId: string;
  complianceScore: number;
  recommendedShifts: { skillId: string; startTime: string; endTime: string; coverageImpact: number; overtimeFlag: boolean; overtimeHours?: number; extendsShiftId?: string | null }[];
}

export type SolverStatusName = "OPTIMAL" | "TIME_LIMIT" | "INTERRUPTED" | "INFEASIBLE" | "ERROR" | "NOT_RUN" | "GAP_REACHED" | "RESTRICTED_OPTIMAL";

export interface OptimizationResult {
  engine: string;
  /** Why this engine answered, in words (exact model, or the greedy as fallback and why). */
  engineReason?: string;
  message?: string;
  assignmentRecommendations: Recommendation[];
  projectedCoverageImprovement: number;
  estimatedOvertimeHours: number;
  unmetRequirements?: { skillId: string; start: string; end: string; shortfallHours: number; peakShortfall: number; reason: string }[];
  rules?: { targetSkillId: string; deficitHours: number; priority: string }[];
  stats?: { shortfallHoursBefore: number; shortfallHoursAfter: number; proposedHours?: number };
  /** Objective of the answer, the proven lower bound, (incumbent − bound) / incumbent. */
  incumbent?: number | null;
  bound?: number | null;
  gap?: number | null;
  solverStatus?: SolverStatusName;
  solveMs?: number;
  notes?: string[];
  greedyObjective?: number | null;
  model?: { columns: number; rows: number; binaries: number; nonzeros: number };
  settings?: { timeLimitSeconds: number; targetGapPercent: number };
  /** True when a planner stopped the run: the answer is the best found until then. */
  cancelled?: boolean;
  trace?: ProgressPoint[];
  proposals?: StoredProposal[];
  /** Proposal id → the draft shift it became. */
  accepted?: Record<string, string>;
}

/** What GET /api/v1/optimization/jobs/[id] answers. */
export interface OptimizationJobView {
  id: string;
  status: "queued" | "running" | "completed" | "failed" | "canceled";
  progress: number;
  error: string | null;
  /** The planner's request (dates, overtime, time limit, target gap). */
  payload?: Record<string, unknown>;
  /** While the job runs: what it has so far. */
  live: LiveProgress | null;
  result: OptimizationResult | null;
  /** The answer's engine once known (the result's), else null. */
  engine: string | null;
  /** Best objective found and proven bound: the result's once done, the latest solver reading while it runs. */
  incumbent: number | null;
  bound: number | null;
  /** (incumbent − bound) / incumbent, when both are known. */
  gap: number | null;
  solverStatus: SolverStatusName | null;
  createdAt: string;
  updatedAt: string;
}

export interface CoverageDelta {
  skillId: string;
  /** Shortfall hours on the run's range before and after the accepted shifts (net coverage). */
  shortfallBefore: number;
  shortfallAfter: number;
}

/** What accepting proposals answered: the shifts written, the proposals refused and why. */
export interface AcceptOutcome {
  created: { proposalId: string; shiftId: string }[];
  extended: { proposalId: string; shiftId: string; version: number }[];
  refused: { proposalId: string; agentId: string; start: string; end: string; reason: string }[];
  coverage: CoverageDelta[];
  /** Where to see them: the first day and the site of the accepted shifts. */
  from: string | null;
  siteId: string | null;
}
