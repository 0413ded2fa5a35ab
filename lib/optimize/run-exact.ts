/**
 * The exact engine end to end: the greedy answer first (warm start and fallback), the model,
 * HiGHS in a worker, the decoded answer. Never throws for a hard model: a model too large,
 * a worker out of memory, a cancel or a solver failure all return the best answer at hand
 * (the solver's last incumbent when it beats the greedy, else the greedy) with a note.
 */
import { greedySteps } from "../domain/optimize/greedy";
import { decodeExact, gapOf, modelSize, type ExactResult, type SolverStatus } from "../domain/optimize/exact/decode";
import { objectiveOf } from "../domain/optimize/exact/model";
import { prepareExactSteps, warmStartFromGreedy, type ExactOptions } from "../domain/optimize/exact/prepare";
import type { GreedyInput, GreedyResult } from "../domain/optimize/types";
import { solveInWorker, solverSettingsSchema, type SolverProgress, type SolverSettings } from "./solver";
import { runStepsYielding } from "./yielding";

export interface RunExactOptions extends ExactOptions {
  settings?: SolverSettings;
  onProgress?: (p: SolverProgress) => void;
  signal?: AbortSignal;
  /** Models with more nonzeros than this fall back to the greedy (default 4 million). */
  maxNonzeros?: number;
  /** Models with more binaries than this are solved relaxation-first (default 20,000). */
  relaxationFirstAbove?: number;
}

/**
 * Above this many binaries the full branch and bound spends a 30 s budget in presolve and the
 * root relaxation (the demo week: 104 k binaries); the one-day centers have a few hundred.
 */
export const RELAXATION_FIRST_ABOVE = 20_000;

function fromGreedy(g: GreedyResult, notes: string[], solveMs: number, status: SolverStatus, model: ExactResult["model"], bound: number | null, incumbent: number | null): ExactResult {
  return { ...g, engine: "greedy", bound, incumbent, gap: gapOf(incumbent, bound), solverStatus: status, solveMs, notes, model };
}

export async function runExact(input: GreedyInput, options: RunExactOptions = {}): Promise<ExactResult> {
  const settings = solverSettingsSchema.parse(options.settings ?? {});
  // The time limit covers the whole run: the greedy and the model build come out of it.
  const started = Date.now();
  // In slices: on the dashboard's own process this is its event loop (the solve itself runs
  // in a worker thread).
  const greedy = await runStepsYielding(greedySteps(input));
  const prep = await runStepsYielding(prepareExactSteps(input, options));
  const left = settings.timeLimitSeconds - (Date.now() - started) / 1000;
  const size = modelSize(prep);
  if (size.nonzeros > (options.maxNonzeros ?? 4_000_000)) {
    return fromGreedy(greedy, [`The exact model is too large (${size.nonzeros.toLocaleString("en")} nonzeros): the greedy answer is shown.`], 0, "NOT_RUN", size, null, null);
  }
  if (prep.index.candidates.length === 0) {
    // Nothing to decide: the bound is the shortfall nobody can reach, which is also the answer.
    const x = new Float64Array(prep.model.numCols);
    for (const e of prep.index.u) x[e.col] = prep.shortfall.get(e.skillId)![e.interval];
    const obj = objectiveOf(prep.model, x);
    return decodeExact(prep, x, { bound: obj, incumbent: obj, gap: 0, solverStatus: "OPTIMAL", solveMs: 0 }, ["No legal shift can reach any shortfall."]);
  }
  const warm = warmStartFromGreedy(prep, greedy);
  const notes: string[] = [];
  if (warm.matched < warm.total) notes.push(`${warm.total - warm.matched} of the greedy's ${warm.total} proposals are not in the model (extensions of its own shifts); the warm start leaves them out.`);
  if (left < 1) notes.push(`Building the model took ${Math.round(settings.timeLimitSeconds - left)} s of the ${settings.timeLimitSeconds} s limit: the solver had 1 s.`);
  const strategy = size.binaries > (options.relaxationFirstAbove ?? RELAXATION_FIRST_ABOVE) ? "relaxation-first" : "full";
  const out = await solveInWorker({ model: prep.model, settings: { ...settings, timeLimitSeconds: Math.max(1, left) }, warm, evaluateWarm: true, strategy, onProgress: options.onProgress, signal: options.signal });
  if (out.failure) notes.push(`The solver stopped early: ${out.failure}.`);
  if (out.restricted) {
    notes.push(
      `Large model: the bound is the LP relaxation's; the plan is the best found among the ${out.restricted.kept.toLocaleString("en")} of ${out.restricted.binaries.toLocaleString("en")} candidate shifts the relaxation uses (and the greedy's).`,
    );
  }
  if (out.status === "RESTRICTED_OPTIMAL") notes.push("That plan is the best among those candidates; a better one may use others, within the gap shown.");
  if (!out.colValue || out.objective === null) {
    notes.push(out.failure ? "No solver answer: the greedy answer is shown." : "The solver found no answer of its own within the time limit: the greedy answer is shown.");
    // A bound HiGHS has not proven yet is −∞: no bound, not a number to show.
    const provenBound = out.bound !== null && Number.isFinite(out.bound) ? out.bound : null;
    return fromGreedy(greedy, notes, out.ms, out.failure ? "INTERRUPTED" : out.status === "TIME_LIMIT" ? "TIME_LIMIT" : "ERROR", size, provenBound, out.warmObjective);
  }
  const bound = out.bound !== null && Number.isFinite(out.bound) ? Math.min(out.bound, out.objective) : null;
  if (out.warmObjective !== null && out.warmObjective < out.objective - 1e-6) {
    notes.push("The solver's answer is not better than the greedy's: the greedy answer is shown.");
    return fromGreedy(greedy, notes, out.ms, "INTERRUPTED", size, bound, out.warmObjective);
  }
  const status: SolverStatus =
    out.status === "OPTIMAL" ? (gapOf(out.objective, bound) ?? 0) > 1e-6 ? "GAP_REACHED" : "OPTIMAL" : out.status === "TIME_LIMIT" ? "TIME_LIMIT" : out.status === "INFEASIBLE" ? "INFEASIBLE" : out.status === "RESTRICTED_OPTIMAL" ? "RESTRICTED_OPTIMAL" : "INTERRUPTED";
  const result = decodeExact(prep, out.colValue, { bound, incumbent: out.objective, gap: gapOf(out.objective, bound), solverStatus: status, solveMs: out.ms }, notes);
  return { ...result, greedyObjective: out.warmObjective };
}
