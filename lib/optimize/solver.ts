/**
 * Runs one sparse model on HiGHS in a worker thread: time limit, target gap, progress,
 * cancellation (the worker is terminated; the last incumbent it posted is kept) and memory
 * limits (a worker that runs out of memory ends with a note instead of taking the process down).
 *
 * The worker is `solve-worker.mjs` beside this file, found from the project's root (see
 * workerLocation); `SHIFTBOARD_SOLVER_WORKER`, or `workerPath`, names another path.
 */
import { join } from "node:path";
import type { Worker as WorkerThread } from "node:worker_threads";
import { z } from "zod";
import type { SparseModel } from "../domain/optimize/exact/model";

export const solverSettingsSchema = z.object({
  timeLimitSeconds: z
    .number({ error: "timeLimitSeconds must be a number of seconds" })
    .gt(0, { error: "timeLimitSeconds must be more than 0" })
    .max(600, { error: "timeLimitSeconds must be at most 600 (10 minutes)" })
    .default(30),
  targetGap: z.number().min(0, { error: "targetGap must be between 0 and 1" }).max(1, { error: "targetGap must be between 0 and 1" }).default(0.01),
  /** Stop when incumbent − bound ≤ this (objective units); default 0 = only the relative gap decides. */
  absoluteGap: z.number().min(0, { error: "absoluteGap cannot be negative" }).default(0),
  /** Heap ceiling of the worker, MiB (default 1024). */
  memoryMb: z.number().int().min(64).max(4096).default(1024),
});
export type SolverSettings = z.input<typeof solverSettingsSchema>;

export interface SolverProgress {
  incumbent: number | null;
  bound: number | null;
  gap: number | null;
  seconds: number;
}

export interface SolverOutcome {
  status: string;
  colValue: Float64Array | null;
  objective: number | null;
  bound: number | null;
  gap: number | null;
  ms: number;
  /** Objective of the warm start in the model's terms, when asked for. */
  warmObjective: number | null;
  /** Why the run ended early without a solver answer (cancelled, out of memory, crashed). */
  failure: string | null;
  /** Relaxation-first runs: binaries in the model and those the restricted MIP kept. */
  restricted?: { binaries: number; kept: number } | null;
}

export interface SolveRequest {
  model: SparseModel;
  settings?: SolverSettings;
  warm?: { indices: Int32Array; values: Float64Array };
  evaluateWarm?: boolean;
  /**
   * "full": branch and bound on the whole model (small models reach a proven optimum).
   * "relaxation-first": the LP relaxation for the bound, then the MIP restricted to the
   * candidates it uses (large models, where the full search would still be in presolve).
   */
  strategy?: "full" | "relaxation-first";
  onProgress?: (p: SolverProgress) => void;
  signal?: AbortSignal;
  workerPath?: string | URL;
}

/**
 * worker_threads fetched at run time: a bundler that sees `new Worker(…)` tries to bundle
 * the worker entry, and with a computed path it pulls in the whole project (the Next build
 * failed on README.md). The worker is plain JavaScript loaded from disk; it imports `highs`
 * (WASM) itself.
 */
function threads(): { Worker: typeof WorkerThread } {
  return process.getBuiltinModule("node:worker_threads") as { Worker: typeof WorkerThread };
}

function workerLocation(explicit?: string | URL): string | URL {
  if (explicit) return explicit;
  if (process.env.SHIFTBOARD_SOLVER_WORKER) return process.env.SHIFTBOARD_SOLVER_WORKER;
  // From the project's root, where the server, `npm run worker`, tsx and vitest all run (as
  // lib/db/pglite-thread.ts finds its worker). Not `new URL(…, import.meta.url)`: the bundler
  // takes that for an asset pattern over the whole folder, and in the API routes' bundle it
  // resolved to run-capacity.ts, so every solve there ended at once with status ERROR.
  return join(/* turbopackIgnore: true */ process.cwd(), "lib", "optimize", "solve-worker.mjs");
}

export function solveInWorker(req: SolveRequest): Promise<SolverOutcome> {
  const settings = solverSettingsSchema.parse(req.settings ?? {});
  const started = Date.now();
  return new Promise((resolve) => {
    let best: { objective: number; solution: Float64Array } | null = null;
    let lastBound: number | null = null;
    let settled = false;
    const worker = new (threads().Worker)(workerLocation(req.workerPath), {
      resourceLimits: { maxOldGenerationSizeMb: settings.memoryMb, maxYoungGenerationSizeMb: 64 },
    });
    const finish = (o: Omit<SolverOutcome, "ms"> & { ms?: number }) => {
      if (settled) return;
      settled = true;
      req.signal?.removeEventListener("abort", onAbort);
      void worker.terminate();
      resolve({ ms: Date.now() - started, ...o });
    };
    const early = (failure: string) =>
      finish({ status: "INTERRUPTED", colValue: best?.solution ?? null, objective: best?.objective ?? null, bound: lastBound, gap: null, warmObjective: null, failure });
    const onAbort = () => early("cancelled");
    if (req.signal?.aborted) return early("cancelled");
    req.signal?.addEventListener("abort", onAbort);
    worker.on("message", (m: Record<string, unknown>) => {
      if (m.type === "incumbent") {
        const objective = m.objective as number;
        if (!best || objective < best.objective) best = { objective, solution: m.solution as Float64Array };
        if (typeof m.bound === "number") lastBound = m.bound;
        req.onProgress?.({ incumbent: objective, bound: lastBound, gap: null, seconds: m.seconds as number });
      } else if (m.type === "progress") {
        if (typeof m.bound === "number") lastBound = m.bound;
        req.onProgress?.({ incumbent: m.incumbent as number | null, bound: lastBound, gap: m.gap as number | null, seconds: m.seconds as number });
      } else if (m.type === "done") {
        finish({
          status: m.status as string,
          colValue: (m.colValue as Float64Array | null) ?? best?.solution ?? null,
          objective: (m.objective as number | null) ?? best?.objective ?? null,
          bound: m.bound as number | null,
          gap: m.gap as number | null,
          ms: m.ms as number,
          warmObjective: m.warmObjective as number | null,
          failure: null,
          restricted: (m.restricted as SolverOutcome["restricted"]) ?? null,
        });
      } else if (m.type === "error") {
        early(`solver error: ${m.message as string}`);
      }
    });
    worker.on("error", (e) => early(/memory|allocation|heap/i.test(e.message) ? `out of memory in the solver worker (${settings.memoryMb} MiB): ${e.message}` : `solver worker failed: ${e.message}`));
    worker.on("exit", (code) => early(`solver worker exited (code ${code})`));
    worker.postMessage({ model: req.model, timeLimitSec: settings.timeLimitSeconds, mipRelGap: settings.targetGap, mipAbsGap: settings.absoluteGap, warm: req.warm, evaluateWarm: req.evaluateWarm ?? false, strategy: req.strategy ?? "full" });
  });
}
