/**
 * Static priority: a tier from tenure, performance rank or a custom attribute, then the
 * tie-breaks in the scope's order (default rank → seniority → submission time → seeded
 * draw), and the agent id last so the order is total. Nothing here looks at the schedule,
 * so a standing never changes while the window is open.
 */
import { mulberry32 } from "../random";
import type { Agent, Instant } from "../types";
import type { BidPriority, BidScope, TieBreaker } from "./types";

export const DEFAULT_TIE_BREAKERS: readonly TieBreaker[] = ["performance", "hireDate", "submittedAt", "randomDraw"];

/** FNV-1a, 32-bit: a stable number per agent id, so the draw does not depend on input order. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The agent's seeded draw in [0, 1): mulberry32 seeded with the scope's seed mixed with
 * the agent id. Replaying with the stored seed gives the same draw; another seed, another.
 */
export function randomDraw(seed: number, agentId: string): number {
  return mulberry32((seed ^ hash32(agentId)) >>> 0)();
}

/** The agent's tier (1 = first) under the scope's basis; agents matching no tier come last. */
export function tierOf(priority: BidPriority, agent: Agent): number {
  switch (priority.basis) {
    case "tenure": {
      const i = priority.hiredOnOrBefore.findIndex((cutoff) => agent.hireDate <= cutoff);
      return i < 0 ? priority.hiredOnOrBefore.length + 1 : i + 1;
    }
    case "performance": {
      const i = priority.rankAtMost.findIndex((max) => agent.performanceRank <= max);
      return i < 0 ? priority.rankAtMost.length + 1 : i + 1;
    }
    case "attribute": {
      const v = agent.attributes[priority.attributeName];
      const i = v === undefined ? -1 : priority.tiers.findIndex((values) => values.includes(v));
      return i < 0 ? priority.tiers.length + 1 : i + 1;
    }
  }
}

/** "tier 1 (hired 2019-03-04)", "tier 2 (performance rank 12)", "tier 1 (band = A)". */
export function standingText(priority: BidPriority, agent: Agent): string {
  const tier = tierOf(priority, agent);
  switch (priority.basis) {
    case "tenure":
      return `tier ${tier} (hired ${agent.hireDate})`;
    case "performance":
      return `tier ${tier} (performance rank ${agent.performanceRank})`;
    case "attribute":
      return `tier ${tier} (${priority.attributeName} = ${agent.attributes[priority.attributeName] ?? "none"})`;
  }
}

export interface PriorityEntry {
  agent: Agent;
  submittedAt: Instant | null;
  /** Lower sorts first. */
  key: number[];
  tier: number;
}

/** Whether a static cross-site preference puts this agent ahead (live ones are refused by the linter and ignored). */
function boosted(scope: BidScope, agent: Agent): boolean {
  const cs = scope.priority.crossSite;
  return !!cs && cs.when === "always" && cs.homeSites.includes(agent.homeSiteId);
}

export function priorityKey(scope: BidScope, agent: Agent, submittedAt: Instant | null): number[] {
  const p = scope.priority;
  const key = [boosted(scope, agent) ? 0 : 1, tierOf(p, agent)];
  for (const t of p.tieBreakers) {
    if (t === "performance") key.push(agent.performanceRank);
    else if (t === "hireDate") key.push(Date.parse(`${agent.hireDate}T00:00:00Z`) || 0);
    else if (t === "submittedAt") key.push(submittedAt ?? Number.MAX_SAFE_INTEGER);
    else key.push(randomDraw(p.seed, agent.id));
  }
  return key;
}

export function compareKeys(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/**
 * The scope's bidders in static priority order. Example: tenure cutoffs ["2019-12-31"],
 * Ann hired 2018 rank 40, Bob hired 2021 rank 1 → Ann (tier 1) before Bob (tier 2).
 */
export function priorityOrder(scope: BidScope, bidders: readonly { agent: Agent; submittedAt: Instant | null }[]): PriorityEntry[] {
  return bidders
    .map((b) => ({ agent: b.agent, submittedAt: b.submittedAt, key: priorityKey(scope, b.agent, b.submittedAt), tier: tierOf(scope.priority, b.agent) }))
    .sort((x, y) => compareKeys(x.key, y.key) || (x.agent.id < y.agent.id ? -1 : x.agent.id > y.agent.id ? 1 : 0));
}
