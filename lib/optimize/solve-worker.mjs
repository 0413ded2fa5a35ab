/**
 * The HiGHS worker: plain JavaScript on purpose, so the same file runs under vitest, tsx,
 * `npm run worker` and a Next server build without a TypeScript loader. It receives a
 * sparse model (plain typed arrays), solves it with the persistent highs-js API and posts
 * progress (incumbent and bound as they improve), incumbents (solution vectors) and the
 * result. HiGHS is single-threaded WebAssembly: one solve per worker, never on the event loop.
 */
import { parentPort } from "node:worker_threads";
import loadHighs from "highs";

let highsPromise = null;
const highs = () => (highsPromise ??= loadHighs());

const STATUS = { 7: "OPTIMAL", 8: "INFEASIBLE", 13: "TIME_LIMIT", 17: "INTERRUPTED" };

function modelData(h, m, fixed) {
  const lower = Float64Array.from(m.colLower);
  const upper = Float64Array.from(m.colUpper);
  if (fixed) {
    for (let k = 0; k < fixed.indices.length; k++) {
      lower[fixed.indices[k]] = fixed.values[k];
      upper[fixed.indices[k]] = fixed.values[k];
    }
  }
  const inf = (a) => Float64Array.from(a, (v) => (v === Infinity ? h.infinity : v === -Infinity ? -h.infinity : v));
  return {
    numCols: m.numCols,
    numRows: m.numRows,
    colCost: m.colCost,
    colLower: inf(lower),
    colUpper: inf(upper),
    rowLower: inf(m.rowLower),
    rowUpper: inf(m.rowUpper),
    matrix: { format: "csc", numRows: m.numRows, numCols: m.numCols, starts: m.starts, indices: m.indices, values: m.values },
    integrality: m.integrality,
  };
}

/** A warm start HiGHS cannot use is only a lost head start. */
function setWarmStart(model, warm) {
  if (!warm) return;
  try {
    model.setSolution({ indices: warm.indices, values: warm.values });
  } catch {
    // ignored: see above
  }
}

/** An info item as a number, or null where this build does not have it. */
function infoOf(model, name) {
  try {
    const v = model.info.get(name);
    return typeof v === "bigint" ? Number(v) : v;
  } catch {
    return null;
  }
}

/** Whether the solve ended with a plan to read (optimal, or a feasible incumbent at a limit). */
function hasPrimalSolution(model, code) {
  return code === 7 || (infoOf(model, "primal_solution_status") ?? 0) >= 2;
}

async function solve(msg) {
  const h = await highs();
  const t0 = performance.now();
  let warmObjective = null;
  if (msg.warm && msg.evaluateWarm) {
    // The warm start's objective in the model's own terms: binaries fixed, the rest solved.
    const fixed = h.createModel(modelData(h, msg.model, msg.warm));
    try {
      fixed.options.set({ output_flag: false, time_limit: Math.max(1, msg.timeLimitSec / 10) });
      fixed.run();
      if (fixed.getModelStatus() === 7) warmObjective = fixed.getObjectiveValue();
    } finally {
      fixed.dispose();
    }
  }
  if (msg.strategy === "relaxation-first") return relaxationFirst(h, msg, t0, warmObjective);
  const model = h.createModel(modelData(h, msg.model, null));
  try {
    // The warm start's evaluation comes out of the same time limit.
    model.options.set({ output_flag: false, time_limit: Math.max(0.5, msg.timeLimitSec - (performance.now() - t0) / 1000), mip_rel_gap: msg.mipRelGap, ...(msg.mipAbsGap > 0 ? { mip_abs_gap: msg.mipAbsGap } : {}) });
    setWarmStart(model, msg.warm);
    let lastPost = 0;
    const T = h.constants.callbackType;
    model.run({
      [T.mipImprovingSolution](e) {
        const d = e.data;
        parentPort.postMessage({ type: "incumbent", objective: d.objective_function_value, solution: d.mip_solution, bound: d.mip_dual_bound ?? null, seconds: d.running_time ?? 0 });
      },
      [T.mipLogging](e) {
        const d = e.data;
        const now = performance.now();
        if (now - lastPost < 250) return;
        lastPost = now;
        parentPort.postMessage({ type: "progress", incumbent: Number.isFinite(d.mip_primal_bound) ? d.mip_primal_bound : null, bound: Number.isFinite(d.mip_dual_bound) ? d.mip_dual_bound : null, gap: d.mip_gap ?? null, seconds: d.running_time ?? 0 });
      },
    });
    const code = model.getModelStatus();
    const sol = model.getSolution();
    const info = (name) => infoOf(model, name);
    const hasSolution = hasPrimalSolution(model, code);
    parentPort.postMessage({
      type: "done",
      status: STATUS[code] ?? `STATUS_${code}`,
      colValue: hasSolution ? sol.colValue : null,
      objective: hasSolution ? model.getObjectiveValue() : null,
      bound: info("mip_dual_bound"),
      gap: info("mip_gap"),
      ms: performance.now() - t0,
      warmObjective,
    });
  } finally {
    model.dispose();
  }
}

