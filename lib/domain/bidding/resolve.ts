/**
 * Award resolution at wave close (DOMAIN "Shift bidding"). Waves in order; within a wave,
 * scopes by window close then id. In each scope: committed locks first (a commitment made
 * while the lock held is a claim on one slot), then the bidders in static priority order,
 * round by round, each taking their best-ranked line that still has a slot and that they
 * may work. Uncommitted locks hold nothing at close. Slots left roll to the next wave.
 * Every input list is sorted first, so the result does not depend on input order.
 */
import type { Agent, Shift, Site } from "../types";
import { CheckEnv, checkLine } from "./checks";
import { ineligibility } from "./eligibility";
import { explainOutcome } from "./explain";
import { instanceShift, lineInstances, proficiencyFor, type LineInstance } from "./lines";
import { compareKeys, priorityOrder, standingText, tierOf } from "./priority";
import type { Award, AwardInput, AwardResult, Bid, BidLine, BidOutcome, BidReason, BidScope, LockStatus, PreferenceOutcome, Taker } from "./types";
import { lockStatus, scopeWindow } from "./window";

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

interface BidState {
  bid: Bid;
  agent: Agent | undefined;
  prefs: PreferenceOutcome[];
  pending: Array<{ lineId: string; rank: number }>;
  pointer: number;
  position: number | null;
  key: number[] | null;
  lock: BidOutcome["lock"];
}

/** One bid per agent and scope: a repeated one keeps the latest submission. */
function canonicalBids(bids: readonly Bid[]): Bid[] {
  const sorted = [...bids].sort(
    (a, b) =>
      (a.scopeId < b.scopeId ? -1 : a.scopeId > b.scopeId ? 1 : 0) ||
      (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0) ||
      (b.submittedAt ?? -1) - (a.submittedAt ?? -1) ||
      (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1),
  );
  return sorted.filter((b, i) => i === 0 || b.scopeId !== sorted[i - 1].scopeId || b.agentId !== sorted[i - 1].agentId);
}

/** Preferences by rank, each line once (its best rank). */
function rankedPrefs(bid: Bid): Array<{ lineId: string; rank: number }> {
  const seen = new Set<string>();
  return [...bid.preferences]
    .sort((a, b) => a.rank - b.rank || (a.lineId < b.lineId ? -1 : 1))
    .filter((p) => (seen.has(p.lineId) ? false : (seen.add(p.lineId), true)));
}

