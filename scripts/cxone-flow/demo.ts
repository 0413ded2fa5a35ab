/**
 * The demo center for the CXone command-line programs: as our canonical CSV (the flow's
 * `--demo-shifts-out`) and as simulator data (`cxone:sim --demo`). Lives beside the
 * programs because lib/cxone (client and simulator) must not depend on lib/demo.
 */
import { safeCsv } from "../../lib/csv";
import type { SimData } from "../../lib/cxone/simulator";
import { generateDemo } from "../../lib/demo/generate";
import type { Shift } from "../../lib/domain/types";

function isoNoMillis(t: number): string {
  return new Date(t).toISOString().replace(".000Z", "Z");
}

/** Shifts as our canonical CSV: UTC instants, skills as ID:level, breaks as offset/duration minutes. */
export function shiftsToCsv(shifts: readonly Shift[]): string {
  const rows = shifts.map((s) => ({
    agentId: s.agentId,
    start: isoNoMillis(s.start),
    end: isoNoMillis(s.end),
    timeZone: "",
    skills: s.skills.map((k) => `${k.skillId}:${k.proficiency}`).join(";"),
    status: s.status,
    // No leading "+": safeCsv would guard it as a formula.
    breaks: s.breaks.map((b) => `${b.startOffsetMinutes}/${b.durationMinutes}`).join(";"),
    siteId: s.siteId,
    notes: "",
  }));
  return `${safeCsv(rows, ["agentId", "start", "end", "timeZone", "skills", "status", "breaks", "siteId", "notes"])}\r\n`;
}

/** The demo center's published week as our canonical CSV. */
export function demoShiftsCsv(weekStart: string, seed?: number): { csv: string; count: number } {
  const demo = generateDemo({ weekStart, seed });
  return { csv: shiftsToCsv(demo.shifts), count: demo.shifts.length };
}

/** The demo center as simulator data (agents, skills, sites, demand; its shifts only when asked). */
export function demoSimData(options: { weekStart: string; seed?: number; includeShifts?: boolean }): SimData {
  const demo = generateDemo({ weekStart: options.weekStart, seed: options.seed });
  return {
    sites: demo.sites,
    skills: demo.skills,
    agents: demo.agents,
    demand: demo.demand,
    shifts: options.includeShifts ? demo.shifts : undefined,
  };
}
