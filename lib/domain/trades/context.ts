/**
 * The pure half of trade-context loading: stored rows (or a simulator's state) in, the
 * `TradeContext` the engine judges against out. The trade service reads the rows from the
 * database and the demo planner keeps them in memory; both build the context here, so the
 * per-agent-week counter and the settings lookup exist once.
 */
import type { CoverageGrid } from "../coverage";
import { SkillCatalog } from "../skills";
import { localDateKey, startOfIsoWeek } from "../time";
import type { Agent, Instant, Shift, Site, Skill } from "../types";
import { DEFAULT_TRADING_SETTINGS } from "./policies";
import type { PendingTrade, TradeContext, TradingSettings } from "./types";

/** A trade that counts towards its agents' weekly limit, dated by the initiator shift's start. */
export interface CountedTrade {
  initiatorAgentId: string;
  receiverAgentId: string;
  shiftStart: Instant;
}

/**
 * agentId → ISO week (the Monday, in the agent's home zone) → trades the agent takes part in.
 * An agent missing from `agentZones` counts in UTC.
 * @example one swap of a New York agent starting Mon 2026-11-30 01:00Z counts in the week of 2026-11-23 (Sunday evening in New York).
 */
export function countTradesByAgentWeek(trades: readonly CountedTrade[], agentZones: ReadonlyMap<string, string>): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  const count = (agentId: string, shiftStart: Instant) => {
    const week = startOfIsoWeek(localDateKey(shiftStart, agentZones.get(agentId) ?? "UTC"));
    const m = counts.get(agentId) ?? new Map<string, number>();
    m.set(week, (m.get(week) ?? 0) + 1);
    counts.set(agentId, m);
  };
  for (const t of trades) {
    count(t.initiatorAgentId, t.shiftStart);
    count(t.receiverAgentId, t.shiftStart);
  }
  return counts;
}

/**
 * The settings that apply at a site: the site's row when it has one (a site row replaces the
 * org row wholesale, no merge), else the org row, else the built-in defaults. A stored row
 * that no longer parses is given as null and means the defaults, not the org row: a broken
 * override must not silently take the org's policies.
 */
export function resolveTradingSettings(stored: ReadonlyMap<string, TradingSettings | null>, siteId: string | null): TradingSettings {
  if (siteId !== null && stored.has(siteId)) return stored.get(siteId) ?? DEFAULT_TRADING_SETTINGS;
  return stored.get("org") ?? DEFAULT_TRADING_SETTINGS;
}

/** An approved trade as the context needs it: when, where (initiator shift's site) and whom it counted for. */
export interface ApprovedTradeFact extends CountedTrade {
  decidedAt: Instant;
  siteId: string;
}

/** A pending trade and the start of its initiator's shift (unknown when that shift is outside the loaded window). */
export interface PendingTradeFact {
  trade: PendingTrade;
  shiftStart: Instant | undefined;
}

export interface TradeContextRows {
  now: Instant;
  sites: readonly Site[];
  skills: readonly Skill[] | SkillCatalog;
  agents: readonly Agent[] | ReadonlyMap<string, Agent>;
  shifts: readonly Shift[];
  required: ReadonlyMap<string, Float64Array>;
  grid: CoverageGrid;
  pending: readonly PendingTradeFact[];
  approved: readonly ApprovedTradeFact[];
}

/**
 * The engine's context: the schedule by agent (earliest first), pending trades as the
 * overlay, approvals per site, and each agent's trades per home-zone week — approved and
 * pending alike, a pending trade counted only when its shift's start is known.
 */
export function buildTradeContext(rows: TradeContextRows): TradeContext {
  const agents = rows.agents instanceof Map ? (rows.agents as ReadonlyMap<string, Agent>) : new Map((rows.agents as readonly Agent[]).map((a) => [a.id, a]));
  const shiftsByAgent = new Map<string, Shift[]>();
  for (const s of [...rows.shifts].sort((x, y) => x.start - y.start)) {
    const list = shiftsByAgent.get(s.agentId) ?? [];
    list.push(s);
    shiftsByAgent.set(s.agentId, list);
  }
  const approvedTradeTimesBySite = new Map<string, number[]>();
  for (const a of rows.approved) {
    const list = approvedTradeTimesBySite.get(a.siteId) ?? [];
    list.push(a.decidedAt);
    approvedTradeTimesBySite.set(a.siteId, list);
  }
  const counted: CountedTrade[] = [...rows.approved];
  for (const p of rows.pending) {
    if (p.shiftStart !== undefined) counted.push({ initiatorAgentId: p.trade.initiatorAgentId, receiverAgentId: p.trade.receiverAgentId, shiftStart: p.shiftStart });
  }
  const zones = new Map([...agents.values()].map((a) => [a.id, a.timeZone]));
  return {
    now: rows.now,
    catalog: rows.skills instanceof SkillCatalog ? rows.skills : new SkillCatalog(rows.skills as readonly Skill[]),
    sites: new Map(rows.sites.map((s) => [s.id, s])),
    agents,
    shiftsByAgent,
    pendingTrades: rows.pending.map((p) => p.trade),
    required: rows.required,
    grid: rows.grid,
    approvedTradeTimesBySite,
    tradeCountsByAgentWeek: countTradesByAgentWeek(counted, zones),
  };
}
