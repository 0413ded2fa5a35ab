/**
 * A slow CXone (issue 16, item 12) against the simulator over real HTTP, with its latency
 * knob: the coverage view waits at most its budget, then shows CXone's last good answer for
 * the range with a note of what it is still waiting for, or, with none, an UPSTREAM error
 * saying the same. The read it stopped waiting for runs on and refreshes the answer.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type RunningSimulator } from "@/lib/cxone/simulator";
import { demoSimData } from "@/scripts/cxone-flow/demo";
import type { OpenedDb } from "@/lib/db/client";
import { saveCxoneConnection } from "@/lib/services/settings/cxone-connection";
import { getCoverageView } from "@/lib/services/coverage/view";
import { resetEnvCache } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { TEST_DRIVERS } from "./support/db";
import { DEMO_WEEK, openSeeded } from "./support/demo";

const actor = { id: null, label: "admin@test" };
const WEEK = { from: DEMO_WEEK, to: "2026-11-29", view: "net" as const };

describe("coverage from a slow CXone", () => {
  let sim: RunningSimulator;
  let o: OpenedDb;

  beforeAll(async () => {
    process.env.WFM_BACKEND = "cxone";
    resetEnvCache();
    sim = await startSimulator({ data: demoSimData({ weekStart: DEMO_WEEK, includeShifts: true }) });
    o = (await openSeeded(TEST_DRIVERS[0].open)).opened;
    await saveCxoneConnection(o.db, { region: "CUSTOM", baseUrl: sim.url, clientId: "sim-client", clientSecret: "sim-secret" }, actor);
  });
  afterAll(async () => {
    await o.close();
    await sim.close();
    delete process.env.WFM_BACKEND;
    resetEnvCache();
  });

  let fresh: Awaited<ReturnType<typeof getCoverageView>>;

  it("answers within the budget with fresh numbers and no note", async () => {
    fresh = await getCoverageView(o.db, WEEK, "2026-11-21", { upstreamBudgetMs: 30_000 });
    expect(fresh.source).toBe("cxone");
    expect(fresh.upstreamNotice).toBeNull();
    expect(fresh.series.length).toBeGreaterThan(0);
  });

  it("past the budget shows the last good answer and says what it is waiting for", async () => {
    sim.control.setFaults({ latencyMs: 3_000 });
    const view = await getCoverageView(o.db, WEEK, "2026-11-21", { upstreamBudgetMs: 300 });
    expect(view.upstreamNotice).toMatch(/^CXone has not answered within 0\.3 s: still waiting for coverage of 23 Nov 2026–29 Nov 2026 \(UTC\) from CXone \(its first page has not arrived\)\. Showing CXone's last answer for this range, from \d\d:\d\d UTC; reload for newer numbers\.$/);
    expect(view.series).toEqual(fresh.series);
    expect(view.gaps).toEqual(fresh.gaps);
    // A second visit meanwhile joins the read in flight instead of starting another.
    const again = await getCoverageView(o.db, WEEK, "2026-11-21", { upstreamBudgetMs: 100 });
    expect(again.upstreamNotice).toContain("(its first page has not arrived; a read an earlier visit started, still under way)");
    expect(again.series).toEqual(fresh.series);
  });

  it("with no earlier answer for the range, says plainly what it waited for", async () => {
    const e = await getCoverageView(o.db, { from: "2026-11-30", to: "2026-12-06", view: "net" }, "2026-11-21", { upstreamBudgetMs: 300 }).catch((x: unknown) => x);
    expect(isAppError(e) && e.code).toBe("UPSTREAM");
    expect((e as Error).message).toMatch(/CXone has not answered within 0\.3 s: still waiting for coverage of 30 Nov 2026–6 Dec 2026 \(UTC\) from CXone .*There is no earlier answer for this range to show; try again in a minute\./);
  });

  it("the read it stopped waiting for finishes and the next visit is fresh again", async () => {
    sim.control.resetFaults();
    // No budget: wait for the shared read that is still under way.
    const done = await getCoverageView(o.db, WEEK, "2026-11-21");
    expect(done.upstreamNotice).toBeNull();
    const next = await getCoverageView(o.db, WEEK, "2026-11-21", { upstreamBudgetMs: 30_000 });
    expect(next.upstreamNotice).toBeNull();
    expect(next.series).toEqual(fresh.series);
  });
});
