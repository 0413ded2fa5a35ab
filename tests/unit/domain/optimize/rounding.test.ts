import { describe, expect, it } from "vitest";
import { buildModel } from "@/lib/domain/optimize/exact/model";
import { prepareExact, type ExactPrepared } from "@/lib/domain/optimize/exact/prepare";
import { addRoundingRows, roundingSize } from "@/lib/domain/optimize/exact/rounding";
import { SparseBuilder, type SparseModel } from "@/lib/domain/optimize/sparse";
import { solveInWorker } from "@/lib/optimize/solver";
import { smallInstance } from "./instances";

/** The same candidates and weights, with the rounding rows left out (budget 0) or in. */
function rebuild(prep: ExactPrepared, budget: number): SparseModel {
  const weightOf = new Map([...prep.rules.values()].map((r) => [r.skillId, r.weight]));
  return buildModel(prep.frames, prep.index.candidates, prep.shortfall, weightOf, prep.input.grid.intervalCount, prep.weights, budget).model;
}

const relaxed = (m: SparseModel): SparseModel => ({ ...m, integrality: new Int32Array(m.numCols) });

describe("integer rounding rows of the cover rows", () => {
  it("a 0.3-agent shortfall: one working agent, or the whole 0.3 left short (u / 0.3 ≥ 1)", () => {
    const m = new SparseBuilder();
    const x = m.col(0, 0, 1, true);
    const u = m.col(1, 0, Infinity, false);
    expect(addRoundingRows(m, [{ col: u, shortfall: 0.3, interval: 0, workers: [x] }])).toBe(1);
    const model = m.done();
    expect(model.rowLower[0]).toBe(1);
    expect(model.values[0]).toBe(1); // x
    expect(model.values[1]).toBeCloseTo(1 / 0.3, 12); // u
  });

  it("cut off no plan: for every whole number of working agents W and shortfall left u with W + u ≥ s, W + u/frac(s) ≥ ⌈s⌉", () => {
    for (const s of [0.3, 1.3, 2.5, 2.95, 4.06]) {
      const f = s - Math.floor(s);
      for (let W = 0; W <= 6; W++) {
        const uMin = Math.max(0, s - W);
        for (const u of [uMin, uMin + 0.01, uMin + 0.5]) expect(W + u / f).toBeGreaterThanOrEqual(Math.ceil(s) - 1e-9);
      }
    }
  });

  it("leaves out whole-number shortfalls and near-whole ones (the 1/f coefficient would be huge for no gain)", () => {
    const m = new SparseBuilder();
    const x = m.col(0, 0, 1, true);
    const u = m.col(1, 0, Infinity, false);
    const sites = [
      { col: u, shortfall: 2, interval: 0, workers: [x] },
      { col: u, shortfall: 1.02, interval: 1, workers: [x] },
    ];
    expect(roundingSize(sites)).toBe(0);
    expect(addRoundingRows(m, sites)).toBe(0);
  });

  it("across skills: an agent working counts once; shortfalls 0.4 + 0.4 need one agent (or 0.8 short)", () => {
    const m = new SparseBuilder();
    const x = m.col(0, 0, 1, true);
    const uA = m.col(1, 0, Infinity, false);
    const uB = m.col(1, 0, Infinity, false);
    const rows = addRoundingRows(m, [
      { col: uA, shortfall: 0.4, interval: 5, workers: [x] },
      { col: uB, shortfall: 0.4, interval: 5, workers: [x] },
    ]);
    expect(rows).toBe(3);
    const model = m.done();
    // The third row: x + (uA + uB)/0.8 ≥ 1.
    expect(model.rowLower[2]).toBe(1);
    const coef = (col: number) => {
      for (let k = model.starts[col]; k < model.starts[col + 1]; k++) if (model.indices[k] === 2) return model.values[k];
      return 0;
    };
    expect(coef(x)).toBe(1);
    expect(coef(uA)).toBeCloseTo(1.25, 12);
    expect(coef(uB)).toBeCloseTo(1.25, 12);
  });

  it("raise the relaxation's bound on a one-day center whose demand is fractional (seed 1016) and keep the optimum of an easy one (seed 1004)", async () => {
    const hard = prepareExact(smallInstance(1016));
    const [lpWithout, lpWith] = await Promise.all([solveInWorker({ model: relaxed(rebuild(hard, 0)) }), solveInWorker({ model: relaxed(rebuild(hard, Infinity)) })]);
    expect(lpWith.objective!).toBeGreaterThan(lpWithout.objective! + 0.1);

    const easy = prepareExact(smallInstance(1004));
    // Gap 0 ends each solve at proven optimality; one after the other, each with 120 s of headroom on a loaded machine.
    const settings = { timeLimitSeconds: 120, targetGap: 0 };
    const without = await solveInWorker({ model: rebuild(easy, 0), settings });
    const withRows = await solveInWorker({ model: rebuild(easy, Infinity), settings });
    expect(without.status).toBe("OPTIMAL");
    expect(withRows.status).toBe("OPTIMAL");
    expect(withRows.objective!).toBeCloseTo(without.objective!, 6);
  }, 300_000);
});
