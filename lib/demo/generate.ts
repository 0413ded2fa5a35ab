/**
 * The demo contact center: three sites in three zones, six skills with a hierarchy and a
 * cross-site equivalence group, 300 agents, a published week of shifts and four weeks of
 * demand with daily and weekly shape. Pure and deterministic (seeded PRNG): the same
 * week start always gives the same center, so the database seed and the CXone simulator
 * agree without sharing state.
 *
 * The published week is fitted to the demand (./schedule-fit.ts): about the required
 * hours, with realistic gaps — a short Saturday roster, sales evenings in New York thin
 * (Tuesday's spike worst), London's billing desk short on its Monday-morning rush.
 */
import { addDays, isoWeekday, localToInstant, parseDateKey } from "../domain/time";
import {
  DEFAULT_LABOR_RULES,
  INTERVAL_MS,
  type Agent,
  type AvailabilityWindow,
  type DemandPoint,
  type LaborRules,
  type Shift,
  type ShiftBreak,
  type Site,
  type Skill,
  type SkillProficiency,
} from "../domain/types";
import { mulberry32 } from "../domain/random";
import { fitWeekToDemand } from "./schedule-fit";

export interface DemoData {
  sites: Site[];
  skills: Skill[];
  agents: Agent[];
  shifts: Shift[];
  demand: DemandPoint[];
  weekStart: string;
}

export interface DemoOptions {
  /** Monday, YYYY-MM-DD: the published week; demand covers it and the three weeks after. */
  weekStart: string;
  seed?: number;
  demandWeeks?: number;
}

export const DEMO_SKILLS: Skill[] = [
  { id: "SKILL-EN-TECH-SUPPORT", name: "Tech support (EN)", parentId: null, equivalenceGroup: null },
  { id: "SKILL-EN-BILLING", name: "Billing (EN)", parentId: null, equivalenceGroup: null },
  { id: "SKILL_SALES", name: "Sales", parentId: null, equivalenceGroup: null },
  { id: "SKILL_SALES_PREMIUM", name: "Sales premium", parentId: "SKILL_SALES", equivalenceGroup: null },
  { id: "SKILL_SALES_US", name: "Sales US", parentId: null, equivalenceGroup: "SKILL_SALES_GLOBAL" },
  { id: "SKILL_SALES_UK", name: "Sales UK", parentId: null, equivalenceGroup: "SKILL_SALES_GLOBAL" },
];

const rules = (r: Partial<LaborRules>): LaborRules => ({ ...DEFAULT_LABOR_RULES, ...r });

export const DEMO_SITES: Site[] = [
  { id: "NYC", name: "New York", timeZone: "America/New_York", laborRules: rules({ minRestHours: 10, earliestStartLocal: "06:00" }) },
  // EU Working Time Directive: 11 hours' daily rest.
  { id: "LON", name: "London", timeZone: "Europe/London", laborRules: rules({ minRestHours: 11, maxDailyHours: 13 }) },
  { id: "MNL", name: "Manila", timeZone: "Asia/Manila", laborRules: rules({ minRestHours: 8 }) },
];

const FIRST = ["Ava", "Liam", "Maya", "Noah", "Zoe", "Ethan", "Isla", "Lucas", "Amara", "Mateo", "Priya", "Omar", "Chloe", "Diego", "Hana", "Kai", "Lena", "Ravi", "Sofia", "Tomas", "Yara", "Jun", "Nia", "Felix", "Mina", "Arjun", "Elena", "Marco", "Aisha", "Sam"];
const LAST = ["Santos", "Reyes", "Cruz", "Bautista", "Garcia", "Nguyen", "Smith", "Patel", "Okafor", "Murphy", "Kowalski", "Haddad", "Brown", "Silva", "Tan", "Walsh", "Jones", "Khan", "Moreau", "Ito", "Lopez", "Evans", "Dela Cruz", "Wright", "Novak", "Ali", "Fischer", "Mendoza", "Clarke", "Rossi"];

interface Profile {
  site: string;
  count: number;
  skills: (i: number, rnd: () => number) => SkillProficiency[];
  /** Local start hours the site's shifts use, weighted by repetition. */
  starts: number[];
}

