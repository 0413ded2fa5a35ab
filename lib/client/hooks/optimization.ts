"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "../fetch-json";

export interface Recommendation {
  agentId: string;
  complianceScore: number;
  recommendedShifts: { skillId: string; startTime: string; endTime: string; coverageImpact: number; overtimeFlag: boolean }[];
}

export interface OptimizationResult {
  engine: string;
  message?: string;
  assignmentRecommendations: Recommendation[];
  projectedCoverageImprovement: number;
  estimatedOvertimeHours: number;
  unmetRequirements?: { skillId: string; start: string; end: string; shortfallHours: number; peakShortfall: number; reason: string }[];
  rules?: { targetSkillId: string; deficitHours: number; priority: string }[];
  stats?: { shortfallHoursBefore: number; shortfallHoursAfter: number };
}

/** What GET /api/v1/optimization/jobs/[id] answers. */
export interface OptimizationJobView {
  id: string;
  status: "queued" | "running" | "completed" | "failed" | "canceled";
  progress: number;
  error: string | null;
  result: OptimizationResult | null;
}

export const optimizationKeys = {
  job: (id: string | null) => ["optimization-job", id] as const,
};

const settled = (job: OptimizationJobView | undefined) => !!job && (job.status === "completed" || job.status === "failed" || job.status === "canceled");

/** One optimization run, polled every second while it is queued or running. */
export function useOptimizationJob(jobId: string | null) {
  return useQuery({
    queryKey: optimizationKeys.job(jobId),
    queryFn: () => fetchJson<OptimizationJobView>(`/api/v1/optimization/jobs/${encodeURIComponent(jobId!)}`),
    enabled: !!jobId,
    refetchInterval: (q) => (settled(q.state.data) ? false : 1000),
  });
}
