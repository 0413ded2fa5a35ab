/**
 * validateShiftEdit: the rules one new or changed shift must pass, judged against the
 * agent's neighbouring shifts only (±8 days), never the whole schedule. The labor rules are
 * the trade engine's own (overlap, rest, consecutive and daily hours, overtime), run on a
 * "leg" in which the agent receives the candidate, so an edit and a trade can never be
 * judged differently; shift length and breaks are the CSV import's (./shift-rules.ts).
 */
import { ZoneClock } from "../trades/calendar";
import { hoursText, localTime } from "../trades/format";
import { PaidTime, roundHours } from "../trades/hours";
import { DEFAULT_TRADING_SETTINGS } from "../trades/policies";
import type { Leg, LegRule, RuleEnv } from "../trades/rule";
import { maxConsecutiveHoursRule } from "../trades/rules/maxConsecutiveHours";
import { maxDailyHoursRule } from "../trades/rules/maxDailyHours";
import { overlapRule } from "../trades/rules/overlap";
import { overtimeRule } from "../trades/rules/overtime";
import { restPeriodRule } from "../trades/rules/restPeriod";
import { insertSorted } from "../trades/schedule";
import type { Finding } from "../trades/types";
import type { Shift } from "../types";
import { wallClockToInstant } from "./local-time";
import { breakOutsideShift, breakText, durationText, shiftLengthProblem, sortBreaks } from "./shift-rules";
import type { ResolvedTimes, ScheduleRuleFinding, ShiftEditCandidate, ShiftEditContext } from "./types";

/** How far either side of an edit the service loads the agent's shifts: a home-zone week plus a day. */
export const NEIGHBOUR_WINDOW_MS = 8 * 86_400_000;

const byStart = (a: Shift, b: Shift) => a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The candidate's start and end as instants, or why not (a DST gap, a malformed time, end not after start). */
export function resolveShiftTimes(c: Pick<ShiftEditCandidate, "start" | "end" | "timeZone">): ResolvedTimes {
  const start = wallClockToInstant(c.start, c.timeZone, "start");
  const end = wallClockToInstant(c.end, c.timeZone, "end");
  const findings: ScheduleRuleFinding[] = [];
  if (!start.ok) findings.push(start.finding);
  if (!end.ok && !(findings[0]?.code === "BAD_TIME_ZONE" && end.finding.code === "BAD_TIME_ZONE")) findings.push(end.finding);
  if (!start.ok || !end.ok) return { ok: false, findings };
  if (end.instant <= start.instant) {
    return {
      ok: false,
      findings: [{ severity: "error", code: "END_BEFORE_START", field: "end", message: `End: the shift ends (${c.end}) ${end.instant === start.instant ? "when" : "before"} it starts (${c.start}, ${c.timeZone}).` }],
    };
  }
  return { ok: true, start: start.instant, end: end.instant };
}

/** The candidate as a stored shift would be (id "new" for a shift not stored yet), or null when its times do not resolve. */
export function candidateShift(c: ShiftEditCandidate, version = 1): Shift | null {
  const t = resolveShiftTimes(c);
  if (!t.ok) return null;
  return { id: c.shiftId ?? "new", agentId: c.agentId, siteId: c.siteId, start: t.start, end: t.end, skills: c.skills, breaks: sortBreaks(c.breaks).breaks, status: c.status, version };
}

const LABOR: Array<[LegRule, string, "error" | "warning", (f: Finding) => string]> = [
  [overlapRule, "OVERLAP", "error", () => "start"],
  [restPeriodRule, "REST", "error", (f) => (f.params.side === "after" ? "end" : "start")],
  [maxConsecutiveHoursRule, "CONSECUTIVE_HOURS", "error", () => "end"],
  [maxDailyHoursRule, "DAILY_HOURS", "error", () => "end"],
  [overtimeRule, "OVERTIME", "warning", () => "end"],
];

/**
 * Every rule the candidate breaks: errors (nothing may be stored) and warnings (stored only
 * when the planner confirms). An empty list means it may be saved as it is.
 * @example a New York agent's shift 2026-03-08T02:30–10:30 → NONEXISTENT_TIME on start.
 * @example an 18:00–02:00 shift ending 8 h before the next day's 10:00 start → REST on end.
 */
