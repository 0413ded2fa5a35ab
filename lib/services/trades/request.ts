import "server-only";
import { overlapConflictFrom } from "../shifts/overlap-guard";
import { randomUUID } from "node:crypto";
import type { Db } from "../../db/client";
import { getShiftsByIds } from "../../db/queries/shifts";
import { insertTrade, insertViolations } from "../../db/queries/trades";
import { createTradeEvaluator, tradeExpiresAt } from "../../domain/trades";
import { AppError } from "../../errors";
import { tradeProposalFrom, type TradeRequest } from "../../schemas/trades";
import type { TradeRequestResult } from "../../types/trades";
import { recordAudit, type AuditActor } from "../audit";
import { emitWebhookEvent } from "../webhooks/emit";
import { wakeWebhookWorker } from "../webhooks/worker";
import { getTradingSettings } from "../settings/trading";
import { applyTrade } from "./apply";
import { loadTradeContext, rangeOf } from "./context";

const UUID = /^[0-9a-f-]{36}$/i;

/**
 * Files a trade request and lets the engine decide: Approved trades are applied at once
 * (by "System"), Denied ones are recorded with their violations, the rest wait for the
 * supervisors of the sites where the shifts are worked. Bad requests (a shift that is not
 * the initiator's, a past shift, a stale version) are refused and change nothing.
 */
export async function requestTrade(db: Db, input: TradeRequest, actor: AuditActor, now: number, requestId?: string): Promise<TradeRequestResult> {
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
  const evaluation = createTradeEvaluator(ctx, settings, { coverageImpact: "never" }).evaluate(proposal);
  if (evaluation.refusal) throw new AppError("VALIDATION", evaluation.refusal.message, { field: evaluation.refusal.field, refusal: evaluation.refusal.code });

  const webhooks = await db.transaction(async (tx) => {
    await insertTrade(tx, {
      id: tradeId,
      kind: input.kind,
      status: evaluation.outcome,
      initiatorAgentId: input.initiatorAgentId,
      initiatorShiftId: input.initiatorShiftId,
      initiatorShiftVersion: input.initiatorShiftVersion,
      receiverAgentId: input.receiverAgentId,
      receiverShiftId: input.receiverShiftId ?? null,
      receiverShiftVersion: input.receiverShiftVersion ?? null,
      reviewSiteIds: evaluation.reviewSiteIds,
      note: input.note ?? null,
      createdBy: actor.id,
      createdAt: new Date(now),
      expiresAt: new Date(tradeExpiresAt(now, initiatorShift.start, settings)),
      decidedAt: evaluation.outcome === "PendingReview" ? null : new Date(now),
    });
    await insertViolations(tx, tradeId, evaluation.violations);
    if (evaluation.outcome === "Approved") await applyTrade(tx, proposal, input.initiatorShiftVersion, input.receiverShiftVersion ?? null);
    await recordAudit(
      tx,
      actor,
      {
        action: `trade.requested.${evaluation.outcome}`,
        entityType: "trade",
        entityId: tradeId,
        details: {
          request: input,
          outcome: evaluation.outcome,
          decidedBy: evaluation.outcome === "PendingReview" ? null : "System",
          violations: evaluation.violations.map((v) => ({ type: v.type, policy: v.policy, message: v.message })),
        },
      },
      requestId,
    );
    // The engine decided on its own (approved and applied, or denied): subscribers hear of it.
    if (evaluation.outcome !== "Approved" && evaluation.outcome !== "Denied") return 0;
    const at = new Date(now);
    return emitWebhookEvent(tx, "trade.decided", { tradeId, kind: input.kind, status: evaluation.outcome, decidedBy: "system", siteId: null, decidedAt: at.toISOString() }, at);
  }).catch((e: unknown) => {
    // A concurrent writer booked the same agent at the same time (the database refused the commit).
    throw overlapConflictFrom(e) ?? e;
  });
  if (webhooks > 0) wakeWebhookWorker(db);
  return { tradeId, status: evaluation.outcome, violations: evaluation.violations, reviewSiteIds: evaluation.reviewSiteIds };
}
