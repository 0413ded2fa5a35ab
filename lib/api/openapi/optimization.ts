import { z } from "zod";
import { defineOperation } from "./define";

export const jobIdParam = z.uuid();

export const optimizationRunSchema = z.object({
  id: z.string(),
  status: z.enum(["queued", "running", "completed", "failed", "canceled"]),
  progress: z.number().min(0).max(1),
  error: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  result: z.record(z.string(), z.unknown()).nullable().meta({ description: "Once completed: the recommended shifts, the bound and the gap." }),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const optimizationJob = defineOperation({
  path: "/api/v1/optimization/jobs/[id]",
  method: "GET",
  tag: "Optimization",
  summary: "An optimization run's status and result",
  description: "Poll it after a launch: status and progress, and once completed the result (recommendations, bound and gap).",
  pathParams: { id: jobIdParam },
  response: {
    description: "The run.",
    schema: optimizationRunSchema,
    example: { id: "9c8b7a6d-5e4f-4a3b-8c1d-0e9f8a7b6c5d", status: "running", progress: 0.4, error: null, payload: {}, result: null, createdAt: "2026-11-28T10:00:00.000Z", updatedAt: "2026-11-28T10:00:05.000Z" },
  },
});