export function validateShiftEdit(candidate: ShiftEditCandidate, ctx: ShiftEditContext): ScheduleRuleFinding[] {
  const out: ScheduleRuleFinding[] = [];
  const { agent, site, homeSite, catalog } = ctx;
  if (!agent) out.push({ severity: "error", code: "UNKNOWN_AGENT", field: "agentId", message: `Agent: there is no agent "${candidate.agentId}".` });
  if (!site) out.push({ severity: "error", code: "UNKNOWN_SITE", field: "siteId", message: `Site: there is no site "${candidate.siteId}".` });
  out.push(...skillFindings(candidate, ctx));
  const sorted = sortBreaks(candidate.breaks);
  if (sorted.overlap) out.push({ severity: "error", code: "BREAK_OVERLAP", field: "breaks", message: `Breaks: ${sorted.overlap}.` });

  const times = resolveShiftTimes(candidate);
  if (!times.ok) return [...out, ...times.findings];
  const length = times.end - times.start;
  if (site) {
    const problem = shiftLengthProblem(length, site.laborRules, site.id);
    if (problem) out.push({ severity: "error", code: problem.code === "SHIFT_TOO_LONG" ? "MAX_LENGTH" : "MIN_LENGTH", field: "end", message: `End: ${problem.message}` });
  }
  const outside = breakOutsideShift(sorted.breaks, length);
  if (outside) out.push({ severity: "error", code: "BREAK_OUTSIDE", field: "breaks", message: `Breaks: break ${breakText(outside)} ends after the shift, which lasts ${durationText(length)}.` });
  if (!agent || !homeSite) return out;

  const incoming: Shift = { id: candidate.shiftId ?? "new", agentId: agent.id, siteId: candidate.siteId, start: times.start, end: times.end, skills: candidate.skills, breaks: sorted.breaks, status: candidate.status, version: 1 };
  const before = [...ctx.neighbours].filter((s) => s.agentId === agent.id).sort(byStart);
  const after = insertSorted(before.filter((s) => s.id !== incoming.id), incoming);
  const env = ruleEnv(catalog);
  const leg: Leg = { shift: incoming, incoming, giver: agent, receiver: agent, shiftSite: site ?? homeSite, receiverSite: homeSite, outgoing: null, receiverBefore: before, receiverAfter: after };
  for (const [rule, code, severity, field] of LABOR) {
    for (const f of rule(leg, env)) out.push({ severity, code, field: field(f), message: `${f.message}.` });
  }
  out.push(...calendarFindings(leg, env));
  return out;
}

/** Starts per home-zone day, the earliest local start and the weekly cap of the home site. */
function calendarFindings(leg: Leg, env: RuleEnv): ScheduleRuleFinding[] {
  const { incoming, receiver: agent, receiverSite: home } = leg;
  const { clock, paid } = env;
  const zone = agent.timeZone;
  const rules = home.laborRules;
  const out: ScheduleRuleFinding[] = [];
  const day = clock.dayNumber(incoming.start, zone);
  const starts = leg.receiverAfter.filter((s) => clock.dayNumber(s.start, zone) === day).length;
  if (starts > rules.maxShiftsPerDay) {
    out.push({ severity: "error", code: "STARTS_PER_DAY", field: "start", message: `${agent.id} would start ${starts} shifts on ${clock.keyOf(day)} (${zone}); the maximum at ${home.id} is ${rules.maxShiftsPerDay}.` });
  }
  if (rules.earliestStartLocal) {
    const [h, m] = rules.earliestStartLocal.split(":").map(Number);
    const startMin = Math.floor((((clock.naive(incoming.start, zone) % 86_400_000) + 86_400_000) % 86_400_000) / 60_000);
    if (startMin < h * 60 + m) {
      out.push({ severity: "error", code: "EARLIEST_START", field: "start", message: `The shift would start at ${localTime(clock, incoming.start, zone)} for ${agent.id}, before ${rules.earliestStartLocal}, the earliest start at ${home.id}.` });
    }
  }
  const cap = rules.maxWeeklyHours;
  if (cap != null && cap > 0) {
    const weeks = new Set([clock.weekKey(incoming.start, zone), clock.weekKey(incoming.end - 1, zone)]);
    for (const week of weeks) {
      const range = clock.weekRange(week, zone);
      const hours = paid.within(leg.receiverAfter, range.start, range.end);
      // An edit that leaves an over-cap week no worse (e.g. shortens a shift) is not blocked by it.
      if (hours <= cap + 1e-9 || hours <= paid.within(leg.receiverBefore, range.start, range.end) + 1e-9) continue;
      out.push({ severity: "error", code: "WEEKLY_HOURS", field: "end", message: `${agent.id} would work ${hoursText(roundHours(hours))} in the week of ${week} (${zone}); the maximum at ${home.id} is ${hoursText(cap)}.` });
    }
  }
  return out;
}

/**
 * Unknown skills and skills the agent does not hold are errors: coverage counts a shift's
 * listed skills, so listing one the agent lacks would show coverage nobody gives (the trade
 * engine's MissingRequiredSkill is Disallow for the same reason). A child skill serves its parent.
 */
function skillFindings(c: ShiftEditCandidate, ctx: ShiftEditContext): ScheduleRuleFinding[] {
  const out: ScheduleRuleFinding[] = [];
  const seen = new Set<string>();
  for (const s of c.skills) {
    if (seen.has(s.skillId)) {
      out.push({ severity: "error", code: "DUPLICATE_SKILL", field: "skills", message: `Skills: ${s.skillId} is listed twice.` });
      continue;
    }
    seen.add(s.skillId);
    if (!ctx.catalog.has(s.skillId)) {
      out.push({ severity: "error", code: "UNKNOWN_SKILL", field: "skills", message: `Skills: there is no skill "${s.skillId}".` });
    } else if (ctx.agent && !ctx.agent.skills.some((h) => ctx.catalog.satisfies(h.skillId, s.skillId, { equivalences: false }))) {
      out.push({ severity: "error", code: "SKILL_NOT_HELD", field: "skills", message: `Skills: ${ctx.agent.id} does not have ${s.skillId}.` });
    }
  }
  return out;
}

function ruleEnv(catalog: ShiftEditContext["catalog"]): RuleEnv {
  return {
    now: 0,
    settings: DEFAULT_TRADING_SETTINGS,
    catalog,
    clock: new ZoneClock(),
    paid: new PaidTime(),
    required: new Map(),
    grid: { start: 0, intervalCount: 0 },
    approvedTradesInWindow: () => 0,
    tradesInWeek: () => 0,
  };
}
