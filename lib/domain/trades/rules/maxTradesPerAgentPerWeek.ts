import type { Agent } from "../../types";
import type { ZoneClock } from "../calendar";
import type { Move } from "../coverage-state";
import type { TradeRule } from "../rule";
import type { Finding } from "../types";

export interface AgentWeek {
  agent: Agent;
  /** Monday "YYYY-MM-DD" of the ISO week in the agent's home zone. */
  week: string;
  shiftId: string;
}

/**
 * The (agent, week) pairs a trade counts toward: each party, for the ISO week in their
 * own home zone of each shift that moves.
 */
export function tradeWeeks(moves: readonly Move[], clock: ZoneClock): AgentWeek[] {
  const out: AgentWeek[] = [];
  for (const m of moves) {
    for (const agent of [m.giver, m.receiver]) {
      const week = clock.weekKey(m.shift.start, agent.timeZone);
      if (!out.some((x) => x.agent.id === agent.id && x.week === week)) out.push({ agent, week, shiftId: m.shift.id });
    }
  }
  return out;
}

/**
 * MaxTradesPerAgentPerWeek: a party already takes part in `maxTradesPerAgentPerWeek`
 * trades (Approved or PendingReview) in the home-zone week of a shift that moves;
 * this one would exceed the limit.
 */
export const maxTradesPerAgentPerWeekRule: TradeRule = (_trade, legs, env) => {
  const max = env.settings.maxTradesPerAgentPerWeek;
  const out: Finding[] = [];
  for (const { agent, week, shiftId } of tradeWeeks(legs, env.clock)) {
    const count = env.tradesInWeek(agent.id, week);
    if (count < max) continue;
    out.push({
      type: "MaxTradesPerAgentPerWeek",
      shiftId,
      agentId: agent.id,
      params: { weekStart: week, trades: count, max },
      message: `${agent.id} already takes part in ${count} trades in the week of ${week} (${agent.timeZone}); the limit is ${max}`,
    });
  }
  return out;
};