/**
 * The large-model path: the LP relaxation first (a proven lower bound, in seconds where the full
 * branch-and-bound would still be in presolve), then the MIP restricted to the candidates the
 * relaxation uses (value > 0) plus the warm start's. Fixing candidates to 0 keeps every answer of
 * the restricted MIP feasible for the full model, so its incumbent is a real plan; the bound
 * reported is the relaxation's (the restricted MIP's own bound is not a bound for the full model).
 * The restricted solve stops as soon as incumbent ≤ bound / (1 − target gap) (HiGHS's
 * `objective_target`), or at the time limit.
 */
function relaxationFirst(h, msg, t0, warmObjective) {
  const deadline = t0 + msg.timeLimitSec * 1000;
  const secondsLeft = () => Math.max(0.5, (deadline - performance.now()) / 1000);
  const lpData = modelData(h, msg.model, null);
  delete lpData.integrality;
  const lp = h.createModel(lpData);
  let lpValue = null;
  let bound = null;
  try {
    lp.options.set({ output_flag: false, time_limit: secondsLeft() });
    lp.run();
    if (lp.getModelStatus() === 7) {
      bound = lp.getObjectiveValue();
      lpValue = lp.getSolution().colValue;
    }
  } finally {
    lp.dispose();
  }
  const elapsed = () => (performance.now() - t0) / 1000;
  if (lpValue === null) {
    // No relaxation in time: no bound and no guide; the caller shows the warm start.
    parentPort.postMessage({ type: "done", status: "TIME_LIMIT", colValue: null, objective: null, bound: null, gap: null, ms: performance.now() - t0, warmObjective, restricted: null });
    return;
  }
  parentPort.postMessage({ type: "progress", incumbent: warmObjective, bound, gap: null, seconds: elapsed() });
  const m = msg.model;
  const keep = new Uint8Array(m.numCols);
  if (msg.warm) for (let k = 0; k < msg.warm.indices.length; k++) if (msg.warm.values[k] > 0.5) keep[msg.warm.indices[k]] = 1;
  const upper = Float64Array.from(m.colUpper);
  let kept = 0;
  let binaries = 0;
  for (let j = 0; j < m.numCols; j++) {
    if (m.integrality[j] !== 1) continue;
    binaries++;
    if (lpValue[j] > 1e-6 || keep[j]) kept++;
    else upper[j] = 0;
  }
  const model = h.createModel(modelData(h, { ...m, colUpper: upper }, null));
  try {
    model.options.set({
      output_flag: false,
      time_limit: secondsLeft(),
      mip_rel_gap: msg.mipRelGap,
      ...(msg.mipAbsGap > 0 ? { mip_abs_gap: msg.mipAbsGap } : {}),
      // Stop once the plan is within the target gap of the relaxation's bound.
      objective_target: bound >= 0 ? bound / Math.max(1e-9, 1 - msg.mipRelGap) + (msg.mipAbsGap ?? 0) : bound,
    });
    setWarmStart(model, msg.warm);
    const T = h.constants.callbackType;
    let lastPost = 0;
    model.run({
      [T.mipImprovingSolution](e) {
        const d = e.data;
        parentPort.postMessage({ type: "incumbent", objective: d.objective_function_value, solution: d.mip_solution, bound, seconds: elapsed() });
      },
      [T.mipLogging](e) {
        const now = performance.now();
        if (now - lastPost < 250) return;
        lastPost = now;
        const inc = Number.isFinite(e.data.mip_primal_bound) ? e.data.mip_primal_bound : null;
        parentPort.postMessage({ type: "progress", incumbent: inc, bound, gap: inc ? (inc - bound) / inc : null, seconds: elapsed() });
      },
    });
    const code = model.getModelStatus();
    const hasSolution = hasPrimalSolution(model, code);
    const objective = hasSolution ? model.getObjectiveValue() : null;
    // Proven optimal for the restricted model is not proven for the full one: the gap to the
    // relaxation decides. The restricted optimum reached within the target counts as the target.
    const withinTarget = objective !== null && objective - bound <= msg.mipRelGap * Math.abs(objective) + (msg.mipAbsGap ?? 0) + 1e-9;
    const status = withinTarget ? "OPTIMAL" : code === 13 ? "TIME_LIMIT" : code === 7 ? "RESTRICTED_OPTIMAL" : (STATUS[code] ?? `STATUS_${code}`);
    parentPort.postMessage({
      type: "done",
      status,
      colValue: hasSolution ? model.getSolution().colValue : null,
      objective,
      bound,
      gap: objective !== null ? (objective - bound) / Math.max(1e-9, Math.abs(objective)) : null,
      ms: performance.now() - t0,
      warmObjective,
      restricted: { binaries, kept },
    });
  } finally {
    model.dispose();
  }
}

parentPort.on("message", (msg) => {
  solve(msg).catch((e) => parentPort.postMessage({ type: "error", message: e instanceof Error ? e.message : String(e) }));
});
