"use server";

import { roleAction } from "../safe-action";
import { ACTION_ROLES } from "../access";
import { staffingSettingsSchema } from "../../schemas/staffing";
import { saveStaffingSettings } from "../../services/settings/staffing";

/** Saves one skill's service level target, answer time, max occupancy and shrinkage. */
export const saveStaffingSettingsAction = roleAction(ACTION_ROLES.saveStaffingSettingsAction)
  .inputSchema(staffingSettingsSchema)
  .action(async ({ parsedInput, ctx }) => {
    await saveStaffingSettings(ctx.db, parsedInput, { id: ctx.user.id, label: ctx.user.email }, ctx.requestId);
    return { saved: true };
  });
