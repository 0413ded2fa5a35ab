import "server-only";
import { overlapConflictFrom } from "../shifts/overlap-guard";
import type { Db } from "../../db/client";
import { getShiftsByIds } from "../../db/queries/shifts";
import { deleteViolations, getDecisions, getTrade, insertDecision, insertViolations, lockTrade, setTradeStatus } from "../../db/queries/trades";
import { createTradeEvaluator, type TradeEvaluation, type TradeProposal } from "../../domain/trades";
import { assertCan, type CurrentUser } from "../../auth/checks";
import { AppError } from "../../errors";
import type { DecisionResult } from "../../types/trades";
import { recordAudit } from "../audit";
import { emitWebhookEvent } from "../webhooks/emit";
import { wakeWebhookWorker } from "../webhooks/worker";
import { getTradingSettings } from "../settings/trading";
import { applyTrade } from "./apply";
import { loadTradeContext, rangeOf } from "./context";
import { expireStaleTrades } from "./expire";
import { getTradeView } from "./get";

export interface DecisionInput {
  tradeId: string;
  siteId: string;
  decision: "approve" | "reject";
  comment?: string;
  /** The version the caller saw (If-Match over HTTP): another version is refused as stale. */
  expectedVersion?: number;
}

/**
 * A supervisor's decision for one site of a pending trade. Two decisions on one trade
 * cannot both win: the trade row is locked, each site decides once (a unique index), and
 * the version moves on every change. Approval re-evaluates against the schedule as it is
 * now; the trade is applied when every site has approved, in the same transaction.
 */
export async function decideTrade(db: Db, input: DecisionInput, user: CurrentUser, now: number, requestId?: string): Promise<DecisionResult> {
  assertCan(user, "trades.decide", input.siteId);
  const actor = { id: user.id, label: user.email };

  // Load and evaluate outside the transaction (reads only); the transaction re-checks state.
  const trade = await getTrade(db, input.tradeId);
  if (!trade) throw new AppError("NOT_FOUND", "No such trade request.");
  if (!trade.reviewSiteIds.includes(input.siteId)) throw new AppError("SITE_FORBIDDEN", `Site ${input.siteId} does not review this trade.`);
  if (input.expectedVersion !== undefined && input.expectedVersion !== trade.version) {
    throw new AppError("STALE_VERSION", `This trade changed since version ${input.expectedVersion} (it is at version ${trade.version}, ${trade.status}); read it again before deciding.`, { current: await getTradeView(db, user, trade.id) });
  }
  if (trade.status === "PendingReview" && trade.expiresAt && trade.expiresAt.getTime() < now) {
    await expireStaleTrades(db, now);
    throw new AppError("ALREADY_DECIDED", "This trade expired before anyone decided it; the shifts stay with their agents.");
  }
  if (trade.status !== "PendingReview") throw new AppError("ALREADY_DECIDED", `This trade is already ${trade.status}.`);

  const proposal: TradeProposal = {
    id: trade.id,
    kind: trade.kind,
    initiatorAgentId: trade.initiatorAgentId,
    initiatorShiftId: trade.initiatorShiftId,
    receiverAgentId: trade.receiverAgentId,
    receiverShiftId: trade.receiverShiftId,
    initiatorShiftVersion: trade.initiatorShiftVersion,
    receiverShiftVersion: trade.receiverShiftVersion ?? undefined,
  };
  let reevaluation: TradeEvaluation | null = null;
  if (input.decision === "approve") {
    const shifts = await getShiftsByIds(db, [trade.initiatorShiftId, ...(trade.receiverShiftId ? [trade.receiverShiftId] : [])]);
    const settings = await getTradingSettings(db, shifts.find((s) => s.id === trade.initiatorShiftId)?.siteId ?? null);
    const ctx = await loadTradeContext(db, rangeOf(shifts), now, { excludeTradeId: trade.id });
    reevaluation = createTradeEvaluator(ctx, settings, { coverageImpact: "never" }).evaluate(proposal);
  }

  const decided = await db.transaction(async (tx) => {
    const current = await lockTrade(tx, trade.id);
    if (!current || current.status !== "PendingReview" || current.version !== trade.version) {
      throw new AppError("ALREADY_DECIDED", "Someone decided this trade a moment ago; nothing was changed. Reload to see the outcome.");
    }
    const inserted = await insertDecision(tx, { tradeId: trade.id, siteId: input.siteId, userId: user.id, decision: input.decision, comment: input.comment ?? null, createdAt: new Date(now) });
    if (!inserted) throw new AppError("ALREADY_DECIDED", `Site ${input.siteId} has already decided this trade.`);

    let status: DecisionResult["status"] = "PendingReview";
    let message: string;
    if (input.decision === "reject") {
      status = "Denied";
      message = "Rejected. The shifts stay with their agents.";
    } else if (reevaluation && (reevaluation.refusal || reevaluation.outcome === "Denied")) {
      status = "Denied";
      const why = reevaluation.refusal?.message ?? reevaluation.violations.filter((v) => v.policy === "Disallow").map((v) => v.message).join(" ");
      message = `Not applied: the schedule changed and the trade is no longer allowed. ${why}`;
      await deleteViolations(tx, trade.id);
      await insertViolations(tx, trade.id, reevaluation.violations);
    } else {
      const decisions = await getDecisions(tx, [trade.id]);
      const approvedSites = new Set(decisions.filter((d) => d.decision === "approve").map((d) => d.siteId));
      if (trade.reviewSiteIds.every((s) => approvedSites.has(s))) {
        await applyTrade(tx, proposal, trade.initiatorShiftVersion, trade.receiverShiftVersion);
        status = "Approved";
        message = "Approved and applied: the shifts have changed hands.";
      } else {
        const waiting = trade.reviewSiteIds.filter((s) => !approvedSites.has(s));
        message = `Approved for ${input.siteId}; waiting for ${waiting.join(", ")}.`;
      }
    }
    await setTradeStatus(tx, trade.id, status, status === "PendingReview" ? null : new Date(now));
    await recordAudit(
      tx,
      actor,
      {
        action: `trade.decision.${input.decision}`,
        entityType: "trade",
        entityId: trade.id,
        details: {
          siteId: input.siteId,
          comment: input.comment ?? null,
          outcome: status,
          violations: (reevaluation?.violations ?? []).map((v) => ({ type: v.type, policy: v.policy, message: v.message })),
        },
      },
      requestId,
    );
    // Only a final outcome is an event; "approved for one site, waiting for another" is not.
    const webhooks =
      status === "PendingReview"
        ? 0
        : await emitWebhookEvent(tx, "trade.decided", { tradeId: trade.id, kind: trade.kind, status, decidedBy: "supervisor", siteId: input.siteId, decidedAt: new Date(now).toISOString() }, new Date(now));
    return { result: { tradeId: trade.id, status, message, version: trade.version + 1 } satisfies DecisionResult, webhooks };
  }).catch((e: unknown) => {
    // A concurrent writer booked the same agent at the same time (the database refused the commit).
    throw overlapConflictFrom(e) ?? e;
  });
  if (decided.webhooks > 0) wakeWebhookWorker(db);
  return decided.result;
}
