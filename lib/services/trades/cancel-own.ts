import "server-only";
import type { CurrentUser } from "../../auth/checks";
import type { Db } from "../../db/client";
import { getUserAgentId } from "../../db/queries/bidding";
import { getTrade, lockTrade, OPEN_TRADE_STATUSES, setTradeStatus } from "../../db/queries/trades";
import { AppError } from "../../errors";
import { recordAudit } from "../audit";

/**
 * An agent cancels a request they filed while it is still open (waiting for a match or a
 * review). The row is locked first, so a supervisor's decision and the cancel cannot both
 * win: whichever commits first moves the request out of the open states, and the other is
 * refused. Another agent's request, or one already decided, is refused and nothing changes.
 */
export async function cancelOwnTrade(db: Db, user: CurrentUser, tradeId: string, now: number, requestId?: string): Promise<{ tradeId: string; status: "Canceled" }> {
  const agentId = await getUserAgentId(db, user.id);
  if (!agentId) throw new AppError("FORBIDDEN", "Your sign-in is not linked to an agent.");
  const trade = await getTrade(db, tradeId);
  // The same answer for "not yours" and "no such trade": an agent learns nothing of others' requests.
  if (!trade || trade.initiatorAgentId !== agentId) throw new AppError("NOT_FOUND", "You have no trade request with this id.");
  await db.transaction(async (tx) => {
    const locked = await lockTrade(tx, tradeId);
    const status = locked?.status ?? trade.status;
    if (!(OPEN_TRADE_STATUSES as readonly string[]).includes(status)) {
      throw new AppError("CONFLICT", `This request is already ${status === "PendingReview" ? "waiting" : status.toLowerCase()}; only a request still open can be canceled.`);
    }
    await setTradeStatus(tx, tradeId, "Canceled", new Date(now));
    await recordAudit(tx, { id: user.id, label: user.email }, { action: "trade.canceled", entityType: "trade", entityId: tradeId, details: { agentId, from: status } }, requestId);
  });
  return { tradeId, status: "Canceled" };
}
