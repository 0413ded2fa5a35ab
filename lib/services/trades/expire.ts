import "server-only";
import type { Db } from "../../db/client";
import { expireTradesBefore } from "../../db/queries/trades";
import { recordAudit } from "../audit";

/**
 * Requests nobody decided before they expired become Expired (DOMAIN.md's states); done
 * when the queue is read or a decision is made, so no clock runs in the background.
 */
export async function expireStaleTrades(db: Db, now: number): Promise<number> {
  const expired = await expireTradesBefore(db, new Date(now));
  for (const id of expired) {
    await recordAudit(db, { id: null, label: "System" }, { action: "trade.expired", entityType: "trade", entityId: id, details: {} });
  }
  return expired.length;
}
