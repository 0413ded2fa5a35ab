import "server-only";
import { assertCan, type CurrentUser } from "../../auth/checks";
import type { Db } from "../../db/client";
import type { TradeRequest } from "../../schemas/trades";
import type { TradeVerdict } from "../../types/trades";
import { judgeTradeRequest } from "./judge";

const iso = (t: number) => new Date(t).toISOString();

/**
 * The engine's verdict on a trade request without filing it: the outcome filing would get
 * now, every finding with its policy, the sites that would review it and, when it would wait
 * for review, the coverage it would move. Nothing is stored or audited. A request the engine
 * will not judge (a past shift, a stale version…) answers its refusal, outcome Denied.
 */
export async function evaluateTradeRequest(db: Db, user: CurrentUser, input: TradeRequest, now: number): Promise<TradeVerdict> {
  assertCan(user, "trades.request");
  const { evaluation } = await judgeTradeRequest(db, input, now, { coverageImpact: "review" });
  return {
    outcome: evaluation.outcome,
    refusal: evaluation.refusal ? { code: evaluation.refusal.code, message: evaluation.refusal.message, field: evaluation.refusal.field } : null,
    violations: evaluation.violations.map((v) => ({ type: v.type, policy: v.policy, message: v.message, shiftId: v.shiftId, agentId: v.agentId })),
    reviewSiteIds: evaluation.reviewSiteIds,
    coverageImpact: evaluation.coverageImpact.map((p) => ({ skillId: p.skillId, intervalStart: iso(p.intervalStart), required: p.required, before: p.before, after: p.after })),
  };
}
