"use server";

import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { shiftHistorySchema } from "../../schemas/schedule";
import { getShiftHistory } from "../../services/schedule/shift-history";

/** A shift and its history (audit log and trades), for the shift panel; supervisors on their own sites. */
export const getShiftHistoryAction = capabilityAction(ACTION_CAPABILITY.getShiftHistoryAction)
  .inputSchema(shiftHistorySchema)
  .action(async ({ parsedInput, ctx }) => getShiftHistory(ctx.db, parsedInput, ctx.user));
