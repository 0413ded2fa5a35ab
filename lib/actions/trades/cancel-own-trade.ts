"use server";

import { z } from "zod";
import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { cancelOwnTrade } from "../../services/trades/cancel-own";

/** An agent cancels their own open trade request (audited). */
export const cancelOwnTradeAction = capabilityAction(ACTION_CAPABILITY.cancelOwnTradeAction)
  .inputSchema(z.object({ tradeId: z.uuid({ error: "Not a trade id." }) }))
  .action(async ({ parsedInput, ctx }) => cancelOwnTrade(ctx.db, ctx.user, parsedInput.tradeId, Date.now(), ctx.requestId));
