"use server";

import { capabilityAction } from "../safe-action";
import { gapThresholdsSchema } from "../../schemas/settings";
import { putSetting } from "../../db/queries/settings";
import { recordAudit } from "../../services/audit";
import { ACTION_CAPABILITY } from "../access";

/** Saves the gap thresholds the coverage page and the optimizer use. */
export const saveGapThresholdsAction = capabilityAction(ACTION_CAPABILITY.saveGapThresholdsAction)
  .inputSchema(gapThresholdsSchema)
  .action(async ({ parsedInput, ctx }) => {
    await ctx.db.transaction(async (tx) => {
      await putSetting(tx, "gapThresholds", parsedInput, ctx.user.id);
      await recordAudit(tx, {
        actor: { id: ctx.user.id, label: ctx.user.email },
        action: "settings.gapThresholds.saved",
        entityType: "setting",
        entityId: "gapThresholds",
        details: parsedInput,
        requestId: ctx.requestId,
      });
    });
    return { saved: true };
  });
