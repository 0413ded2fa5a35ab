import "server-only";
import type { CurrentUser } from "../../auth/checks";
import type { Db } from "../../db/client";
import { getShiftsOverlapping } from "../../db/queries/shifts";
import { getUserAgentId } from "../../db/queries/bidding";
import { AppError } from "../../errors";
import type { TradeRequest } from "../../schemas/trades";
import { requestTrade } from "./request";
import type { TradeRequestResult } from "../../types/trades";

/**
 * An agent files a trade of their own shift through the trade engine. The initiator is
 * the signed-in agent, whatever the browser sent, and the shift must be theirs.
 */
export async function requestOwnTrade(db: Db, user: CurrentUser, input: Omit<TradeRequest, "initiatorAgentId"> & { initiatorAgentId?: string }, now: number, requestId?: string): Promise<TradeRequestResult> {
  const agentId = await getUserAgentId(db, user.id);
  if (!agentId) throw new AppError("FORBIDDEN", "Your sign-in is not linked to an agent.");
  const own = await getShiftsOverlapping(db, { from: new Date(now), to: new Date(now + 366 * 86_400_000) }, { agentIds: [agentId] });
  if (!own.some((s) => s.id === input.initiatorShiftId)) throw new AppError("VALIDATION", `Shift ${input.initiatorShiftId} is not one of your coming shifts.`, { field: "initiatorShiftId" });
  return requestTrade(db, { ...input, initiatorAgentId: agentId }, { id: user.id, label: user.email }, now, requestId);
}