const p = (skillId: string, proficiency: number): SkillProficiency => ({ skillId, proficiency });

const PROFILES: Profile[] = [
  {
    site: "NYC",
    count: 120,
    skills: (i, rnd) => {
      if (i < 40) return rnd() < 0.3 ? [p("SKILL-EN-TECH-SUPPORT", 4), p("SKILL-EN-BILLING", 3)] : [p("SKILL-EN-TECH-SUPPORT", 3 + Math.floor(rnd() * 3))];
      if (i < 62) return [p("SKILL-EN-BILLING", 3 + Math.floor(rnd() * 2))];
      if (i < 78) return [p("SKILL_SALES_PREMIUM", 4), p("SKILL_SALES_US", 4)];
      return [p("SKILL_SALES", 3), p("SKILL_SALES_US", 3)];
    },
    // Few evening starts: the sales evening gap.
    starts: [7, 7, 8, 8, 8, 9, 9, 9, 10, 10, 11, 12],
  },
  {
    site: "LON",
    count: 90,
    skills: (i, rnd) => {
      if (i < 32) return rnd() < 0.25 ? [p("SKILL-EN-TECH-SUPPORT", 4), p("SKILL-EN-BILLING", 4)] : [p("SKILL-EN-TECH-SUPPORT", 3)];
      if (i < 48) return [p("SKILL-EN-BILLING", 3)];
      if (i < 56) return [p("SKILL_SALES_PREMIUM", 4), p("SKILL_SALES_UK", 4)];
      return [p("SKILL_SALES", 3), p("SKILL_SALES_UK", 3)];
    },
    starts: [7, 8, 8, 9, 9, 10, 11, 12, 13],
  },
  {
    site: "MNL",
    count: 90,
    skills: (i, rnd) => {
      if (i < 60) return rnd() < 0.2 ? [p("SKILL-EN-TECH-SUPPORT", 3), p("SKILL-EN-BILLING", 3)] : [p("SKILL-EN-TECH-SUPPORT", 3)];
      return [p("SKILL-EN-BILLING", 3)];
    },
    // Manila covers the American night: 20:00–06:00 local is 07:00–17:00 in New York.
    starts: [18, 19, 20, 20, 21, 21, 22, 22, 23],
  },
];

const SHIFT_HOURS = 8.5;
const halfHours = (from: number, to: number) => Array.from({ length: (to - from) * 2 + 1 }, (_, i) => from + i / 2);
/** Local start hours each site rosters: New York from 06:00 (its labor rule), London to a 13:30 late shift, Manila from 06:00 to a 21:30 night shift (availability ends at 06:00 next day). */
const START_WINDOWS: Record<string, number[]> = { NYC: halfHours(6, 13.5), LON: halfHours(6, 13.5), MNL: halfHours(6, 21.5) };
/** A day is rostered when at least this share of the shift meets open demand. */
const MIN_USEFUL = 0.4;
/**
 * Two consecutive days off (0 = Monday), rotating through the team: most agents are off at
 * the weekend, one in five works Saturday and one in five Sunday — a short Saturday.
 */
const DAYS_OFF: number[][] = [[6, 0], [0, 1], [4, 5], [5, 6], [5, 6], [5, 6], [5, 6], [5, 6], [5, 6], [5, 6]];
const BREAKS: ShiftBreak[] = [
  { startOffsetMinutes: 120, durationMinutes: 15, paid: true },
  { startOffsetMinutes: 240, durationMinutes: 30, paid: false },
  { startOffsetMinutes: 390, durationMinutes: 15, paid: true },
];

function localInstant(dateKey: string, hour: number, minute: number, zone: string): number {
  const d = parseDateKey(dateKey)!;
  const r = localToInstant({ ...d, hour, minute, second: 0 }, zone);
  if (r.ok) return r.instant;
  // DST edge: shift to the first valid local time (demo data only).
  return r.reason === "ambiguous" ? r.candidates[0] : localInstant(dateKey, hour + 1, minute, zone);
}

