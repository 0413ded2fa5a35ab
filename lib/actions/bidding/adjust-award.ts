"use server";

import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { adjustAward, adjustAwardSchema } from "../../services/bidding/adjust-award";

/** An admin removes an award or awards a line by hand, with a reason (audited). */
export const adjustAwardAction = capabilityAction(ACTION_CAPABILITY.adjustAwardAction)
  .inputSchema(adjustAwardSchema)
  .action(async ({ parsedInput, ctx }) => adjustAward(ctx.db, parsedInput, { id: ctx.user.id, label: ctx.user.email }, ctx.requestId));
