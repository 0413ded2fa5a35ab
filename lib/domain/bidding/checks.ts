/**
 * Can the agent work every shift of a line, given their other shifts? The scope's
 * constraints (shifts per home-zone day and ISO week, availability) and the labor rules of
 * the agent's home site, in the agent's home zone, on instants. The trade engine's rules
 * are reused as they are: each line instance is a "leg" the agent receives.
 */
import { ZoneClock } from "../trades/calendar";
import { localTime } from "../trades/format";
import { PaidTime } from "../trades/hours";
import { DEFAULT_TRADING_SETTINGS } from "../trades/policies";
import type { Leg, LegRule, RuleEnv } from "../trades/rule";
import { availabilityRule } from "../trades/rules/availability";
import { maxConsecutiveHoursRule } from "../trades/rules/maxConsecutiveHours";
import { maxDailyHoursRule } from "../trades/rules/maxDailyHours";
import { overlapRule } from "../trades/rules/overlap";
import { restPeriodRule } from "../trades/rules/restPeriod";
import { insertSorted } from "../trades/schedule";
import type { SkillCatalog } from "../skills";
import type { Agent, Shift, Site } from "../types";
import { clockMinutes } from "./lines";
import type { BidConstraints, ConstraintName, LaborRuleName } from "./types";

export type CheckFailure =
  | { kind: "ConstraintExceeded"; constraint: ConstraintName; message: string }
  | { kind: "LaborRule"; rule: LaborRuleName; message: string };

const LABOR_RULES: Array<[LaborRuleName, LegRule]> = [
  ["RestPeriod", restPeriodRule],
  ["MaxConsecutiveHours", maxConsecutiveHoursRule],
  ["MaxDailyHours", maxDailyHoursRule],
];

/** The calendar, paid-hours memo and an inert trade context: only the labor rules read them. */
export class CheckEnv {
  readonly clock = new ZoneClock();
  readonly paid = new PaidTime();
  readonly ruleEnv: RuleEnv;
  constructor(catalog: SkillCatalog) {
    this.ruleEnv = {
      now: 0,
      settings: DEFAULT_TRADING_SETTINGS,
      catalog,
      clock: this.clock,
      paid: this.paid,
      required: new Map(),
      grid: { start: 0, intervalCount: 0 },
      approvedTradesInWindow: () => 0,
      tradesInWeek: () => 0,
    };
  }
}

/**
 * The first reason the agent cannot take all of `incoming` on top of `current` (sorted by
 * start), or null. Overlap is checked even when the scope does not respect labor rules:
 * nobody works two shifts at once.
 */
export function checkLine(
  env: CheckEnv,
  agent: Agent,
  homeSite: Site,
  lineSite: Site,
  current: readonly Shift[],
  incoming: readonly Shift[],
  constraints: BidConstraints,
): CheckFailure | null {
  const { clock } = env;
  const zone = agent.timeZone;
  let after: readonly Shift[] = current;
  for (const s of incoming) after = insertSorted(after, s);

  for (const inc of incoming) {
    const day = clock.dayNumber(inc.start, zone);
    const week = clock.weekKey(inc.start, zone);
    let perDay = 0;
    let perWeek = 0;
    for (const s of after) {
      if (clock.dayNumber(s.start, zone) === day) perDay++;
      if (clock.weekKey(s.start, zone) === week) perWeek++;
    }
    if (perDay > constraints.maxShiftsPerDay) {
      return {
        kind: "ConstraintExceeded",
        constraint: "maxShiftsPerDay",
        message: `${agent.id} would start ${perDay} shifts on ${clock.keyOf(day)} (${zone}); the scope allows ${constraints.maxShiftsPerDay}`,
      };
    }
    if (perWeek > constraints.maxShiftsPerWeek) {
      return {
        kind: "ConstraintExceeded",
        constraint: "maxShiftsPerWeek",
        message: `${agent.id} would start ${perWeek} shifts in the week of ${week} (${zone}); the scope allows ${constraints.maxShiftsPerWeek}`,
      };
    }
  }

  const legs: Leg[] = incoming.map((inc) => ({
    shift: inc,
    incoming: inc,
    giver: agent,
    receiver: agent,
    shiftSite: lineSite,
    receiverSite: homeSite,
    outgoing: null,
    receiverBefore: current,
    receiverAfter: after,
  }));
  if (constraints.requireAvailability) {
    for (const leg of legs) {
      const f = availabilityRule(leg, env.ruleEnv)[0];
      if (f) return { kind: "ConstraintExceeded", constraint: "requireAvailability", message: f.message };
    }
  }
  for (const leg of legs) {
    const f = overlapRule(leg, env.ruleEnv)[0];
    if (f) return { kind: "LaborRule", rule: "Overlap", message: f.message };
  }
  if (!constraints.respectLaborRules) return null;
  const earliest = homeSite.laborRules.earliestStartLocal ? clockMinutes(homeSite.laborRules.earliestStartLocal) : null;
  for (const leg of legs) {
    for (const [name, rule] of LABOR_RULES) {
      const f = rule(leg, env.ruleEnv)[0];
      if (f) return { kind: "LaborRule", rule: name, message: f.message };
    }
    if (earliest !== null) {
      const startMin = Math.floor((((clock.naive(leg.incoming.start, zone) % 86_400_000) + 86_400_000) % 86_400_000) / 60_000);
      if (startMin < earliest) {
        return {
          kind: "LaborRule",
          rule: "EarliestStart",
          message: `a shift would start at ${localTime(clock, leg.incoming.start, zone)} for ${agent.id}, before ${homeSite.laborRules.earliestStartLocal}, the earliest start at ${homeSite.id}`,
        };
      }
    }
  }
  return null;
}
