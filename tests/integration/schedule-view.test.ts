/**
 * The schedule grid's read model: paging in SQL, every filter, day totals over all matching
 * agents (not only the page), paid hours and week-by-week overtime, and a supervisor's scope.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/checks";
import type { OpenedDb } from "@/lib/db/client";
import { insertShifts } from "@/lib/db/queries/shifts";
import type { DemoData } from "@/lib/demo/generate";
import { addDays, localDateKey } from "@/lib/domain/time";
import { scheduleQuerySchema, type ScheduleQuery } from "@/lib/schemas/schedule";
import { getCoverageView } from "@/lib/services/coverage/view";
import { getScheduleCoverageStrip } from "@/lib/services/schedule/coverage-strip";
import { getScheduleView } from "@/lib/services/schedule/view";
import { TEST_DRIVERS } from "./support/db";
import { DEMO_WEEK, openSeeded } from "./support/demo";

const planner: CurrentUser = { id: "00000000-0000-4000-8000-0000000000aa", email: "planner@test", name: "Planner", role: "planner", siteIds: [] };
const lonSupervisor: CurrentUser = { ...planner, email: "sup.lon@test", role: "supervisor", siteIds: ["LON"] };
const q = (extra: Record<string, unknown> = {}): ScheduleQuery => scheduleQuerySchema.parse({ from: DEMO_WEEK, ...extra });

describe.each(TEST_DRIVERS)("the schedule grid's read model on $name", (driver) => {
  let o: OpenedDb;
  let demo: DemoData;
  beforeAll(async () => {
    ({ opened: o, demo } = await openSeeded(driver.open));
  });
  afterAll(() => o.close());

  it("sends one page of agents sorted by name, and the count before paging", async () => {
    const first = await getScheduleView(o.db, q({ limit: 40 }), planner);
    const second = await getScheduleView(o.db, q({ limit: 40, offset: 40 }), planner);
    const last = await getScheduleView(o.db, q({ limit: 40, offset: 280 }), planner);
    const beyond = await getScheduleView(o.db, q({ limit: 40, offset: 400 }), planner);
    expect(first.totalAgents).toBe(demo.agents.length);
    expect(first.rows).toHaveLength(40);
    expect(last.rows).toHaveLength(demo.agents.length - 280);
    expect(beyond.rows).toHaveLength(0);
    expect(beyond.totalAgents).toBe(demo.agents.length);
    // A scrolled page may skip the day totals; its rows are the same.
    const lean = await getScheduleView(o.db, q({ limit: 40, offset: 40, totals: "false" }), planner);
    expect(lean.dayTotals).toEqual([]);
    expect(lean.rows).toEqual(second.rows);
    expect(second.dayTotals.reduce((n, d) => n + d.shifts, 0)).toBeGreaterThan(0);
    const keys = [...first.rows, ...second.rows].map((r) => [r.name, r.agentId] as const);
    expect(new Set(keys.map((k) => k[1])).size).toBe(80);
    const byte = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    expect(keys).toEqual([...keys].sort((a, b) => byte(a[0], b[0]) || byte(a[1], b[1])));
    expect(first.canEdit).toBe(true);
    expect(first.days).toEqual(Array.from({ length: 7 }, (_, i) => addDays(DEMO_WEEK, i)));
  });

  it("counts day totals over every matching agent, by the day a shift starts in the site's zone", async () => {
    const view = await getScheduleView(o.db, q({ siteId: "NYC", limit: 5 }), planner);
    const nycAgents = new Set(demo.agents.filter((a) => a.homeSiteId === "NYC").map((a) => a.id));
    expect(view.zone).toBe("America/New_York");
    expect(view.totalAgents).toBe(nycAgents.size);
    expect(view.rows.every((r) => r.homeSiteId === "NYC")).toBe(true);
    const expected = new Map<string, number>();
    for (const s of demo.shifts) {
      if (!nycAgents.has(s.agentId)) continue;
      const day = localDateKey(s.start, "America/New_York");
      if (view.days.includes(day)) expected.set(day, (expected.get(day) ?? 0) + 1);
    }
    expect(Object.fromEntries(view.dayTotals.filter((d) => d.shifts > 0).map((d) => [d.date, d.shifts]))).toEqual(Object.fromEntries(expected));
    // Every demo shift is 8.5 h with a 30-minute unpaid lunch: 8 paid hours.
    for (const d of view.dayTotals) expect(d.paidHours).toBeCloseTo(d.shifts * 8, 5);
  });

  it("gives each agent paid hours against contract, and overtime week by week", async () => {
    const agent = demo.agents.find((a) => a.contractHoursPerWeek === 40 && a.homeSiteId === "LON")!;
    const before = await getScheduleView(o.db, q({ q: agent.id }), planner);
    expect(before.rows.map((r) => r.agentId)).toEqual([agent.id]);
    expect(before.rows[0].paidHours).toBe(40);
    expect(before.rows[0].overtimeHours).toBe(0);
    expect(before.rows[0].shifts).toHaveLength(5);
    expect(before.rows[0].shifts.every((s) => s.status === "PUBLISHED" && !s.changedSincePublish)).toBe(true);

    // A sixth, draft shift on the agent's day off: 6 paid hours above the 40-hour contract.
    const worked = new Set(before.rows[0].shifts.map((s) => localDateKey(s.start, agent.timeZone)));
    const dayOff = before.days.find((d) => !worked.has(d))!;
    const start = Date.parse(`${dayOff}T10:00:00Z`);
    await insertShifts(o.db, [{ agentId: agent.id, siteId: "LON", start, end: start + 6.5 * 3_600_000, status: "DRAFT", skills: [], breaks: [{ startOffsetMinutes: 180, durationMinutes: 30, paid: false }] }]);
    const after = await getScheduleView(o.db, q({ q: agent.name.split(" ")[1]?.toLowerCase() ?? agent.id, siteId: "LON" }), planner);
    const row = after.rows.find((r) => r.agentId === agent.id)!;
    expect(row.paidHours).toBe(46);
    expect(row.overtimeHours).toBe(6);

    const drafts = await getScheduleView(o.db, q({ status: "DRAFT" }), planner);
    expect(drafts.rows.map((r) => r.agentId)).toEqual([agent.id]);
    expect(drafts.rows[0].shifts.map((s) => s.status)).toEqual(["DRAFT"]);
    expect(drafts.rows[0].paidHours).toBe(6);
    expect(drafts.dayTotals.reduce((n, d) => n + d.shifts, 0)).toBe(1);

    const byHours = await getScheduleView(o.db, q({ sort: "hours", limit: 3 }), planner);
    expect(byHours.rows[0].agentId).toBe(agent.id);
  });

  it("filters by skill (a child skill serves its parent), attribute and search", async () => {
    const sales = await getScheduleView(o.db, q({ skillId: "SKILL_SALES", limit: 200 }), planner);
    const servesSales = demo.agents.filter((a) => a.skills.some((s) => s.skillId === "SKILL_SALES" || s.skillId === "SKILL_SALES_PREMIUM"));
    expect(sales.totalAgents).toBe(servesSales.length);
    expect(sales.rows.some((r) => r.skills.some((s) => s.skillId === "SKILL_SALES_PREMIUM") && !r.skills.some((s) => s.skillId === "SKILL_SALES"))).toBe(
      servesSales.some((a) => !a.skills.some((s) => s.skillId === "SKILL_SALES")),
    );

    const bilingual = await getScheduleView(o.db, q({ attribute: "language=en-US,es", limit: 200 }), planner);
    expect(bilingual.totalAgents).toBe(demo.agents.filter((a) => a.attributes.language === "en-US,es").length);
    expect(bilingual.rows.every((r) => r.attributes.language === "en-US,es")).toBe(true);

    const found = await getScheduleView(o.db, q({ q: "agent-1002" }), planner);
    expect(found.rows.map((r) => r.agentId)).toEqual(["AGENT-1002"]);
    // LIKE wildcards typed by a planner are literal characters.
    expect((await getScheduleView(o.db, q({ q: "%" }), planner)).totalAgents).toBe(0);
  });

  it("sorts by first start, agents without shifts last", async () => {
    const view = await getScheduleView(o.db, q({ sort: "start", siteId: "MNL", limit: 200 }), planner);
    const firsts = view.rows.map((r) => Math.min(...r.shifts.filter((s) => s.start >= Date.parse(`${DEMO_WEEK}T00:00:00+08:00`)).map((s) => s.start)));
    expect(firsts).toEqual([...firsts].sort((a, b) => a - b));
  });

  it("draws each row in the agent's own zone when asked", async () => {
    const view = await getScheduleView(o.db, q({ zoneMode: "agent", limit: 1 }), planner);
    expect(view.zone).toBeNull();
    expect(view.dayTotals.reduce((n, d) => n + d.shifts, 0)).toBe(
      demo.shifts.filter((s) => {
        const a = demo.agents.find((x) => x.id === s.agentId)!;
        return view.days.includes(localDateKey(s.start, a.timeZone));
      }).length + 1, // the draft added above
    );
  });

  it("limits a supervisor to their own sites, read-only, and refuses another site", async () => {
    const view = await getScheduleView(o.db, q({ limit: 200 }), lonSupervisor);
    expect(view.canEdit).toBe(false);
    expect(view.zone).toBe("Europe/London");
    expect(view.totalAgents).toBe(demo.agents.filter((a) => a.homeSiteId === "LON").length);
    expect(view.rows.every((r) => r.homeSiteId === "LON")).toBe(true);
    await expect(getScheduleView(o.db, q({ siteId: "NYC" }), lonSupervisor)).rejects.toMatchObject({ code: "SITE_FORBIDDEN" });
    await expect(getScheduleView(o.db, q({ siteId: "ZZZ" }), planner)).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(getScheduleView(o.db, q(), { ...planner, role: "agent" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("draws the coverage strip with the Coverage page's own net numbers for the range, site and skill", async () => {
    const strip = await getScheduleCoverageStrip(o.db, { from: DEMO_WEEK, days: 7, siteId: "NYC", skillId: "SKILL-EN-BILLING" }, DEMO_WEEK);
    const page = await getCoverageView(o.db, { from: DEMO_WEEK, to: addDays(DEMO_WEEK, 6), site: "NYC", view: "net" }, DEMO_WEEK);
    const series = page.series.find((x) => x.skillId === "SKILL-EN-BILLING")!;
    expect(strip.timeZone).toBe("America/New_York");
    expect(strip.points).toEqual(series.points.map((p) => ({ t: p.t, required: p.required, scheduled: p.net, shortfall: p.shortfall, otherSites: p.otherNet })));
    expect(strip.points.some((p) => p.scheduled > 0 && p.required > 0)).toBe(true);
  });
});
