/**
 * A trade card's before/after chart: the Coverage page's net coverage of the schedule as
 * stored, and of the same schedule with this trade's shifts handed over. Other pending
 * requests are left out, as on the Coverage page, so the card's "before" is what the page
 * shows today and its "after" what the page shows once this trade is approved.
 *
 * Why "after" could rise on a SkillLoss card (the demo's ghost-coverage swap, premium agent
 * AGENT-1066 ↔ plain AGENT-1083, Thu 3 Dec NYC). The premium agent's shift was pinned to the
 * Sales queue (it lists SKILL_SALES), and a listed shift counts only its listed skills: before
 * the trade that agent's time there counted for SALES, never for SALES_PREMIUM. In the swap
 * the premium agent takes the plain agent's unlisted shift the same day, which counts all of
 * the agent's skills, so SALES_PREMIUM gains a whole shift while the loss on the pinned shift
 * is invisible to coverage: that invisible loss is exactly what SkillLoss reports. The old
 * card also read gross coverage (every skill counted fully, 12–20 agents) while the page
 * reads net (at most ~7), so the two disagreed on every trade.
 */
import { coverageImpact, type ImpactPoint } from "../coverage/impact";
import type { TradeContext, TradeProposal } from "./types";

export function tradeCardImpact(ctx: TradeContext, trade: TradeProposal): ImpactPoint[] {
  const before = [...ctx.shiftsByAgent.values()].flat();
  const handOver = new Map([[trade.initiatorShiftId, trade.receiverAgentId]]);
  if (trade.kind === "swap" && trade.receiverShiftId) handOver.set(trade.receiverShiftId, trade.initiatorAgentId);
  const ids = new Set(before.map((s) => s.id));
  for (const id of handOver.keys()) if (!ids.has(id)) return [];
  const after = before.map((s) => {
    const to = handOver.get(s.id);
    return to ? { ...s, agentId: to } : s;
  });
  return coverageImpact({ before, after, agents: ctx.agents, catalog: ctx.catalog, grid: ctx.grid, required: ctx.required });
}
