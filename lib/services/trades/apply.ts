import "server-only";
import type { Db } from "../../db/client";
import { getShiftsByIds, moveShiftIfVersion } from "../../db/queries/shifts";
import type { TradeProposal } from "../../domain/trades";
import { AppError } from "../../errors";
import { assertNoOverlap } from "../shifts/overlap-guard";

/**
 * Moves the shifts: the initiator's to the receiver and, in a swap, the receiver's back.
 * Each move checks the version the request saw, so a shift changed meanwhile fails the
 * whole transaction instead of being traded in a state nobody evaluated. Call inside one.
 * The trade was evaluated before the transaction, so another writer may have booked an agent
 * at those hours since: the overlap guard runs on the moved shifts inside the transaction
 * (on Postgres the exclusion constraint refuses the commit instead).
 */
export async function applyTrade(tx: Db, trade: TradeProposal, initiatorVersion: number, receiverVersion: number | null): Promise<void> {
  const move = async (shiftId: string, from: string, to: string, version: number) => {
    if (!(await moveShiftIfVersion(tx, shiftId, from, to, version))) {
      throw new AppError("STALE_VERSION", `Shift ${shiftId} changed since the trade was requested; it was not traded.`);
    }
  };
  await move(trade.initiatorShiftId, trade.initiatorAgentId, trade.receiverAgentId, initiatorVersion);
  if (trade.receiverShiftId) await move(trade.receiverShiftId, trade.receiverAgentId, trade.initiatorAgentId, receiverVersion ?? -1);
  const moved = await getShiftsByIds(tx, [trade.initiatorShiftId, ...(trade.receiverShiftId ? [trade.receiverShiftId] : [])]);
  await assertNoOverlap(tx, [trade.initiatorAgentId, trade.receiverAgentId], { from: new Date(Math.min(...moved.map((s) => s.start))), to: new Date(Math.max(...moved.map((s) => s.end))) });
}