/** Agents are available in a band around their usual start, every day: the schedule never contradicts it. */
function availabilityFor(start: number): AvailabilityWindow[] {
  const from = Math.max(0, start - 2) * 60;
  const to = Math.min(30, start + 11) * 60;
  return [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute: from, endMinute: to }));
}

export function generateDemo(options: DemoOptions): DemoData {
  const { weekStart } = options;
  if (!parseDateKey(weekStart) || isoWeekday(weekStart) !== 1) throw new RangeError(`weekStart must be a Monday (YYYY-MM-DD), got ${weekStart}`);
  const rnd = mulberry32(options.seed ?? 20261123);
  const siteById = new Map(DEMO_SITES.map((s) => [s.id, s]));

  const agents: Agent[] = [];
  let n = 1001;
  for (const profile of PROFILES) {
    const site = siteById.get(profile.site)!;
    for (let i = 0; i < profile.count; i++, n++) {
      const id = `AGENT-${n}`;
      // Drawn to keep the generator's sequence (names, skills, hire dates) as it was; the
      // usual start now comes from the fit to demand.
      const drawnStart = profile.starts[Math.floor(rnd() * profile.starts.length)];
      const partTime = rnd() < 0.12;
      const hireYear = 2014 + Math.floor(rnd() * 12);
      const hireMonth = 1 + Math.floor(rnd() * 12);
      agents.push({
        id,
        username: `agent${n}`,
        name: `${FIRST[Math.floor(rnd() * FIRST.length)]} ${LAST[Math.floor(rnd() * LAST.length)]}`,
        homeSiteId: site.id,
        timeZone: site.timeZone,
        skills: profile.skills(i, rnd),
        attributes: {
          site_certification: rnd() < 0.9 ? `SITE_${site.id}_COMPLIANT` : "PENDING",
          language: site.id === "LON" && rnd() < 0.2 ? "en-GB,fr" : site.id === "NYC" && rnd() < 0.25 ? "en-US,es" : "en",
        },
        hireDate: `${hireYear}-${String(hireMonth).padStart(2, "0")}-${String(1 + Math.floor(rnd() * 28)).padStart(2, "0")}`,
        performanceRank: 1 + Math.floor(rnd() * 300),
        contractHoursPerWeek: partTime ? 24 : 40,
        availability: availabilityFor(drawnStart),
      });
    }
  }

  const demand = generateDemand(weekStart, options.demandWeeks ?? 4, rnd);
  const { shifts, usualStart } = fitWeekToDemand({
    weekStart,
    agents,
    sites: DEMO_SITES,
    skills: DEMO_SKILLS,
    demand,
    startWindows: START_WINDOWS,
    shiftHours: SHIFT_HOURS,
    breaks: BREAKS,
    minUseful: MIN_USEFUL,
    mayWork: (index, _agent, day) => !DAYS_OFF[index % DAYS_OFF.length].includes(day),
    localInstant,
    addDays,
    shiftId: demoShiftId,
  });
  // Availability is built around the start the fit chose, so the schedule never contradicts it.
  for (const a of agents) a.availability = availabilityFor(usualStart.get(a.id)!);

  return { sites: DEMO_SITES, skills: DEMO_SKILLS, agents, shifts, demand, weekStart };
}

/** A stable uuid-shaped id for the n-th demo shift, so reseeding gives the same ids. */
export function demoShiftId(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;
}

interface DemandCurve {
  skillId: string;
  zone: string;
  /** Required agents at the daily peak on a Monday. */
  peak: number;
  /** Local opening hours [from, to). */
  open: [number, number];
  /** Hour-of-day weight shape, 0..1, evaluated at local fractional hour. */
  shape: (hour: number) => number;
}

const bell = (center: number, width: number) => (h: number) => Math.exp(-(((h - center) / width) ** 2));
const twoPeaks = (h: number) => Math.max(bell(10.5, 2.2)(h), 0.9 * bell(15, 2.4)(h));

