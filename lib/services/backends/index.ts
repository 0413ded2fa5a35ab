import "server-only";
import { env } from "../../env";
import { cxoneBackend } from "./cxone";
import { localBackend } from "./local";
import type { WfmBackend, WfmBackendName } from "./types";

export type { CoverageReading, OptimizationPlan, OptimizationRunControl, WfmBackend, WfmBackendName } from "./types";

/** The backend WFM_BACKEND names: the one place that reads it. */
export function currentBackendName(): WfmBackendName {
  return env().WFM_BACKEND;
}

/**
 * The backend for a use case: the configured one, or the one a queued job recorded when it
 * was launched (so a job runs where it was launched even if the setting changed meanwhile).
 */
export function wfmBackend(name: WfmBackendName = currentBackendName()): WfmBackend {
  return name === "cxone" ? cxoneBackend : localBackend;
}
