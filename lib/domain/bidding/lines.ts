/**
 * Lines on the calendar: a weekly pattern × the period's dates in the site's zone → shift
 * instances on instants. A line is a wall-clock pattern, so its shifts keep their local
 * times across DST (08:00–16:30 stays 08:00–16:30; a 22:00–06:00 night on the fall-back
 * Sunday lasts 9 h). A start in a spring-forward gap moves forward by the gap (02:30 →
 * 03:30) and a repeated time is its first occurrence, like Temporal's "compatible".
 */
import { ZoneClock, isoWeekdayOf } from "../trades/calendar";
import type { Agent, Instant, Shift, Site } from "../types";
import type { SkillCatalog } from "../skills";
import { naiveLocalMs, DAY_MS } from "./window";
import type { Award, BidLine, BidPeriod, BidScope } from "./types";

export interface LineInstance {
  /** `${lineId}@${date}` */
  id: string;
  lineId: string;
  /** Local date at the site the shift starts on. */
  date: string;
  start: Instant;
  end: Instant;
}

/** "08:30" → 510; junk → null. */
export function clockMinutes(text: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h <= 23 && min <= 59 ? h * 60 + min : null;
}

/** Minutes a line lasts on the wall clock: 22:00–06:00 → 480. */
export function lineMinutes(line: Pick<BidLine, "start" | "end">): number {
  const s = clockMinutes(line.start) ?? 0;
  const e = clockMinutes(line.end) ?? 0;
  return e > s ? e - s : e + 1440 - s;
}

/** The period's dates: ("2026-06-01", "2026-06-03") → three day numbers. */
export function periodDayNumbers(period: BidPeriod): number[] {
  const a = naiveLocalMs(period.start);
  const b = naiveLocalMs(period.end);
  if (a === null || b === null) throw new RangeError(`Bad period ${period.start}–${period.end}`);
  const out: number[] = [];
  for (let n = a / DAY_MS; n <= b / DAY_MS && out.length < 400; n++) out.push(n);
  return out;
}

/**
 * Shift instances of `line` in `period`, in start order. Example: Mon–Fri 08:00–16:30 at
 * NYC over one week → five instances, 12:00–20:30 UTC (or 13:00–21:30 in winter).
 */
export function lineInstances(line: BidLine, period: BidPeriod, site: Site, clock = new ZoneClock()): LineInstance[] {
  const startMin = clockMinutes(line.start);
  if (startMin === null) throw new RangeError(`Line ${line.id}: bad start ${line.start}`);
  const length = lineMinutes(line);
  const days = new Set(line.days);
  const out: LineInstance[] = [];
  for (const n of periodDayNumbers(period)) {
    if (!days.has(isoWeekdayOf(n))) continue;
    const wallStart = n * DAY_MS + startMin * 60_000;
    const date = clock.keyOf(n);
    out.push({
      id: `${line.id}@${date}`,
      lineId: line.id,
      date,
      start: clock.wallToInstant(wallStart, site.timeZone),
      end: clock.wallToInstant(wallStart + length * 60_000, site.timeZone),
    });
  }
  return out;
}

/** An instance as the shift the agent would work (for the labor rules and for publishing). */
export function instanceShift(inst: LineInstance, line: BidLine, agentId: string, proficiency: number, id = inst.id): Shift {
  return {
    id,
    agentId,
    siteId: line.siteId,
    start: inst.start,
    end: inst.end,
    skills: [{ skillId: line.skillId, proficiency }],
    status: "DRAFT",
    breaks: line.breaks,
    version: 1,
  };
}

/** The agent's best proficiency among skills that satisfy `skillId` (0 when none). */
export function proficiencyFor(agent: Agent, skillId: string, catalog: SkillCatalog): number {
  let best = 0;
  for (const s of agent.skills) if (s.proficiency > best && catalog.satisfies(s.skillId, skillId)) best = s.proficiency;
  return best;
}

export interface DraftShiftContext {
  scopes: readonly BidScope[];
  lines: readonly BidLine[];
  sites: readonly Site[];
  agents: readonly Agent[];
  catalog: SkillCatalog;
}

/**
 * Awards → draft shifts for the period, one per line instance, listing the line's skill at
 * the awardee's proficiency. Ids are `${lineId}@${date}#${agentId}` so republishing the same
 * award yields the same ids. Awards naming unknown scopes, lines or sites are skipped.
 */
export function awardsToDraftShifts(awards: readonly Award[], ctx: DraftShiftContext): Shift[] {
  const clock = new ZoneClock();
  const scopes = new Map(ctx.scopes.map((s) => [s.id, s]));
  const lines = new Map(ctx.lines.map((l) => [l.id, l]));
  const sites = new Map(ctx.sites.map((s) => [s.id, s]));
  const agents = new Map(ctx.agents.map((a) => [a.id, a]));
  const out: Shift[] = [];
  for (const award of awards) {
    const scope = scopes.get(award.scopeId);
    const line = lines.get(award.lineId);
    const site = line && sites.get(line.siteId);
    if (!scope || !line || !site) continue;
    const agent = agents.get(award.agentId);
    const proficiency = Math.max(1, agent ? proficiencyFor(agent, line.skillId, ctx.catalog) : 1);
    for (const inst of lineInstances(line, scope.period, site, clock)) {
      out.push(instanceShift(inst, line, award.agentId, proficiency, `${inst.id}#${award.agentId}`));
    }
  }
  return out.sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
