import { z } from "zod";
import { capacityPlanSchema } from "../../schemas/capacity-plan";
import { acceptProposalsSchema, launchOptimizationSchema } from "../../schemas/optimization";
import { JSON_BODY } from "../csrf";
import { defineOperation, instant } from "./define";

export const jobIdParam = z.uuid({ error: "Not an optimization run id." });

const SOLVER_STATUSES = ["OPTIMAL", "TIME_LIMIT", "INTERRUPTED", "INFEASIBLE", "ERROR", "NOT_RUN", "GAP_REACHED"] as const;

export const optimizationRunSchema = z
  .object({
    id: z.string(),
    status: z.enum(["queued", "running", "completed", "failed", "canceled"]),
    progress: z.number().min(0).max(1),
    error: z.string().nullable(),
    engine: z.string().nullable().meta({ description: "Which engine answered (exact model, or the greedy and why); null until it has." }),
    incumbent: z.number().nullable().meta({ description: "The best objective found so far (while running: the solver's latest reading)." }),
    bound: z.number().nullable().meta({ description: "The proven lower bound on the objective." }),
    gap: z.number().nullable().meta({ description: "(incumbent − bound) / incumbent: 0.01 = proven within 1 %." }),
    solverStatus: z.enum(SOLVER_STATUSES).nullable().meta({ description: "Once done: why the solver stopped." }),
    payload: z.record(z.string(), z.unknown()).meta({ description: "The request it was launched with." }),
    live: z.record(z.string(), z.unknown()).nullable().optional().meta({ description: "While running: phase, elapsed seconds and the solver's trace." }),
    result: z.record(z.string(), z.unknown()).nullable().meta({ description: "Once completed: the proposals (ids for accept), recommendations, bound and gap." }),
    createdAt: instant(),
    updatedAt: instant(),
  })
  .meta({ id: "OptimizationRun" });

const RUN_ID = "9c8b7a6d-5e4f-4a3b-8c1d-0e9f8a7b6c5d";
const RUN_EXAMPLE = {
  id: RUN_ID,
  status: "running" as const,
  progress: 0.4,
  error: null,
  engine: null,
  incumbent: 1560,
  bound: 1311,
  gap: 0.16,
  solverStatus: null,
  payload: { from: "2026-12-07", to: "2026-12-13", timeLimitSeconds: 30, targetGapPercent: 1 },
  live: { phase: "solving", elapsedSeconds: 12, timeLimitSeconds: 30, trace: [{ seconds: 12, incumbent: 1560, bound: 1311 }] },
  result: null,
  createdAt: "2026-11-28T10:00:00.000Z",
  updatedAt: "2026-11-28T10:00:12.000Z",
};

export const optimizationJob = defineOperation({
  path: "/api/v1/optimization/jobs/[id]",
  method: "GET",
  tag: "Optimization",
  summary: "An optimization run's status, bound and gap",
  description: "Poll it after a launch: status and progress; the incumbent, bound and gap as the solver proves them; once completed the result (proposals to accept).",
  pathParams: { id: jobIdParam },
  response: { description: "The run.", schema: optimizationRunSchema, example: RUN_EXAMPLE },
});

export const launchOptimizationOp = defineOperation({
  path: "/api/v1/optimization/jobs",
  method: "POST",
  tag: "Optimization",
  summary: "Launch an optimization run",
  description: "The Optimization page's launch: a date range (at most 14 days), overtime rules, goals, a time limit and the gap at which to stop. The run is queued; poll GET /optimization/jobs/{id}.",
  input: launchOptimizationSchema,
  inputExample: { from: "2026-12-07", to: "2026-12-13", allowOvertime: true, maxOvertimeHoursPerAgent: 4, goals: ["MINIMIZE_OVERTIME", "MAXIMIZE_SKILL_COVERAGE"], timeLimitSeconds: 30, targetGapPercent: 1 },
  accepts: JSON_BODY,
  idempotent: true,
  response: { status: 201, description: "The queued run.", schema: optimizationRunSchema, example: { ...RUN_EXAMPLE, status: "queued", progress: 0, incumbent: null, bound: null, gap: null, live: null } },
});

export const acceptBodySchema = z.strictObject({ proposalIds: acceptProposalsSchema.shape.proposalIds.meta({ description: "Ids of the run's proposals (result.proposals[].id)." }) });

export const acceptOutcomeSchema = z.object({
  created: z.array(z.object({ proposalId: z.string(), shiftId: z.string() })).meta({ description: "New draft shifts." }),
  extended: z.array(z.object({ proposalId: z.string(), shiftId: z.string(), version: z.number().int() })).meta({ description: "Draft shifts widened (their new version)." }),
  refused: z.array(z.object({ proposalId: z.string(), agentId: z.string(), start: instant(), end: instant(), reason: z.string() })).meta({ description: "Proposals that no longer fit the schedule, each with why." }),
  coverage: z.array(z.object({ skillId: z.string(), shortfallBefore: z.number(), shortfallAfter: z.number() })),
  from: z.string().nullable().meta({ description: "The first day of the accepted shifts, in their site's zone." }),
  siteId: z.string().nullable(),
});

