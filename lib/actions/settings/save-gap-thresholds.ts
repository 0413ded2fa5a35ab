"use server";

import { roleAction } from "../safe-action";
import { gapThresholdsSchema } from "../../schemas/settings";
import { saveGapThresholds } from "../../services/settings/gap-thresholds";
import { ACTION_ROLES } from "../access";

/** Saves the gap thresholds the coverage page and the optimizer use. */
export const saveGapThresholdsAction = roleAction(ACTION_ROLES.saveGapThresholdsAction)
  .inputSchema(gapThresholdsSchema)
  .action(async ({ parsedInput, ctx }) => {
    await saveGapThresholds(ctx.db, parsedInput, { id: ctx.user.id, label: ctx.user.email }, ctx.requestId);
    return { saved: true };
  });