const CURVES: DemandCurve[] = [
  { skillId: "SKILL-EN-TECH-SUPPORT", zone: "America/New_York", peak: 40, open: [0, 24], shape: (h) => 0.22 + 0.78 * twoPeaks(h) },
  { skillId: "SKILL-EN-TECH-SUPPORT", zone: "Europe/London", peak: 28, open: [7, 20], shape: twoPeaks },
  { skillId: "SKILL-EN-BILLING", zone: "America/New_York", peak: 30, open: [7, 21], shape: twoPeaks },
  // London billing opens with a Monday-morning rush the desk is not staffed for.
  { skillId: "SKILL-EN-BILLING", zone: "Europe/London", peak: 22, open: [7, 19], shape: (h) => Math.max(twoPeaks(h), 1.15 * bell(8.5, 1.2)(h)) },
  // Sales peaks after work: the New York evening gap.
  { skillId: "SKILL_SALES", zone: "America/New_York", peak: 14, open: [8, 22], shape: (h) => Math.max(0.75 * bell(12, 2.5)(h), bell(18.5, 1.9)(h)) },
  { skillId: "SKILL_SALES", zone: "Europe/London", peak: 7, open: [8, 20], shape: (h) => Math.max(0.8 * bell(12, 2.5)(h), bell(17.5, 1.8)(h)) },
  { skillId: "SKILL_SALES_PREMIUM", zone: "America/New_York", peak: 6, open: [9, 21], shape: (h) => Math.max(0.7 * bell(12, 2)(h), bell(18, 1.8)(h)) },
  { skillId: "SKILL_SALES_PREMIUM", zone: "Europe/London", peak: 4, open: [9, 19], shape: bell(13, 3) },
  { skillId: "SKILL_SALES_US", zone: "America/New_York", peak: 13, open: [8, 22], shape: (h) => Math.max(0.75 * bell(12, 2.5)(h), bell(18.5, 1.9)(h)) },
  { skillId: "SKILL_SALES_UK", zone: "Europe/London", peak: 12, open: [8, 20], shape: (h) => Math.max(0.8 * bell(12, 2.5)(h), bell(17.5, 1.8)(h)) },
];

/** Monday is the heaviest day, the weekend the lightest; Tuesday evening sales spike. */
const WEEKDAY_FACTOR = [0, 1.0, 0.95, 0.9, 0.88, 0.85, 0.3, 0.25];

function generateDemand(weekStart: string, weeks: number, rnd: () => number): DemandPoint[] {
  const start = localInstant(weekStart, 0, 0, "Pacific/Kiritimati"); // the earliest zone's midnight: covers every site's Monday
  const end = start + (weeks * 7 + 1) * 86_400_000;
  const totals = new Map<string, Map<number, number>>();
  const hourFmt = new Map<string, Intl.DateTimeFormat>();
  for (const curve of CURVES) {
    let fmt = hourFmt.get(curve.zone);
    if (!fmt) {
      fmt = new Intl.DateTimeFormat("en-US", { timeZone: curve.zone, hourCycle: "h23", weekday: "short", hour: "2-digit", minute: "2-digit" });
      hourFmt.set(curve.zone, fmt);
    }
    const bySkill = totals.get(curve.skillId) ?? new Map<number, number>();
    totals.set(curve.skillId, bySkill);
    for (let t = start; t < end; t += INTERVAL_MS) {
      const parts = fmt.formatToParts(new Date(t));
      const hour = Number(parts.find((x) => x.type === "hour")!.value) + Number(parts.find((x) => x.type === "minute")!.value) / 60;
      if (hour < curve.open[0] || hour >= curve.open[1]) continue;
      const weekday = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(parts.find((x) => x.type === "weekday")!.value);
      let factor = WEEKDAY_FACTOR[weekday];
      if (weekday === 2 && curve.skillId.startsWith("SKILL_SALES") && hour >= 17) factor *= 1.25;
      const value = curve.peak * factor * curve.shape(hour + 0.125) * (0.94 + 0.12 * rnd());
      bySkill.set(t, (bySkill.get(t) ?? 0) + value);
    }
  }
  const demand: DemandPoint[] = [];
  for (const [skillId, byInterval] of totals) {
    for (const [intervalStart, value] of [...byInterval].sort((a, b) => a[0] - b[0])) {
      const requiredAgents = Math.round(value * 10) / 10;
      if (requiredAgents > 0) demand.push({ skillId, intervalStart, requiredAgents });
    }
  }
  return demand;
}
