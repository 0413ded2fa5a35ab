import "server-only";
/**
 * The simulator tenant's shapes and small rules: what it loads, what its answers look
 * like, how it reads a proficiency, and the optimization request it accepts.
 */
import { type CoverageGrid } from "../../domain/coverage";
import { greedyFill, type GapResolutionRule } from "../../domain/optimize/greedy";
import { proficiencyFromName, type SkillCatalog } from "../../domain/skills";
import type { Agent, DemandPoint, Shift, Site, Skill } from "../../domain/types";
import type { CxoneFieldError } from "../errors";
import { optimizationRequestSchema, formatIssuePath, type OptimizationRequest } from "../schemas";

export interface SimData {
  sites?: Site[];
  skills?: Skill[];
  agents?: Agent[];
  demand?: DemandPoint[];
  shifts?: Shift[];
}

export class SimHttpError extends Error {
  constructor(
    readonly status: number,
    readonly errors: CxoneFieldError[],
  ) {
    super(errors[0]?.message ?? `HTTP ${status}`);
  }
}

export const MAX_BATCH = 1_000;
export const MAX_RANGE_DAYS = 62;
export const DAY_MS = 86_400_000;
export const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
export const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** A level 1–5, or a name of domain/skills PROFICIENCY_NAMES in any case; absent → 3. */
export function proficiencyOf(level: unknown): number | null {
  const whole = (n: number) => (Number.isInteger(n) && n >= 1 && n <= 5 ? n : null);
  if (typeof level === "number") return whole(level);
  if (typeof level === "string") {
    if (/^\s*\d+\s*$/.test(level)) return whole(Number(level));
    return proficiencyFromName(level);
  }
  if (level === undefined || level === null) return 3;
  return null;
}

export function isoNoMillis(t: number): string {
  return new Date(t).toISOString().replace(".000Z", "Z");
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

export interface ImportOutcome {
  jobId: string;
  processedCount: number;
  failedCount: number;
  status: "VALIDATED" | "COMPLETED" | "PARTIAL" | "FAILED";
  errors: CxoneFieldError[];
}

export interface CoverageWireItem {
  skillId: string;
  queueId?: string;
  requiredHours: number;
  availableHours: number;
  coveredHours: number;
  deficitHours: number;
  dateRange: { start: string; end: string };
}

export interface JobRecord {
  jobId: string;
  createdAt: number;
  fault: { neverCompletes: boolean; fails: boolean; failMessage: string; queuedMs: number; runningMs: number };
  compute: () => unknown;
  result?: unknown;
  error?: string;
}

export function shiftIndex(e: CxoneFieldError): number {
  const m = /^shifts\[(\d+)\]/.exec(e.field ?? "");
  return m ? Number(m[1]) : -1;
}

/** The optimization request, refused with the field named when it is not one CXone takes. */
export function parseOptimizationRequest(body: unknown, catalog: SkillCatalog): OptimizationRequest {
  const parsed = optimizationRequestSchema.safeParse(body);
  if (!parsed.success) {
    throw new SimHttpError(
      400,
      parsed.error.issues.slice(0, 20).map((i) => ({ field: formatIssuePath(i.path) || undefined, code: "INVALID_VALUE", message: i.message })),
    );
  }
  const req = parsed.data;
  const start = Date.parse(req.dateRange.start);
  const end = Date.parse(req.dateRange.end);
  if (!(end > start)) throw new SimHttpError(400, [{ field: "dateRange.end", code: "INVALID_RANGE", message: "dateRange.end must be after dateRange.start" }]);
  if (end - start > 31 * DAY_MS) throw new SimHttpError(400, [{ field: "dateRange", code: "RANGE_TOO_LARGE", message: "At most 31 days per optimization" }]);
  for (const [i, r] of req.gapResolutionRules.entries()) {
    if (catalog.ids().length > 0 && !catalog.has(r.targetSkillId)) {
      throw new SimHttpError(400, [{ field: `gapResolutionRules[${i}].targetSkillId`, code: "UNKNOWN_SKILL", message: `No skill ${r.targetSkillId} in this tenant` }]);
    }
  }
  return req;
}

/** The greedy engine's answer in CXone's job-result shape. */
export function greedyAnswer(input: { grid: CoverageGrid; agents: Agent[]; sites: Site[]; catalog: SkillCatalog; shifts: Shift[]; required: Map<string, Float64Array>; request: OptimizationRequest }) {
  const { grid, agents, sites, catalog, shifts, required, request: req } = input;
  const r = greedyFill({
    grid,
    agents,
    sites,
    catalog,
    shifts,
    required,
    rules: req.gapResolutionRules as GapResolutionRule[],
    compliance: req.complianceRules,
    goals: req.optimizationGoals,
  });
  // proposedShifts is the domain's draft-shift form of the same answer; CXone does not send it.
  return {
    engine: r.engine,
    assignmentRecommendations: r.assignmentRecommendations,
    projectedCoverageImprovement: r.projectedCoverageImprovement,
    estimatedOvertimeHours: r.estimatedOvertimeHours,
    unmetRequirements: r.unmetRequirements,
    stats: r.stats,
  };
}
