/**
 * Lines from the current schedule: the weekly patterns agents already work, with as many
 * slots as agents work each pattern in an average week, so a planner can offer "what we
 * run today" for bidding and edit from there.
 */
import type { SkillCatalog } from "../skills";
import { formatLocalTime, isoWeekday, localDateKey, startOfIsoWeek } from "../time";
import type { Agent, Shift, Site } from "../types";
import type { BidLine } from "./types";

const DAY_ABBR = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** [1,2,3,4,5] → "Mon–Fri"; [1,3,5] → "Mon, Wed, Fri"; [6,7] → "Sat–Sun". */
export function daysLabel(days: readonly number[]): string {
  const sorted = [...days].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const d of sorted) {
    const last = runs[runs.length - 1];
    if (last && d === last[1] + 1) last[1] = d;
    else runs.push([d, d]);
  }
  return runs.map(([a, b]) => (a === b ? DAY_ABBR[a] : b === a + 1 ? `${DAY_ABBR[a]}, ${DAY_ABBR[b]}` : `${DAY_ABBR[a]}–${DAY_ABBR[b]}`)).join(", ");
}

/** The label planners and agents read: "Mon–Fri 08:00–16:30 NYC, SKILL_SALES_US, 12 slots". */
export function lineLabel(l: Pick<BidLine, "days" | "start" | "end" | "siteId" | "skillId" | "slots">): string {
  return `${daysLabel(l.days)} ${l.start}–${l.end} ${l.siteId}, ${l.skillId}, ${l.slots} slot${l.slots === 1 ? "" : "s"}`;
}

export interface ScheduleLinesInput {
  shifts: readonly Shift[];
  agents: readonly Agent[];
  sites: readonly Site[];
  catalog: SkillCatalog;
  /** The scope's sites (locations) and skill groups: only shifts it would reach count. */
  siteIds: readonly string[];
  skillGroups: readonly string[];
  /** Local dates (on each site's clock) of the shifts to read, inclusive. */
  from: string;
  to: string;
}

export interface ScheduleLines {
  lines: Omit<BidLine, "id">[];
  /** ISO weeks (Monday dates) the shifts were read from; slots are per average week. */
  weeks: string[];
  shiftsRead: number;
}

/**
 * Groups shifts into weekly patterns: one agent's shifts of one ISO week with the same site,
 * skill and local start and end form the pattern (the weekdays worked); the slots are the
 * pattern's agent-weeks divided by the weeks read, rounded up. The line's skill is the
 * first skill (by id) on the shift — or, for a shift that lists none, of the agent — that
 * serves one of the scope's skill groups; shifts serving none are left out. Times are on
 * the site's clock, as lines are. Example: five agents each working Mon–Fri 08:00–16:30
 * at NYC in one week → one line "Mon–Fri 08:00–16:30 NYC, SKILL_SALES_US, 5 slots".
 */
export function linesFromSchedule(input: ScheduleLinesInput): ScheduleLines {
  const siteById = new Map(input.sites.map((s) => [s.id, s]));
  const agentById = new Map(input.agents.map((a) => [a.id, a]));
  const sites = new Set(input.siteIds);
  const serves = (skillId: string) => input.skillGroups.some((g) => input.catalog.satisfies(skillId, g));
  type Week = { siteId: string; skillId: string; start: string; end: string; days: Set<number>; breaks: Shift["breaks"] };
  const agentWeeks = new Map<string, Week>();
  const weeks = new Set<string>();
  let read = 0;
  for (const s of input.shifts) {
    const site = siteById.get(s.siteId);
    if (!site || !sites.has(s.siteId)) continue;
    const date = localDateKey(s.start, site.timeZone);
    if (date < input.from || date > input.to) continue;
    const held = s.skills.length ? s.skills.map((k) => k.skillId) : (agentById.get(s.agentId)?.skills.map((k) => k.skillId) ?? []);
    const skillId = [...held].sort().find(serves);
    if (!skillId) continue;
    read++;
    const week = startOfIsoWeek(date);
    weeks.add(week);
    const start = formatLocalTime(s.start, site.timeZone);
    const end = formatLocalTime(s.end, site.timeZone);
    const key = [s.agentId, week, s.siteId, skillId, start, end].join("|");
    const w = agentWeeks.get(key) ?? { siteId: s.siteId, skillId, start, end, days: new Set<number>(), breaks: s.breaks };
    w.days.add(isoWeekday(date));
    agentWeeks.set(key, w);
  }
  const patterns = new Map<string, { w: Week; count: number }>();
  for (const w of agentWeeks.values()) {
    const days = [...w.days].sort((a, b) => a - b);
    const key = [w.siteId, w.skillId, w.start, w.end, days.join(",")].join("|");
    const p = patterns.get(key);
    if (p) p.count++;
    else patterns.set(key, { w: { ...w, days: new Set(days) }, count: 1 });
  }
  const n = Math.max(1, weeks.size);
  const lines = [...patterns.values()]
    .map(({ w, count }) => {
      const days = [...w.days].sort((a, b) => a - b);
      const slots = Math.ceil(count / n);
      return { label: lineLabel({ days, start: w.start, end: w.end, siteId: w.siteId, skillId: w.skillId, slots }), siteId: w.siteId, skillId: w.skillId, days, start: w.start, end: w.end, slots, breaks: w.breaks.map((b) => ({ ...b })) };
    })
    .sort((a, b) => a.siteId.localeCompare(b.siteId) || a.skillId.localeCompare(b.skillId) || a.start.localeCompare(b.start) || a.days.join().localeCompare(b.days.join()));
  return { lines, weeks: [...weeks].sort(), shiftsRead: read };
}
