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
  const model = h.createModel(modelData(h, msg.model, null));
  try {
    // The warm start's evaluation comes out of the same time limit.
    model.options.set({ output_flag: false, time_limit: Math.max(0.5, msg.timeLimitSec - (performance.now() - t0) / 1000), mip_rel_gap: msg.mipRelGap, ...(msg.mipAbsGap > 0 ? { mip_abs_gap: msg.mipAbsGap } : {}) });
    if (msg.warm) {
      try {
        model.setSolution({ indices: msg.warm.indices, values: msg.warm.values });
      } catch {
        // A warm start HiGHS cannot use is only a lost head start.
      }
    }
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
    const info = (name) => {
      try {
        const v = model.info.get(name);
        return typeof v === "bigint" ? Number(v) : v;
      } catch {
        return null;
      }
    };
    const hasSolution = (info("primal_solution_status") ?? 0) >= 2 || code === 7;
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

parentPort.on("message", (msg) => {
  solve(msg).catch((e) => parentPort.postMessage({ type: "error", message: e instanceof Error ? e.message : String(e) }));
});
