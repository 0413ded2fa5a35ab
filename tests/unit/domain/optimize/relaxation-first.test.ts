import { describe, expect, it } from "vitest";
import { prepareExact } from "@/lib/domain/optimize/exact/prepare";
import { runExact } from "@/lib/optimize/run-exact";
import { solveInWorker } from "@/lib/optimize/solver";
import { smallInstance } from "./instances";

/**
 * The large-model path, forced on one-day centers where the full search proves the optimum:
 * the relaxation's bound must sit at or below that optimum, the restricted plan at or above it.
 */
describe("relaxation-first (large models)", () => {
  for (const seed of [1016, 1018]) {
    it(`seed ${seed}: the bound is at most the proven optimum and the plan at least it`, async () => {
      const input = smallInstance(seed);
      const settings = { timeLimitSeconds: 120, targetGap: 0 };
      const full = await runExact(input, { settings, relaxationFirstAbove: Infinity });
      expect(full.solverStatus, full.notes.join(" ")).toBe("OPTIMAL");
      const optimum = full.incumbent!;
      const r = await runExact(input, { settings, relaxationFirstAbove: 0 });
      expect(r.engine, r.notes.join(" ")).toBe("exact");
      expect(r.notes.join(" ")).toMatch(/bound is the LP relaxation's/);
      expect(r.bound!).toBeLessThanOrEqual(optimum + 1e-6);
      expect(r.incumbent!).toBeGreaterThanOrEqual(optimum - 1e-6);
      expect(r.gap).toBeCloseTo((r.incumbent! - r.bound!) / r.incumbent!, 9);
      // The bound is the LP relaxation: the same model solved with every binary relaxed.
      const prep = prepareExact(input);
      const lp = await solveInWorker({ model: { ...prep.model, integrality: new Int32Array(prep.model.numCols) }, settings });
      expect(r.bound!).toBeCloseTo(lp.objective!, 6);
    }, 300_000);
  }
});
