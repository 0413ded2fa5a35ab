/**
 * A small multi-site world for trade tests: NYC (America/New_York), LON (Europe/London),
 * MNL (Asia/Manila) and PAR (Europe/Paris), the sales skill family of seed 004, and
 * builders for agents, shifts, demand, trades and contexts. Dates sit in January 2026
 * (New York UTC−5, London UTC+0, Paris UTC+1, Manila UTC+8) unless a test says otherwise.
 */
import { gridFor, type CoverageGrid } from "@/lib/domain/coverage";
import { SkillCatalog } from "@/lib/domain/skills";
import { localToInstant } from "@/lib/domain/time";
import type {
  PendingTrade,
  TradeContext,
  TradeEvaluation,
  TradeProposal,
  TradeViolation,
  TradeViolationType,
  TradingSettings,
} from "@/lib/domain/trades";
import { INTERVAL_MS, type Agent, type Instant, type LaborRules, type Shift, type Site, type Skill } from "@/lib/domain/types";
import { tradingSettingsSchema, type TradingSettingsInput } from "@/lib/schemas/trades";

export const HOUR = 3_600_000;

export const SKILLS: Skill[] = [
  { id: "SKILL_SALES", name: "Sales", parentId: null, equivalenceGroup: null },
  { id: "SKILL_SALES_PREMIUM", name: "Sales premium", parentId: "SKILL_SALES", equivalenceGroup: null },
  { id: "SKILL_SALES_GLOBAL", name: "Sales (global)", parentId: null, equivalenceGroup: null },
  { id: "SKILL_SALES_US", name: "Sales US", parentId: "SKILL_SALES_GLOBAL", equivalenceGroup: "SKILL_SALES_GLOBAL" },
  { id: "SKILL_SALES_UK", name: "Sales UK", parentId: "SKILL_SALES_GLOBAL", equivalenceGroup: "SKILL_SALES_GLOBAL" },
  { id: "SKILL_SUPPORT", name: "Support", parentId: null, equivalenceGroup: null },
];
export const catalog = new SkillCatalog(SKILLS);

const labor = (o: Partial<LaborRules>): LaborRules => ({
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
  { id: "NYC", name: "New York", timeZone: "America/New_York", laborRules: labor({ minRestHours: 8, maxDailyHours: 12 }) },
  { id: "LON", name: "London", timeZone: "Europe/London", laborRules: labor({}) },
  { id: "PAR", name: "Paris", timeZone: "Europe/Paris", laborRules: labor({}) },
  { id: "MNL", name: "Manila", timeZone: "Asia/Manila", laborRules: labor({ minRestHours: 8, maxDailyHours: 12 }) },
];
export const sites = new Map(SITES.map((s) => [s.id, s]));
export const zoneOf = (siteId: string) => sites.get(siteId)!.timeZone;

/** local("America/New_York", "2026-01-13 09:00") → the instant. */
export function local(zone: string, text: string): Instant {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(text);
  if (!m) throw new Error(`bad local time ${text}`);
  const r = localToInstant(
    { year: +m[1], month: +m[2], day: +m[3], hour: +m[4], minute: +m[5], second: 0 },
    zone,
  );
  if (!r.ok) throw new Error(`${text} is ${r.reason} in ${zone}`);
  return r.instant;
}

export function agent(
  id: string,
  homeSiteId: string,
  skills: Array<string | [string, number]>,
  o: Partial<Agent> = {},
): Agent {
  return {
    id,
    username: id.toLowerCase(),
    name: id,
    homeSiteId,
    timeZone: zoneOf(homeSiteId),
    skills: skills.map((s) => (typeof s === "string" ? { skillId: s, proficiency: 3 } : { skillId: s[0], proficiency: s[1] })),
    attributes: {},
    hireDate: "2020-01-01",
    performanceRank: 1,
    contractHoursPerWeek: 40,
    availability: [],
    ...o,
  };
}

/** A shift at `siteId` from/to local times of that site: shift("S1", "A", "NYC", "2026-01-13 09:00", "2026-01-13 17:00"). */
export function shift(
  id: string,
  agentId: string,
  siteId: string,
  from: string,
  to: string,
  o: Partial<Shift> & { listed?: Array<string | [string, number]> } = {},
): Shift {
  const zone = zoneOf(siteId);
  const { listed, ...rest } = o;
  return {
    id,
    agentId,
    siteId,
    start: local(zone, from),
    end: local(zone, to),
    skills: (listed ?? []).map((s) => (typeof s === "string" ? { skillId: s, proficiency: 1 } : { skillId: s[0], proficiency: s[1] })),
    status: "PUBLISHED",
    breaks: [],
    version: 1,
    ...rest,
  };
}

export const DEFAULT_NOW = Date.UTC(2026, 0, 5, 12);
export const DEFAULT_GRID: CoverageGrid = gridFor({ start: Date.UTC(2026, 0, 10), end: Date.UTC(2026, 0, 20) });

/** A demand array on `grid` with `value` required agents from `from` to `to` (instants). */
export function demand(ranges: Array<[Instant, Instant, number]>, grid: CoverageGrid = DEFAULT_GRID): Float64Array {
  const out = new Float64Array(grid.intervalCount);
  for (const [from, to, value] of ranges) {
    for (let t = from; t < to; t += INTERVAL_MS) out[Math.floor((t - grid.start) / INTERVAL_MS)] = value;
  }
  return out;
}

export interface WorldInput {
  agents: Agent[];
  shifts: Shift[];
  now?: Instant;
  pending?: PendingTrade[];
  required?: Record<string, Float64Array>;
  grid?: CoverageGrid;
  approvedTradeTimesBySite?: Record<string, Instant[]>;
  tradeCounts?: Record<string, Record<string, number>>;
}

export function world(w: WorldInput): TradeContext {
  const shiftsByAgent = new Map<string, Shift[]>();
  for (const a of w.agents) shiftsByAgent.set(a.id, []);
  for (const s of w.shifts) shiftsByAgent.get(s.agentId)!.push(s);
  return {
    now: w.now ?? DEFAULT_NOW,
    catalog,
    sites,
    agents: new Map(w.agents.map((a) => [a.id, a])),
    shiftsByAgent,
    pendingTrades: w.pending ?? [],
    required: new Map(Object.entries(w.required ?? {})),
    grid: w.grid ?? DEFAULT_GRID,
    approvedTradeTimesBySite: new Map(Object.entries(w.approvedTradeTimesBySite ?? {})),
    tradeCountsByAgentWeek: new Map(Object.entries(w.tradeCounts ?? {}).map(([k, v]) => [k, new Map(Object.entries(v))])),
  };
}

export function swap(id: string, initiator: string, initiatorShift: string, receiver: string, receiverShift: string): TradeProposal {
  return { id, kind: "swap", initiatorAgentId: initiator, initiatorShiftId: initiatorShift, receiverAgentId: receiver, receiverShiftId: receiverShift };
}

export function oneSided(id: string, initiator: string, initiatorShift: string, receiver: string): TradeProposal {
  return { id, kind: "oneSided", initiatorAgentId: initiator, initiatorShiftId: initiatorShift, receiverAgentId: receiver, receiverShiftId: null };
}

export function settings(input: TradingSettingsInput = {}): TradingSettings {
  return tradingSettingsSchema.parse(input);
}

export const typesOf = (e: TradeEvaluation): TradeViolationType[] => e.violations.map((v) => v.type);
export const only = (e: TradeEvaluation, type: TradeViolationType): TradeViolation[] => e.violations.filter((v) => v.type === type);
