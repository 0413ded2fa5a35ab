"use server";

import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { editShiftSchema } from "../../schemas/schedule";
import { editShift } from "../../services/schedule/edit-shift";

/** Change a shift at the version the planner opened; a stale version fails with CONFLICT and the current values in details.current. */
export const editShiftAction = capabilityAction(ACTION_CAPABILITY.editShiftAction)
  .inputSchema(editShiftSchema)
  .action(async ({ parsedInput, ctx }) => editShift(ctx.db, parsedInput, ctx.user, Date.now(), ctx.requestId));
