import "server-only";
import type { CurrentUser } from "../../auth/checks";
import type { Db } from "../../db/client";
import { actorOf, requireOwnAgentId } from "./context";
import { saveBid } from "./save-bid";

/** An agent saves (draft) or submits their own bid; the agent is the signed-in user's, never the browser's. */
export async function saveOwnBid(db: Db, user: CurrentUser, input: { scopeId: string; preferences: { lineId: string; rank: number }[]; submit: boolean }, now: number, requestId?: string) {
  const agentId = await requireOwnAgentId(db, user);
  return saveBid(db, { ...input, agentId }, actorOf(user), now, requestId);
}
