"use server";

import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { tradeDecisionSchema } from "../../schemas/trade-decision";
import { decideTrade } from "../../services/trades/decide";

/** Approve or reject a pending trade for one site; the service checks the supervisor's site scope. */
export const decideTradeAction = capabilityAction(ACTION_CAPABILITY.decideTradeAction)
  .inputSchema(tradeDecisionSchema)
  .action(async ({ parsedInput, ctx }) => decideTrade(ctx.db, parsedInput, ctx.user, Date.now(), ctx.requestId));
