import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "../../db/client";
import { getShiftsByIds } from "../../db/queries/shifts";
import { createTradeEvaluator, type TradeEvaluation, type TradeProposal, type TradingSettings } from "../../domain/trades";
import type { Shift } from "../../domain/types";
import { AppError } from "../../errors";
import { tradeProposalFrom, type TradeRequest } from "../../schemas/trades";
import { getTradingSettings } from "../settings/trading";
import { loadTradeContext, rangeOf } from "./context";

const UUID = /^[0-9a-f-]{36}$/i;

export interface JudgedRequest {
  tradeId: string;
  proposal: TradeProposal;
  initiatorShift: Shift;
  settings: TradingSettings;
  evaluation: TradeEvaluation;
}

/**
 * What the trade engine says about a request against the schedule as it is now, storing
 * nothing: shared by filing a request and by evaluating one without filing it. A shift that
 * does not exist, or two shifts at exactly the same times, is refused here (VALIDATION).
 */
export async function judgeTradeRequest(db: Db, input: TradeRequest, now: number, options: { coverageImpact?: "never" | "review" } = {}): Promise<JudgedRequest> {
  const shiftIds = [input.initiatorShiftId, ...(input.receiverShiftId ? [input.receiverShiftId] : [])];
  const found = await getShiftsByIds(db, shiftIds.filter((id) => UUID.test(id)));
  const initiatorShift = found.find((s) => s.id === input.initiatorShiftId);
  if (!initiatorShift) throw new AppError("VALIDATION", `Shift ${input.initiatorShiftId} does not exist.`, { field: "initiatorShiftId" });
  if (input.receiverShiftId && !found.some((s) => s.id === input.receiverShiftId)) {
    throw new AppError("VALIDATION", `Shift ${input.receiverShiftId} does not exist.`, { field: "receiverShiftId" });
  }
  const receiverShift = found.find((s) => s.id === input.receiverShiftId);
  if (receiverShift && receiverShift.start === initiatorShift.start && receiverShift.end === initiatorShift.end) {
    throw new AppError("VALIDATION", "These two shifts are at exactly the same times; swapping them changes nothing.", { field: "receiverShiftId" });
  }
  const settings = await getTradingSettings(db, initiatorShift.siteId);
  const ctx = await loadTradeContext(db, rangeOf(found), now);
  const tradeId = randomUUID();
  const proposal = tradeProposalFrom(tradeId, input);
  const evaluation = createTradeEvaluator(ctx, settings, { coverageImpact: options.coverageImpact ?? "never" }).evaluate(proposal);
  return { tradeId, proposal, initiatorShift, settings, evaluation };
}
