import { describe, expect, it } from "vitest";
import { generateDemo } from "@/lib/demo/generate";
import { computeCoverage } from "@/lib/domain/coverage";
import { SkillCatalog } from "@/lib/domain/skills";
import { INTERVAL_MS } from "@/lib/domain/types";

const WEEK = "2026-11-23";
const DAY = 86_400_000;

/** The demo week as a planner reads it: worked hours against required hours, and net coverage per UTC day. */
function measure(weekStart: string) {
  const demo = generateDemo({ weekStart });
  const start = Date.parse(`${weekStart}T00:00:00Z`);
  const grid = { start, intervalCount: (7 * DAY) / INTERVAL_MS };
  const required = new Map<string, Float64Array>();
  for (const d of demo.demand) {
    const i = (d.intervalStart - start) / INTERVAL_MS;
    if (i < 0 || i >= grid.intervalCount) continue;
    if (!required.has(d.skillId)) required.set(d.skillId, new Float64Array(grid.intervalCount));
    required.get(d.skillId)![i] += d.requiredAgents;
  }
  const coverage = computeCoverage({ grid, shifts: demo.shifts, agents: new Map(demo.agents.map((a) => [a.id, a])), catalog: new SkillCatalog(demo.skills), required });
  let requiredHours = 0;
  let workedHours = 0;
  const day = Array.from({ length: 7 }, () => ({ required: 0, covered: 0 }));
  for (const c of coverage.values()) {
    for (let i = 0; i < grid.intervalCount; i++) {
      requiredHours += c.required[i] / 4;
      workedHours += c.net[i] / 4;
      const d = day[Math.floor(i / 96)];
      d.required += c.required[i];
      d.covered += Math.min(c.required[i], c.net[i]);
    }
  }
  return { demo, scheduledRatio: workedHours / requiredHours, dayRatios: day.map((d) => d.covered / d.required) };
}

describe("the demo week is fitted to its demand", () => {
  const m = measure(WEEK);

  it("schedules 100–110 % of the required hours (it was 150 %)", () => {
    expect(m.scheduledRatio).toBeGreaterThanOrEqual(1.0);
    expect(m.scheduledRatio).toBeLessThanOrEqual(1.1);
  });

  it("covers most of the demand on weekdays and leaves a short Saturday", () => {
    const weekdays = m.dayRatios.slice(0, 5);
    for (const r of weekdays) expect(r).toBeGreaterThan(0.85);
    expect(m.dayRatios[5]).toBeLessThan(Math.min(...weekdays));
  });

  it("is deterministic and keeps each agent inside their availability and the site's start window", () => {
    expect(generateDemo({ weekStart: WEEK }).shifts).toEqual(m.demo.shifts);
    const agents = new Map(m.demo.agents.map((a) => [a.id, a]));
    const zone = new Map(m.demo.sites.map((s) => [s.id, s.timeZone]));
    for (const s of m.demo.shifts) {
      const a = agents.get(s.agentId)!;
      const parts = new Intl.DateTimeFormat("en-GB", { timeZone: zone.get(s.siteId)!, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(s.start).split(":").map(Number);
      const minute = parts[0] * 60 + parts[1];
      expect(a.availability.some((w) => w.startMinute <= minute && minute + 8.5 * 60 <= w.endMinute), `${s.agentId} at ${minute}`).toBe(true);
      if (s.siteId === "NYC") expect(minute).toBeGreaterThanOrEqual(6 * 60);
    }
    // Never two shifts a day for one agent.
    const perDay = new Set(m.demo.shifts.map((s) => `${s.agentId}|${Math.floor(s.start / DAY)}`));
    expect(perDay.size).toBe(m.demo.shifts.length);
  });
});
