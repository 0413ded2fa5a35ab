"use server";

import { capabilityAction } from "../safe-action";
import { gapThresholdsSchema } from "../../schemas/settings";
import { saveGapThresholds } from "../../services/settings/gap-thresholds";
import { ACTION_CAPABILITY } from "../access";

/** Saves the gap thresholds the coverage page and the optimizer use. */
export const saveGapThresholdsAction = capabilityAction(ACTION_CAPABILITY.saveGapThresholdsAction)
  .inputSchema(gapThresholdsSchema)
  .action(async ({ parsedInput, ctx }) => {
    await saveGapThresholds(ctx.db, parsedInput, { id: ctx.user.id, label: ctx.user.email }, ctx.requestId);
    return { saved: true };
  });
