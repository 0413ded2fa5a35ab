/**
 * "Rank at least N lines to be sure of one", while the window is open. The rule: every
 * scope member who ranks ahead of you (static priority; anyone not yet submitted counts as
 * submitting now, ties count as ahead) may take up to maxLinesPerAgent slots, and every
 * lock another agent holds or committed may take one. Call that A. Among the lines you may
 * bid on and can work next to your current shifts, N is the smallest count whose N
 * smallest slot numbers add up to more than A: whichever N such lines you rank, at least
 * one slot is left when your turn comes. When even all of them cannot beat A, there is no N.
 */
import type { SkillCatalog } from "../skills";
import type { Agent, Instant, Shift, Site } from "../types";
import { CheckEnv, checkLine } from "./checks";
import { biddableLines, ineligibility } from "./eligibility";
import { instanceShift, lineInstances, proficiencyFor } from "./lines";
import { compareKeys, priorityKey } from "./priority";
import type { Bid, BidLine, BidScope } from "./types";
import { lockStatus, scopeWindow } from "./window";

export interface RankHintInput {
  scope: BidScope;
  agent: Agent;
  agents: readonly Agent[];
  lines: readonly BidLine[];
  sites: readonly Site[];
  catalog: SkillCatalog;
  /** The scope's bids so far (drafts included: their locks count). */
  bids: readonly Bid[];
  /** The agent's shifts around the period. */
  schedule: readonly Shift[];
  /** Slots already awarded per line by earlier waves. */
  awardedSlots?: Readonly<Record<string, number>>;
  now: Instant;
}

export interface RankHint {
  linesToRank: number | null;
  /** Members ranked ahead of the agent. */
  ahead: number;
  /** Slots those ahead and other lock holders could take. */
  threatenedSlots: number;
  workableLines: number;
  workableSlots: number;
  message: string;
}

export function rankHint(input: RankHintInput): RankHint {
  const { scope, agent, catalog, now } = input;
  const env = new CheckEnv(catalog);
  const sites = new Map(input.sites.map((s) => [s.id, s]));
  const bidOf = new Map(input.bids.filter((b) => b.scopeId === scope.id).map((b) => [b.agentId, b]));
  const closesAt = scopeWindow(scope, env.clock).closesAt;
  const home = sites.get(agent.homeSiteId);
  const current = [...input.schedule.filter((s) => s.agentId === agent.id)].sort((a, b) => a.start - b.start);

  const workable = biddableLines(scope, agent, input.lines, sites, catalog).filter((line) => {
    const site = sites.get(line.siteId)!;
    const free = line.slots - (input.awardedSlots?.[line.id] ?? 0);
    if (free <= 0) return false;
    const p = proficiencyFor(agent, line.skillId, catalog);
    const incoming = lineInstances(line, scope.period, site, env.clock).map((i) => instanceShift(i, line, agent.id, p));
    return checkLine(env, agent, home ?? site, site, current, incoming, scope.constraints) === null;
  });
  const freeOf = (l: BidLine) => l.slots - (input.awardedSlots?.[l.id] ?? 0);
  const workableIds = new Set(workable.map((l) => l.id));

  const myKey = priorityKey(scope, agent, bidOf.get(agent.id)?.submittedAt ?? now);
  let ahead = 0;
  let locks = 0;
  for (const other of input.agents) {
    if (other.id === agent.id) continue;
    const bid = bidOf.get(other.id);
    const lock = bid?.lock;
    if (lock && workableIds.has(lock.lineId)) {
      const st = lockStatus(lock, scope, closesAt, now);
      if (st === "held" || st === "committed") locks++;
    }
    const reaches = workable.some((l) => ineligibility(scope, other, l, sites.get(l.siteId)!, catalog) === null);
    if (!reaches) continue;
    if (compareKeys(priorityKey(scope, other, bid?.submittedAt ?? now), myKey) <= 0) ahead++;
  }
  const threatened = ahead * scope.constraints.maxLinesPerAgent + locks;
  const slots = workable.map(freeOf).sort((a, b) => a - b);
  let sum = 0;
  let n: number | null = null;
  for (let i = 0; i < slots.length; i++) {
    sum += slots[i];
    if (sum > threatened) {
      n = i + 1;
      break;
    }
  }
  const total = slots.reduce((a, b) => a + b, 0);
  const message =
    n !== null
      ? `Rank at least ${n} line${n === 1 ? "" : "s"} to be sure of one: ${ahead} agent${ahead === 1 ? "" : "s"} rank ahead of you${locks ? ` and ${locks} lock${locks === 1 ? " is" : "s are"} held` : ""}, taking at most ${threatened} of the ${total} slots you can work.`
      : `Even ranking all ${workable.length} lines you can work cannot make you sure of one: agents ranked ahead of you could take all ${total} slots. Rank as many as you like; a later wave offers what is left.`;
  return { linesToRank: n, ahead, threatenedSlots: threatened, workableLines: workable.length, workableSlots: total, message };
}