export function resolveAwards(input: AwardInput): AwardResult {
  const env = new CheckEnv(input.catalog);
  const sites = new Map<string, Site>([...input.sites].sort(byId).map((s) => [s.id, s]));
  const agents = new Map<string, Agent>([...input.agents].sort(byId).map((a) => [a.id, a]));
  const lines = new Map<string, BidLine>([...input.lines].sort(byId).map((l) => [l.id, l]));
  const remaining = new Map<string, number>([...lines.values()].map((l) => [l.id, l.slots]));
  const takers = new Map<string, Taker[]>();
  const shifts = new Map<string, Shift[]>();
  for (const s of [...input.schedule].sort((a, b) => a.start - b.start || byId(a, b))) {
    const list = shifts.get(s.agentId) ?? [];
    list.push(s);
    shifts.set(s.agentId, list);
  }
  const instanceMemo = new Map<string, LineInstance[]>();
  const instancesOf = (line: BidLine, scope: BidScope, site: Site) => {
    const k = `${line.id}|${scope.period.start}|${scope.period.end}`;
    let v = instanceMemo.get(k);
    if (!v) instanceMemo.set(k, (v = lineInstances(line, scope.period, site, env.clock)));
    return v;
  };

  const windows = new Map(input.scopes.map((s) => [s.id, scopeWindow(s, env.clock)]));
  const scopes = [...input.scopes]
    .filter((s) => s.status !== "archived")
    .sort((a, b) => a.wave - b.wave || windows.get(a.id)!.closesAt - windows.get(b.id)!.closesAt || byId(a, b));
  const bidsByScope = new Map<string, Bid[]>();
  for (const b of canonicalBids(input.bids)) bidsByScope.set(b.scopeId, [...(bidsByScope.get(b.scopeId) ?? []), b]);

  const awards: Award[] = [];
  const outcomes: BidOutcome[] = [];

  for (const scope of scopes) {
    const closesAt = windows.get(scope.id)!.closesAt;
    const states: BidState[] = (bidsByScope.get(scope.id) ?? []).map((bid) => ({
      bid,
      agent: agents.get(bid.agentId),
      prefs: [],
      pending: rankedPrefs(bid),
      pointer: 0,
      position: null,
      key: null,
      lock: null,
    }));
    const won = new Map<string, number>();
    const keyOf = new Map<string, number[]>();
    const decided = (st: BidState, lineId: string, rank: number, reason: BidReason) => st.prefs.push({ lineId, rank, reason });

    /** Why the agent cannot take `line` now, or null; on null the line is theirs. */
    const tryLine = (st: BidState, line: BidLine | undefined): BidReason | null => {
      const agent = st.agent!;
      if (!line) return { kind: "Ineligible", condition: "UnknownLine", message: "this line is not offered any more" };
      const site = sites.get(line.siteId);
      if (!site) return { kind: "Ineligible", condition: "UnknownLine", message: `line ${line.label} is at an unknown site ${line.siteId}` };
      const inel = ineligibility(scope, agent, line, site, input.catalog);
      if (inel) return { kind: "Ineligible", ...inel };
      if ((remaining.get(line.id) ?? 0) <= 0) {
        const myPos = st.key;
        return {
          kind: "TakenByHigherPriority",
          takenBy: (takers.get(line.id) ?? []).map((t) => ({
            ...t,
            rankedAbove: t.scopeId === scope.id && t.via === "priority" && !!myPos && compareKeys(keyOf.get(t.agentId) ?? [], myPos) < 0,
          })),
        };
      }
      const homeSite = sites.get(agent.homeSiteId) ?? site;
      const proficiency = proficiencyFor(agent, line.skillId, input.catalog);
      const incoming = instancesOf(line, scope, site).map((i) => instanceShift(i, line, agent.id, proficiency, `${i.id}#${agent.id}`));
      const fail = checkLine(env, agent, homeSite, site, shifts.get(agent.id) ?? [], incoming, scope.constraints);
      if (fail) return fail;
      return null;
    };
    const take = (st: BidState, line: BidLine, via: "priority" | "lock") => {
      const agent = st.agent!;
      const site = sites.get(line.siteId)!;
      const proficiency = proficiencyFor(agent, line.skillId, input.catalog);
      const incoming = instancesOf(line, scope, site).map((i) => instanceShift(i, line, agent.id, proficiency, `${i.id}#${agent.id}`));
      shifts.set(agent.id, [...(shifts.get(agent.id) ?? []), ...incoming].sort((a, b) => a.start - b.start || byId(a, b)));
      remaining.set(line.id, (remaining.get(line.id) ?? 0) - 1);
      const t: Taker = { agentId: agent.id, wave: scope.wave, scopeId: scope.id, via, standing: standingText(scope.priority, agent), rankedAbove: false };
      takers.set(line.id, [...(takers.get(line.id) ?? []), t]);
      awards.push({ agentId: agent.id, lineId: line.id, scopeId: scope.id, wave: scope.wave, via });
      won.set(agent.id, (won.get(agent.id) ?? 0) + 1);
    };

    // Who takes part: known agents with a bid submitted before the window closed.
    const active: BidState[] = [];
    for (const st of states) {
      const why: BidReason | null = !st.agent
        ? { kind: "Ineligible", condition: "NotInScope", message: `agent ${st.bid.agentId} is unknown` }
        : st.bid.submittedAt === null
          ? { kind: "Ineligible", condition: "NotSubmitted", message: "the bid was still a draft when the window closed" }
          : st.bid.submittedAt >= closesAt
            ? { kind: "Ineligible", condition: "SubmittedAfterClose", message: "the bid was submitted after the window closed" }
            : null;
      if (why) {
        for (const p of st.pending) decided(st, p.lineId, p.rank, why);
        st.pointer = st.pending.length;
      } else active.push(st);
      if (st.bid.lock) {
        st.lock = { lineId: st.bid.lock.lineId, status: lockStatus(st.bid.lock, scope, closesAt, closesAt), awarded: false, reason: null };
      }
    }
    const order = priorityOrder(scope, active.map((st) => ({ agent: st.agent!, submittedAt: st.bid.submittedAt })));
    const stateOf = new Map(active.map((st) => [st.bid.agentId, st]));
    order.forEach((e, i) => {
      const st = stateOf.get(e.agent.id)!;
      st.position = i + 1;
      st.key = e.key;
      keyOf.set(e.agent.id, e.key);
    });

    // Committed locks: in commitment order, ties by priority.
    const committed = active
      .filter((st) => st.lock?.status === "committed")
      .sort((a, b) => a.bid.lock!.committedAt! - b.bid.lock!.committedAt! || (a.position ?? 0) - (b.position ?? 0));
    for (const st of committed) {
      if ((won.get(st.bid.agentId) ?? 0) >= scope.constraints.maxLinesPerAgent) continue;
      const line = lines.get(st.bid.lock!.lineId);
      const why = tryLine(st, line);
      st.lock!.reason = why;
      if (why || !line) continue;
      take(st, line, "lock");
      st.lock!.awarded = true;
      const pref = st.pending.find((p) => p.lineId === line.id);
      if (pref) decided(st, pref.lineId, pref.rank, { kind: "Awarded", via: "lock", wave: scope.wave });
    }

    // Rounds in priority order: one line per agent per round while anyone still takes one.
    const ordered = order.map((e) => stateOf.get(e.agent.id)!);
    for (let progress = true; progress; ) {
      progress = false;
      for (const st of ordered) {
        if ((won.get(st.bid.agentId) ?? 0) >= scope.constraints.maxLinesPerAgent) continue;
        while (st.pointer < st.pending.length) {
          const p = st.pending[st.pointer++];
          if (st.prefs.some((d) => d.lineId === p.lineId)) continue;
          const line = lines.get(p.lineId);
          const why = tryLine(st, line);
          if (why) {
            decided(st, p.lineId, p.rank, why);
            continue;
          }
          take(st, line!, "priority");
          decided(st, p.lineId, p.rank, { kind: "Awarded", via: "priority", wave: scope.wave });
          progress = true;
          break;
        }
      }
    }

    for (const st of states) {
      for (const p of st.pending) {
        if (st.prefs.some((d) => d.lineId === p.lineId)) continue;
        decided(st, p.lineId, p.rank, {
          kind: "ConstraintExceeded",
          constraint: "maxLinesPerAgent",
          message: `you already won ${scope.constraints.maxLinesPerAgent} line${scope.constraints.maxLinesPerAgent === 1 ? "" : "s"}, the most this scope gives one agent`,
        });
      }
      st.prefs.sort((a, b) => a.rank - b.rank);
      const outcome: BidOutcome = {
        agentId: st.bid.agentId,
        scopeId: scope.id,
        preferences: st.prefs,
        lock: st.lock,
        position: st.position,
        tier: st.agent ? tierOf(scope.priority, st.agent) : 0,
        explanation: "",
      };
      outcome.explanation = explainOutcome(outcome, { scope, lines, agent: st.agent, clock: env.clock, closesAt });
      outcomes.push(outcome);
    }
  }

  return {
    awards,
    outcomes,
    remainingSlots: Object.fromEntries([...remaining.entries()]),
  };
}

export type { LockStatus };
