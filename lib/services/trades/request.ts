import "server-only";
import { overlapConflictFrom } from "../shifts/overlap-guard";
import type { Db } from "../../db/client";
import { insertTrade, insertViolations } from "../../db/queries/trades";
import { tradeExpiresAt } from "../../domain/trades";
import { AppError } from "../../errors";
import type { TradeRequest } from "../../schemas/trades";
import type { TradeRequestResult } from "../../types/trades";
import { recordAudit, type AuditActor } from "../audit";
import { emitWebhookEvent } from "../webhooks/emit";
import { wakeWebhookWorker } from "../webhooks/worker";
import { applyTrade } from "./apply";
import { judgeTradeRequest } from "./judge";

/**
 * Files a trade request and lets the engine decide: Approved trades are applied at once
 * (by "System"), Denied ones are recorded with their violations, the rest wait for the
 * supervisors of the sites where the shifts are worked. Bad requests (a shift that is not
 * the initiator's, a past shift, a stale version) are refused and change nothing.
 */
export async function requestTrade(db: Db, input: TradeRequest, actor: AuditActor, now: number, requestId?: string): Promise<TradeRequestResult> {
  const { tradeId, proposal, initiatorShift, settings, evaluation } = await judgeTradeRequest(db, input, now);
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
