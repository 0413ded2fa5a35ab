/**
 * A small bidding world: NYC (UTC−5 in January), LON (UTC+0), PAR (UTC+1), the sales
 * skills of seed 004, a one-week bid period Mon 12 – Sun 18 January 2026, and builders for
 * agents, scopes, lines and bids. Windows run two weeks to one week before the period.
 */
import type { Bid, BidLine, BidScope } from "@/lib/domain/bidding";
import { SkillCatalog } from "@/lib/domain/skills";
import { localToInstant } from "@/lib/domain/time";
import type { Agent, Instant, LaborRules, Site, Skill } from "@/lib/domain/types";
import { bidScopeSchema, type BidScopeInput } from "@/lib/schemas/bidding";

export const HOUR = 3_600_000;

export const SKILLS: Skill[] = [
  { id: "SKILL_GENERAL_SUPPORT", name: "General support", parentId: null, equivalenceGroup: null },
  { id: "SKILL_SALES", name: "Sales", parentId: null, equivalenceGroup: null },
  { id: "SKILL_SALES_PREMIUM", name: "Sales premium", parentId: "SKILL_SALES", equivalenceGroup: null },
];
export const catalog = new SkillCatalog(SKILLS);

const labor = (o: Partial<LaborRules> = {}): LaborRules => ({
  minRestHours: 11,
  maxDailyHours: 10,
  maxConsecutiveHours: 12,
  maxShiftsPerDay: 1,
  minShiftHours: 4,
  maxShiftHours: 10,
  earliestStartLocal: null,
  ...o,
});

export const SITES: Site[] = [
  { id: "NYC", name: "New York", timeZone: "America/New_York", laborRules: labor() },
  { id: "LON", name: "London", timeZone: "Europe/London", laborRules: labor() },
  { id: "PAR", name: "Paris", timeZone: "Europe/Paris", laborRules: labor({ earliestStartLocal: "07:00" }) },
];
export const zoneOf = (siteId: string) => SITES.find((s) => s.id === siteId)!.timeZone;

export const PERIOD = { start: "2026-01-12", end: "2026-01-18" };
/** Window: 14 days to 7 days before the period (NYC midnight). */
export const OPENS = Date.UTC(2025, 11, 29, 5);
export const CLOSES = Date.UTC(2026, 0, 5, 5);

export function local(zone: string, text: string): Instant {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(text)!;
  const r = localToInstant({ year: +m[1], month: +m[2], day: +m[3], hour: +m[4], minute: +m[5], second: 0 }, zone);
  if (!r.ok) throw new Error(`${text} is ${r.reason} in ${zone}`);
  return r.instant;
}

export function agent(id: string, homeSiteId: string, o: Partial<Agent> = {}): Agent {
  return {
    id,
    username: id.toLowerCase(),
    name: id,
    homeSiteId,
    timeZone: zoneOf(homeSiteId),
    skills: [{ skillId: "SKILL_GENERAL_SUPPORT", proficiency: 3 }, { skillId: "SKILL_SALES", proficiency: 3 }],
    attributes: {},
    hireDate: "2022-01-01",
    performanceRank: 100,
    contractHoursPerWeek: 40,
    availability: [],
    ...o,
  };
}

/** A scope through the schema (so defaults are the real ones). */
export function scope(o: Partial<BidScopeInput> & { id: string }): BidScope {
  return bidScopeSchema.parse({
    name: o.id,
    locations: ["NYC"],
    skillGroups: ["SKILL_GENERAL_SUPPORT"],
    period: PERIOD,
    window: { kind: "offsets", openOffsetSeconds: -14 * 86_400, closeOffsetSeconds: -7 * 86_400, timeZone: "America/New_York" },
    priority: { basis: "tenure", hiredOnOrBefore: ["2019-12-31", "2021-12-31"], seed: 42 },
    ...o,
  });
}

export function line(id: string, siteId: string, o: Partial<BidLine> = {}): BidLine {
  return { id, label: id, siteId, skillId: "SKILL_GENERAL_SUPPORT", days: [1, 2, 3, 4, 5], start: "08:00", end: "16:00", slots: 1, breaks: [], ...o };
}

/** A submitted bid ranking `lineIds` 1, 2, 3… */
export function bid(agentId: string, scopeId: string, lineIds: string[], o: Partial<Bid> = {}): Bid {
  return { agentId, scopeId, preferences: lineIds.map((lineId, i) => ({ lineId, rank: i + 1 })), submittedAt: OPENS + HOUR, lock: null, ...o };
}
