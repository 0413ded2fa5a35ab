import "server-only";
/**
 * The wire shapes of the CXone WFM contract (shared/CXONE_API.md). Responses are parsed
 * with these schemas; a body that does not fit becomes a CxoneResponseError naming the
 * field. Objects are loose: CXone may add fields, and the simulator adds a few of ours
 * (coveredHours, engine, unmetRequirements), which the client keeps.
 */
import { z } from "zod";

// ---------------------------------------------------------------- auth

export const tokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.number().positive(),
  scope: z.string().optional(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

// ---------------------------------------------------------------- errors

export const fieldErrorSchema = z.looseObject({
  field: z.string().optional(),
  code: z.string(),
  message: z.string(),
});

/** `{errors[]}`, or OAuth's `{error, error_description}`. Parsed leniently: it is already a failure. */
export const errorBodySchema = z.looseObject({
  errors: z.array(z.unknown()).optional(),
  error: z.string().optional(),
  error_description: z.string().optional(),
});

// ---------------------------------------------------------------- shifts

export type ShiftStatusWire = "PUBLISHED" | "DRAFT";

/** A shift as CXone takes it. Dates are ISO 8601 with an offset; breaks in seconds. */
export interface CxoneShift {
  agentId: string;
  startDate: string;
  endDate: string;
  skills: { skillId: string; proficiencyLevel: string | number }[];
  status: ShiftStatusWire;
  breaks: { startTimeOffset: number; duration: number }[];
  metadata?: Record<string, unknown>;
}

export const importResponseSchema = z.looseObject({
  jobId: z.string(),
  processedCount: z.number().int().nonnegative(),
  failedCount: z.number().int().nonnegative(),
  status: z.string(),
  errors: z.array(fieldErrorSchema).default([]),
});
export type ImportResponse = z.infer<typeof importResponseSchema>;

// ---------------------------------------------------------------- coverage

export const coverageGroupBySchema = z.enum(["skill", "queue", "timeBlock"]);
export type CoverageGroupBy = z.infer<typeof coverageGroupBySchema>;

export const coverageItemSchema = z.looseObject({
  skillId: z.string(),
  queueId: z.string().optional(),
  requiredHours: z.number(),
  availableHours: z.number(),
  /** Ours (simulator): Σ min(required, scheduled) hours; CXone does not send it. */
  coveredHours: z.number().optional(),
  /** Ours (simulator): Σ shortfall hours. */
  deficitHours: z.number().optional(),
  dateRange: z.looseObject({ start: z.string(), end: z.string() }),
});
export type CoverageItem = z.infer<typeof coverageItemSchema>;

export const coveragePageSchema = z.looseObject({
  items: z.array(coverageItemSchema),
  nextPageToken: z.string().nullish(),
  totalCount: z.number().int().nonnegative(),
});
export type CoveragePageWire = z.infer<typeof coveragePageSchema>;

// ---------------------------------------------------------------- optimization

export const optimizationGoalSchema = z.enum(["MINIMIZE_OVERTIME", "MAXIMIZE_SKILL_COVERAGE"]);
export const gapPrioritySchema = z.enum(["HIGH", "MEDIUM", "LOW"]);

export const gapResolutionRuleSchema = z.object({
  targetSkillId: z.string().min(1),
  deficitHours: z.number().nonnegative(),
  priority: gapPrioritySchema,
  allowOvertime: z.boolean(),
  maxOvertimeHoursPerAgent: z.number().nonnegative(),
  /** "AVAILABLE": within availability; "ANY": availability ignored; or a list of agent ids. */
  preferredAgentPool: z.union([z.enum(["AVAILABLE", "ANY"]), z.array(z.string())]).default("AVAILABLE"),
});
export type GapResolutionRuleWire = z.input<typeof gapResolutionRuleSchema>;

export const complianceRulesSchema = z.object({
  maxConsecutiveHours: z.number().positive(),
  /** Minutes. */
  minBreakDuration: z.number().nonnegative(),
  respectPublishedShifts: z.boolean(),
});

export const optimizationRequestSchema = z.object({
  dateRange: z.object({ start: z.iso.datetime({ offset: true }), end: z.iso.datetime({ offset: true }) }),
  optimizationGoals: z.array(optimizationGoalSchema).default(["MINIMIZE_OVERTIME", "MAXIMIZE_SKILL_COVERAGE"]),
  gapResolutionRules: z.array(gapResolutionRuleSchema),
  complianceRules: complianceRulesSchema,
});
export type OptimizationRequest = z.input<typeof optimizationRequestSchema>;

export const optimizationRunResponseSchema = z.looseObject({
  jobId: z.string().min(1),
  status: z.string(),
});
export type OptimizationRunResponse = z.infer<typeof optimizationRunResponseSchema>;

export const jobStatusSchema = z.enum(["QUEUED", "RUNNING", "COMPLETED", "FAILED"]);
export type JobStatus = z.infer<typeof jobStatusSchema>;

export const recommendedShiftSchema = z.looseObject({
  skillId: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  coverageImpact: z.number(),
  overtimeFlag: z.boolean(),
});

export const assignmentRecommendationSchema = z.looseObject({
  agentId: z.string(),
  recommendedShifts: z.array(recommendedShiftSchema),
  complianceScore: z.number(),
});

export const unmetRequirementSchema = z.looseObject({
  skillId: z.string(),
  start: z.string(),
  end: z.string(),
  shortfallHours: z.number(),
  peakShortfall: z.number(),
  reason: z.string(),
});

export const optimizationResultSchema = z.looseObject({
  assignmentRecommendations: z.array(assignmentRecommendationSchema),
  projectedCoverageImprovement: z.number(),
  estimatedOvertimeHours: z.number(),
  engine: z.string().optional(),
  unmetRequirements: z.array(unmetRequirementSchema).optional(),
});
export type OptimizationResult = z.infer<typeof optimizationResultSchema>;

export const optimizationJobSchema = z.looseObject({
  jobId: z.string(),
  status: jobStatusSchema,
  result: optimizationResultSchema.nullish(),
  errorMessage: z.string().nullish(),
});
export type OptimizationJob = z.infer<typeof optimizationJobSchema>;

// ---------------------------------------------------------------- helpers

/** ["items", 0, "requiredHours"] → "items[0].requiredHours" */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out;
}
