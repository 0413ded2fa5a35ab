"use server";

import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { tradeRequestSchema } from "../../schemas/trades";
import { requestTrade } from "../../services/trades/request";

/** A planner files a trade on an agent's behalf; the engine approves, denies or routes it to review. */
export const requestTradeAction = capabilityAction(ACTION_CAPABILITY.requestTradeAction)
  .inputSchema(tradeRequestSchema)
  .action(async ({ parsedInput, ctx }) => requestTrade(ctx.db, parsedInput, { id: ctx.user.id, label: ctx.user.email }, Date.now(), ctx.requestId));
