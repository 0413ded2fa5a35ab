/**
 * Re-checks proposals against the schedule as it is now, before they become draft shifts:
 * the schedule may have changed since the run. Each proposal is judged with the trade
 * engine's own labor rules (overlap, rest, longest stretch, daily hours — the same checker a
 * trade passes) plus the optimizer's other hard rules (starts per local day, earliest start,
 * weekly hours within contract plus the overtime the run allowed). Proposals are judged in
 * order and an accepted one joins the schedule for the next, so two proposals that only
 * clash with each other are not both accepted. Pure: no clock, inputs never mutated.
 */
import { ZoneClock } from "../trades/calendar";
import { PaidTime, roundHours } from "../trades/hours";
import type { Leg, RuleEnv } from "../trades/rule";
import { maxConsecutiveHoursRule } from "../trades/rules/maxConsecutiveHours";
import { maxDailyHoursRule } from "../trades/rules/maxDailyHours";
import { overlapRule } from "../trades/rules/overlap";
import { restPeriodRule } from "../trades/rules/restPeriod";
import { HOUR_MS, type Agent, type Shift, type Site } from "../types";
import type { Proposal } from "./proposals";

export const ACCEPT_RULES = [overlapRule, restPeriodRule, maxConsecutiveHoursRule, maxDailyHoursRule] as const;

export interface AcceptContext {
  agents: ReadonlyMap<string, Agent>;
  sites: ReadonlyMap<string, Site>;
  /** The stored shifts of the proposals' agents around the proposals (any status). */
  schedule: readonly Shift[];
  /** What the run allowed: overtime at all, and how many hours beyond contract per agent and week. */
  allowOvertime: boolean;
  maxOvertimeHoursPerAgent: number;
}

/** A new shift (`replaces` null) or a stored DRAFT shift extended (`replaces` = it as stored). */
export interface AcceptedProposal {
  proposal: Proposal;
  shift: Shift;
  replaces: Shift | null;
}

export interface RefusedProposal {
  proposal: Proposal;
  reason: string;
}

