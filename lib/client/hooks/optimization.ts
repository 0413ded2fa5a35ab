"use client";

import { useQuery } from "@tanstack/react-query";
import type { OptimizationJobView } from "../../types/optimization";
import { fetchJson } from "../fetch-json";

export type { OptimizationJobView, OptimizationResult, Recommendation } from "../../types/optimization";

export const optimizationKeys = {
  job: (id: string | null) => ["optimization-job", id] as const,
};

const settled = (job: OptimizationJobView | undefined) => !!job && (job.status === "completed" || job.status === "failed" || (job.status === "canceled" && (job.result !== null || job.live === null)));

/** One optimization run, polled every second while it is queued or running (and while a cancel is taking effect). */
export function useOptimizationJob(jobId: string | null) {
  return useQuery({
    queryKey: optimizationKeys.job(jobId),
    queryFn: () => fetchJson<OptimizationJobView>(`/api/v1/optimization/jobs/${encodeURIComponent(jobId!)}`),
    enabled: !!jobId,
    refetchInterval: (q) => (settled(q.state.data) ? false : 1000),
  });
}
