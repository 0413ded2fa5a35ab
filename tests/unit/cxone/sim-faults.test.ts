import { describe, expect, it } from "vitest";
import { FaultDice, defaultFaults, faultsFromEnv, mergeFaults } from "@/lib/cxone/simulator/faults";

describe("simulator fault knobs", () => {
  it("reads CXONE_SIM_* variables", () => {
    const patch = faultsFromEnv({
      CXONE_SIM_SEED: "7",
      CXONE_SIM_429_RATE: "0.25",
      CXONE_SIM_RETRY_AFTER: "date:3",
      CXONE_SIM_5XX_RATE: "0.1",
      CXONE_SIM_5XX_AFTER_APPLY: "1",
      CXONE_SIM_FAULT_ENDPOINTS: "import,coverage",
      CXONE_SIM_TOKEN_TTL_MS: "500",
      CXONE_SIM_TRUNCATE_RATE: "0.5",
      CXONE_SIM_REPEAT_TOKEN: "true",
      CXONE_SIM_JOB_NEVER_COMPLETES: "1",
    });
    const f = mergeFaults(defaultFaults(), patch);
    expect(f.seed).toBe(7);
    expect(f.rateLimit).toMatchObject({ rate: 0.25, retryAfter: { seconds: 3, format: "http-date" }, endpoints: ["import", "coverage"] });
    expect(f.serverError).toMatchObject({ rate: 0.1, afterApply: true, status: 503 });
    expect(f.tokenLifetimeMs).toBe(500);
    expect(f.truncatedPage.rate).toBe(0.5);
    expect(f.truncatedPage.endpoints).toEqual(["coverage"]);
    expect(f.repeatPageToken).toBe(true);
    expect(f.job.neverCompletes).toBe(true);
    expect(mergeFaults(defaultFaults(), faultsFromEnv({ CXONE_SIM_RETRY_AFTER: "none" })).rateLimit.retryAfter).toBeNull();
  });

  it("refuses bad knobs", () => {
    expect(() => mergeFaults(defaultFaults(), { rateLimit: { rate: 2 } })).toThrow(/rateLimit.rate/);
    expect(() => faultsFromEnv({ CXONE_SIM_429_RATE: "lots" })).toThrow(/Not a number/);
  });

  it("is deterministic for a seed, and `times` caps the firings", () => {
    const run = (seed: number) => {
      const dice = new FaultDice(mergeFaults(defaultFaults(), { seed, rateLimit: { rate: 0.5 } }));
      return Array.from({ length: 40 }, () => dice.roll("rateLimit", "coverage"));
    };
    expect(run(3)).toEqual(run(3));
    expect(run(3)).not.toEqual(run(4));
    const capped = new FaultDice(mergeFaults(defaultFaults(), { rateLimit: { rate: 1, times: 2 } }));
    expect(Array.from({ length: 4 }, () => capped.roll("rateLimit", "import"))).toEqual([true, true, false, false]);
    expect(capped.roll("rateLimit", "token")).toBe(false);
  });
});