/** Enough of RuleEnv for the labor rules (they read only the clock and the paid-hours memo). */
function ruleEnv(clock: ZoneClock, paid: PaidTime): RuleEnv {
  return {
    now: 0,
    settings: undefined as never,
    catalog: undefined as never,
    clock,
    paid,
    required: new Map(),
    grid: { start: 0, intervalCount: 0 } as RuleEnv["grid"],
    approvedTradesInWindow: () => 0,
    tradesInWeek: () => 0,
  };
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** checkProposals(proposals, ctx) → which go in (as shifts) and which are refused, with the reason in planner words. */
export function checkProposals(proposals: readonly Proposal[], ctx: AcceptContext): { accepted: AcceptedProposal[]; refused: RefusedProposal[] } {
  const clock = new ZoneClock();
  const paid = new PaidTime();
  const env = ruleEnv(clock, paid);
  const byAgent = new Map<string, Shift[]>();
  for (const s of ctx.schedule) (byAgent.get(s.agentId) ?? byAgent.set(s.agentId, []).get(s.agentId)!).push(s);
  const accepted: AcceptedProposal[] = [];
  const refused: RefusedProposal[] = [];
  const sorted = [...proposals].sort((a, b) => (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : a.start - b.start));
  for (const p of sorted) {
    const refuse = (reason: string) => refused.push({ proposal: p, reason });
    const agent = ctx.agents.get(p.agentId);
    if (!agent) {
      refuse(`${p.agentId} is no longer an agent.`);
      continue;
    }
    const site = ctx.sites.get(agent.homeSiteId);
    if (!site) {
      refuse(`${p.agentId}'s home site ${agent.homeSiteId} no longer exists.`);
      continue;
    }
    const mine = byAgent.get(p.agentId) ?? [];
    let replaces: Shift | null = null;
    let shift: Shift;
    if (p.extendsShiftId) {
      const base = mine.find((s) => s.id === p.extendsShiftId);
      if (!base) {
        refuse(`The shift it extends (${p.extendsShiftId}) is no longer on the schedule.`);
        continue;
      }
      if (base.status !== "DRAFT") {
        refuse(`It extends a ${base.status.toLowerCase()} shift; published shifts are never changed. Add the hours as a shift of their own on the Schedule page if they are still needed.`);
        continue;
      }
      if (p.end !== base.start && p.start !== base.end) {
        refuse(`The shift it extends has moved since the run (it no longer adjoins ${p.agentId}'s shift).`);
        continue;
      }
      const start = Math.min(base.start, p.start);
      const at = (b: Shift["breaks"][number], from: number) => ({ ...b, startOffsetMinutes: b.startOffsetMinutes + (from - start) / 60_000 });
      replaces = base;
      shift = { ...base, start, end: Math.max(base.end, p.end), breaks: [...base.breaks.map((b) => at(b, base.start)), ...p.breaks.map((b) => at(b, p.start))], version: base.version + 1 };
    } else {
      shift = { id: `new:${p.id}`, agentId: p.agentId, siteId: p.siteId, start: p.start, end: p.end, skills: p.skills, status: "DRAFT", breaks: p.breaks, version: 1 };
    }
    const after = [...mine.filter((s) => s !== replaces), shift].sort((a, b) => a.start - b.start || a.end - b.end);
    const before = mine.filter((s) => s !== replaces);
    const leg: Leg = { shift, incoming: shift, giver: agent, receiver: agent, shiftSite: site, receiverSite: site, outgoing: null, receiverBefore: before, receiverAfter: after };
    const findings = ACCEPT_RULES.flatMap((rule) => rule(leg, env));
    const other = otherRules(shift, replaces, after, agent, site, ctx, clock, paid);
    if (findings.length > 0 || other) {
      refuse([...findings.map((f) => f.message), ...(other ? [other] : [])].join("; ") + ".");
      continue;
    }
    byAgent.set(p.agentId, after);
    accepted.push({ proposal: p, shift, replaces });
  }
  return { accepted, refused };
}

/** The optimizer's hard rules the trade checker does not hold: starts per day, earliest start, weekly hours. */
function otherRules(shift: Shift, replaces: Shift | null, after: readonly Shift[], agent: Agent, site: Site, ctx: AcceptContext, clock: ZoneClock, paid: PaidTime): string | null {
  const zone = agent.timeZone;
  const rules = site.laborRules;
  const startsNew = !replaces || shift.start !== replaces.start;
  if (startsNew) {
    // A start is a shift that does not continue another (touching shifts are one stretch).
    const day = clock.dayNumber(shift.start, zone);
    const starts = after.filter((s) => clock.dayNumber(s.start, zone) === day && !after.some((o) => o !== s && o.end === s.start)).length;
    if (starts > rules.maxShiftsPerDay) return `${agent.id} would start ${starts} shifts on ${clock.keyOf(day)} (${zone}); the maximum at ${site.id} is ${rules.maxShiftsPerDay}`;
    if (rules.earliestStartLocal && !after.some((o) => o !== shift && o.end === shift.start)) {
      const local = clock.clock(shift.start, zone);
      if (minutesOf(local) < minutesOf(rules.earliestStartLocal)) return `${agent.id} would start at ${local} (${zone}); no shift starts before ${rules.earliestStartLocal} at ${site.id}`;
    }
  }
  const contract = agent.contractHoursPerWeek;
  if (contract <= 0) return null;
  const allowed = contract + (ctx.allowOvertime ? ctx.maxOvertimeHoursPerAgent : 0);
  const weeks = new Set([clock.weekKey(shift.start, zone), clock.weekKey(shift.end - 1, zone)]);
  const beforeList = after.filter((s) => s !== shift).concat(replaces ? [replaces] : []);
  for (const wk of weeks) {
    const range = clock.weekRange(wk, zone);
    const h = paid.within(after, range.start, range.end);
    const was = paid.within(beforeList, range.start, range.end);
    if (h > allowed + 1e-6 && h > was + 1e-6) {
      return ctx.allowOvertime
        ? `${agent.id} would work ${roundHours(h)} h in the week of ${wk}: contract ${contract} h plus at most ${ctx.maxOvertimeHoursPerAgent} h of overtime`
        : `${agent.id} would work ${roundHours(h)} h in the week of ${wk}, over the ${contract} h contract, and the run allowed no overtime`;
    }
  }
  return null;
}

/** Hours a proposal adds, for the summary. */
export const proposalHours = (p: Proposal) => (p.end - p.start) / HOUR_MS - p.breaks.filter((b) => !b.paid).reduce((s, b) => s + b.durationMinutes / 60, 0);
