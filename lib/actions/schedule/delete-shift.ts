"use server";

import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { deleteShiftSchema } from "../../schemas/schedule";
import { deleteShift } from "../../services/schedule/delete-shift";

/** Delete a shift at the version the planner opened. */
export const deleteShiftAction = capabilityAction(ACTION_CAPABILITY.deleteShiftAction)
  .inputSchema(deleteShiftSchema)
  .action(async ({ parsedInput, ctx }) => deleteShift(ctx.db, parsedInput, ctx.user, ctx.requestId));