export const acceptProposalsOp = defineOperation({
  path: "/api/v1/optimization/jobs/[id]/accept",
  method: "POST",
  tag: "Optimization",
  summary: "Accept a finished run's proposals as draft shifts",
  description: "Each proposal is re-checked against the schedule as it is now; those that still fit are written (one transaction), the others come back in `refused` with the reason.",
  pathParams: { id: jobIdParam },
  input: acceptBodySchema,
  inputExample: { proposalIds: ["p1", "p2"] },
  accepts: JSON_BODY,
  idempotent: true,
  response: {
    description: "What was created and what was refused.",
    schema: acceptOutcomeSchema,
    example: { created: [{ proposalId: "p1", shiftId: "3f9a6c2e-1b7d-4e8f-9a0b-1c2d3e4f5a6b" }], extended: [], refused: [{ proposalId: "p2", agentId: "AGENT-1002", start: "2026-12-07T13:00:00Z", end: "2026-12-07T21:00:00Z", reason: "Rest before the next shift would be 9 h (at least 11 h)." }], coverage: [{ skillId: "SKILL_SALES", shortfallBefore: 42.5, shortfallAfter: 34 }], from: "2026-12-07", siteId: "NYC" },
  },
  otherResponses: { "409": { description: "The run has no answer yet (still queued or running)." } },
});

export const cancelOptimizationOp = defineOperation({
  path: "/api/v1/optimization/jobs/[id]/cancel",
  method: "POST",
  tag: "Optimization",
  summary: "Cancel a queued or running optimization",
  description: "The solver stops within about a second and the best answer so far is kept (its proposals can be accepted).",
  pathParams: { id: jobIdParam },
  accepts: [...JSON_BODY, ""],
  response: { description: "Cancelled.", schema: z.object({ status: z.literal("canceled") }), example: { status: "canceled" } },
  otherResponses: { "409": { description: "The run already finished, failed or was cancelled." } },
});

export const capacityPlanResultSchema = z.object({
  objective: z.enum(["MIN_DEVIATION", "MIN_AGENTS"]),
  status: z.enum(["OPTIMAL", "TIME_LIMIT", "INTERRUPTED", "ERROR"]),
  counts: z.array(z.object({ shiftTypeId: z.string(), day: z.number().int().meta({ description: "0 = the first day of `required`." }), count: z.number().int() })),
  coverage: z.array(z.number()).meta({ description: "Agents the plan places per 15-minute interval, beside `required`." }),
  required: z.array(z.number()),
  totals: z.object({ deviationHours: z.number(), shortHours: z.number(), overHours: z.number(), agents: z.number(), cost: z.number() }),
  incumbent: z.number().nullable(),
  bound: z.number().nullable(),
  gap: z.number().nullable(),
  solveMs: z.number(),
  model: z.object({ columns: z.number().int(), rows: z.number().int(), integers: z.number().int() }),
});

export const capacityPlanOp = defineOperation({
  path: "/api/v1/optimization/capacity-plans",
  method: "POST",
  tag: "Optimization",
  summary: "A capacity plan: agents per shift type per day",
  description:
    "Stateless (nothing is stored): required agents per 15-minute interval from local midnight (96 a day), the shift types that may be placed, and the objective (MIN_DEVIATION: closest to required; MIN_AGENTS: fewest agents covering every interval). The Capacity plan tab's engine (HiGHS), 30 s at most.",
  input: capacityPlanSchema,
  inputExample: { required: Array.from({ length: 96 }, (_, i) => (i >= 32 && i < 72 ? 10 : 2)), shiftTypes: [{ id: "early", start: "07:00", lengthHours: 8 }, { id: "late", start: "12:00", lengthHours: 8, cost: 1.1, maxCount: 20 }], objective: "MIN_DEVIATION" },
  accepts: JSON_BODY,
  response: {
    description: "Counts per shift type per day, the coverage they give and the totals.",
    schema: capacityPlanResultSchema,
    example: {
      objective: "MIN_DEVIATION",
      status: "OPTIMAL",
      counts: [{ shiftTypeId: "early", day: 0, count: 6 }, { shiftTypeId: "late", day: 0, count: 5 }],
      coverage: [0, 0],
      required: [2, 2],
      totals: { deviationHours: 31.5, shortHours: 12, overHours: 19.5, agents: 11, cost: 11.5 },
      incumbent: 126,
      bound: 126,
      gap: 0,
      solveMs: 84,
      model: { columns: 300, rows: 200, integers: 2 },
    },
  },
});
