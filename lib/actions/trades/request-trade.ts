"use server";

import { roleAction } from "../safe-action";
import { ACTION_ROLES } from "../access";
import { tradeRequestSchema } from "../../schemas/trades";
import { requestTrade } from "../../services/trades/request";

/** A planner files a trade on an agent's behalf; the engine approves, denies or routes it to review. */
export const requestTradeAction = roleAction(ACTION_ROLES.requestTradeAction)
  .inputSchema(tradeRequestSchema)
  .action(async ({ parsedInput, ctx }) => requestTrade(ctx.db, parsedInput, { id: ctx.user.id, label: ctx.user.email }, Date.now(), ctx.requestId));
