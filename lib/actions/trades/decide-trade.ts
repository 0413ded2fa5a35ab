"use server";

import { roleAction } from "../safe-action";
import { ACTION_ROLES } from "../access";
import { tradeDecisionSchema } from "../../schemas/trade-decision";
import { decideTrade } from "../../services/trades/decide";

/** Approve or reject a pending trade for one site; the service checks the supervisor's site scope. */
export const decideTradeAction = roleAction(ACTION_ROLES.decideTradeAction)
  .inputSchema(tradeDecisionSchema)
  .action(async ({ parsedInput, ctx }) => decideTrade(ctx.db, parsedInput, ctx.user, Date.now(), ctx.requestId));
