/**
 * The capacity plan end to end: the request validated, the integer model built (pure), solved
 * by HiGHS in the same worker as the exact schedule model, and read back as counts per shift
 * type per day with the coverage series and totals. Throws a ZodError naming the field for bad
 * input, and a CapacityPlanError naming the first interval no plan can cover under MIN_AGENTS.
 */
import { buildCapacityModel, capacityCoverage, capacityTotals, countsFrom, uncoverable } from "../domain/optimize/capacity";
import { INTERVAL_MINUTES, INTERVALS_PER_DAY, type CapacityCount, type CapacityInput, type CapacityTotals } from "../domain/optimize/capacity/types";
import { gapOf } from "../domain/optimize/exact/decode";
import { capacityPlanSchema, toCapacityInput, type CapacityPlanRequest } from "../schemas/capacity-plan";
import { solveInWorker, type SolverSettings } from "./solver";

export class CapacityPlanError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = "CapacityPlanError";
  }
}

export interface CapacityPlanResult {
  objective: CapacityInput["objective"];
  status: "OPTIMAL" | "TIME_LIMIT" | "INTERRUPTED" | "ERROR";
  counts: CapacityCount[];
  /** Scheduled agents per interval (the plan's coverage), beside the required series. */
  coverage: number[];
  required: number[];
  totals: CapacityTotals;
  /** The solver's objective and proven bound (agent-intervals for MIN_DEVIATION, cost for MIN_AGENTS). */
  incumbent: number | null;
  bound: number | null;
  gap: number | null;
  solveMs: number;
  model: { columns: number; rows: number; integers: number };
}

const clock = (minute: number) => `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

export async function runCapacityPlan(request: CapacityPlanRequest, options: { settings?: SolverSettings; signal?: AbortSignal } = {}): Promise<CapacityPlanResult> {
  const input = toCapacityInput(capacityPlanSchema.parse(request));
  if (input.objective === "MIN_AGENTS") {
    const short = uncoverable(input);
    if (short.length > 0) {
      const s = short[0];
      const at = `day ${Math.floor(s.interval / INTERVALS_PER_DAY) + 1} ${clock((s.interval % INTERVALS_PER_DAY) * INTERVAL_MINUTES)}`;
      throw new CapacityPlanError(
        `No plan covers every interval: ${at} requires ${s.required} agents and the shift types can place at most ${s.reachable} there (${short.length} interval${short.length === 1 ? "" : "s"} like it). Raise a maxCount, add a shift type, or minimise the deviation instead.`,
        "required",
      );
    }
  }
  const cm = buildCapacityModel(input);
  const size = { columns: cm.model.numCols, rows: cm.model.numRows, integers: cm.columns.length };
  const out = await solveInWorker({ model: cm.model, settings: { targetGap: 0, absoluteGap: cm.absoluteGap, ...options.settings }, signal: options.signal });
  const counts = out.colValue ? countsFrom(input, cm, out.colValue) : [];
  const status = out.colValue === null ? "ERROR" : out.status === "OPTIMAL" ? "OPTIMAL" : out.status === "TIME_LIMIT" ? "TIME_LIMIT" : "INTERRUPTED";
  const bound = out.bound !== null && Number.isFinite(out.bound) && out.objective !== null ? Math.min(out.bound, out.objective) : null;
  return {
    objective: input.objective,
    status,
    counts,
    coverage: [...capacityCoverage(input, counts)],
    required: [...input.required],
    totals: capacityTotals(input, counts),
    incumbent: out.objective,
    bound,
    gap: gapOf(out.objective, bound),
    solveMs: out.ms,
    model: size,
  };
}
