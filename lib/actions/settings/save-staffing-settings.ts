"use server";

import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { staffingSettingsSchema } from "../../schemas/staffing";
import { saveStaffingSettings } from "../../services/settings/staffing";

/** Saves one skill's service level target, answer time, max occupancy and shrinkage. */
export const saveStaffingSettingsAction = capabilityAction(ACTION_CAPABILITY.saveStaffingSettingsAction)
  .inputSchema(staffingSettingsSchema)
  .action(async ({ parsedInput, ctx }) => {
    await saveStaffingSettings(ctx.db, parsedInput, { id: ctx.user.id, label: ctx.user.email }, ctx.requestId);
    return { saved: true };
  });
