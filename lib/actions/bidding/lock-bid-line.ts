"use server";

import { z } from "zod";
import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { lockLine } from "../../services/bidding/lock-line";

/** An agent locks a line for the lock duration, or commits the lock they hold. */
export const lockBidLineAction = capabilityAction(ACTION_CAPABILITY.lockBidLineAction)
  .inputSchema(z.object({ scopeId: z.uuid(), lineId: z.uuid(), commit: z.boolean() }))
  .action(async ({ parsedInput, ctx }) => lockLine(ctx.db, ctx.user, parsedInput, Date.now(), ctx.requestId));
