import "server-only";
import type { Db } from "../../db/client";
import { moveShiftIfVersion } from "../../db/queries/shifts";
import type { TradeProposal } from "../../domain/trades";
import { AppError } from "../../errors";

/**
 * Moves the shifts: the initiator's to the receiver and, in a swap, the receiver's back.
 * Each move checks the version the request saw, so a shift changed meanwhile fails the
 * whole transaction instead of being traded in a state nobody evaluated. Call inside one.
 * The trade was evaluated before the transaction, so another writer may have booked an agent
 * at those hours since: the database's no-overlap check refuses the commit then (migration
 * 0013); callers read that refusal with overlapConflictFrom.
 */
export async function applyTrade(tx: Db, trade: TradeProposal, initiatorVersion: number, receiverVersion: number | null): Promise<void> {
  const move = async (shiftId: string, from: string, to: string, version: number) => {
    if (!(await moveShiftIfVersion(tx, shiftId, from, to, version))) {
      throw new AppError("STALE_VERSION", `Shift ${shiftId} changed since the trade was requested; it was not traded.`);
    }
  };
  await move(trade.initiatorShiftId, trade.initiatorAgentId, trade.receiverAgentId, initiatorVersion);
  if (trade.receiverShiftId) await move(trade.receiverShiftId, trade.receiverAgentId, trade.initiatorAgentId, receiverVersion ?? -1);
}
