import type { OptimizationResult, ProgressPoint } from "@/lib/types/optimization";

/** Percent with one decimal, "0.0 %" never shown for a positive gap. */
export function percent(gap: number): string {
  const p = gap * 100;
  return `${p > 0 && p < 0.1 ? "< 0.1" : p.toFixed(1)} %`;
}

/**
 * The bound and gap in a planner's words: "proven optimal", "within 1.3 % of the best
 * possible", "stopped at the time limit", or why there is no bound.
 */
export function gapInWords(r: Pick<OptimizationResult, "engine" | "gap" | "bound" | "solverStatus" | "cancelled">): string {
  const stop = r.cancelled ? "stopped by a planner" : r.solverStatus === "TIME_LIMIT" ? "stopped at the time limit" : r.solverStatus === "GAP_REACHED" ? "reached the target gap" : r.solverStatus === "RESTRICTED_OPTIMAL" ? "the best plan built from the shifts the relaxation uses" : null;
  if (r.gap === null || r.gap === undefined || r.bound === null || r.bound === undefined) {
    return `No bound: the solver did not finish its first relaxation${stop ? ` (${stop})` : ""}, so how far this answer is from the best possible is unknown.`;
  }
  if (r.gap <= 1e-6) return r.engine === "exact" ? "Proven optimal: no schedule under these rules scores better." : "Proven optimal: the greedy's answer matches the bound.";
  return `Within ${percent(r.gap)} of the best possible${stop ? ` — ${stop}` : ""}.`;
}

/** The latest incumbent and bound of a live trace, with their gap. */
export function latest(trace: readonly ProgressPoint[]): { incumbent: number | null; bound: number | null; gap: number | null } {
  let incumbent: number | null = null;
  let bound: number | null = null;
  for (const p of trace) {
    if (p.incumbent !== null) incumbent = p.incumbent;
    if (p.bound !== null) bound = Math.max(0, p.bound);
  }
  const gap = incumbent !== null && bound !== null && incumbent > 0 ? Math.max(0, incumbent - bound) / incumbent : null;
  return { incumbent, bound, gap };
}
