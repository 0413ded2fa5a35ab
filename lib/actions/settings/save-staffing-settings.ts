"use server";

import { eq } from "drizzle-orm";
import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { staffingSettingsSchema } from "../../schemas/staffing";
import { skills, staffingSettings } from "../../db/schema";
import { AppError } from "../../errors";
import { recordAudit } from "../../services/audit";

/** Saves one skill's service level target, answer time, max occupancy and shrinkage. */
export const saveStaffingSettingsAction = capabilityAction(ACTION_CAPABILITY.saveStaffingSettingsAction)
  .inputSchema(staffingSettingsSchema)
  .action(async ({ parsedInput, ctx }) => {
    const { skillId, ...values } = parsedInput;
    const [skill] = await ctx.db.select({ id: skills.id }).from(skills).where(eq(skills.id, skillId));
    if (!skill) throw new AppError("VALIDATION", `Unknown skill "${skillId}".`);
    await ctx.db.transaction(async (tx) => {
      await tx
        .insert(staffingSettings)
        .values({ skillId, ...values, updatedAt: new Date() })
        .onConflictDoUpdate({ target: staffingSettings.skillId, set: { ...values, updatedAt: new Date() } });
      await recordAudit(tx, { actor: { id: ctx.user.id, label: ctx.user.email }, action: "settings.staffing.saved", entityType: "skill", entityId: skillId, details: values, requestId: ctx.requestId });
    });
    return { saved: true };
  });
