"use server";

import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { tradeRequestSchema } from "../../schemas/trades";
import { requestOwnTrade } from "../../services/trades/request-own";

/** An agent files a trade of their own shift; the engine approves, denies or routes it to review. */
export const requestOwnTradeAction = capabilityAction(ACTION_CAPABILITY.requestOwnTradeAction)
  .inputSchema(tradeRequestSchema)
  .action(async ({ parsedInput, ctx }) => requestOwnTrade(ctx.db, ctx.user, parsedInput, Date.now(), ctx.requestId));
