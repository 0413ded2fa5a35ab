"use server";

import { z } from "zod";
import { safeText } from "@/lib/schemas/text";
import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { tradingSettingsSchema } from "../../schemas/trades";
import { saveTradingSettings } from "../../services/settings/trading";

/** Unknown keys are refused, here and inside the settings (the schema is strict at every level). */
const inputSchema = z.strictObject({
  /** "org" for the default, or a site id for its override. */
  scope: safeText().trim().min(1).max(64),
  settings: tradingSettingsSchema,
});

/** Saves trading settings for the org or one site; the service checks the scope and stores them as parsed. */
export const saveTradingSettingsAction = capabilityAction(ACTION_CAPABILITY.saveTradingSettingsAction)
  .inputSchema(inputSchema)
  .action(async ({ parsedInput, ctx }) => {
    const saved = await saveTradingSettings(ctx.db, parsedInput.scope, parsedInput.settings, { id: ctx.user.id, label: ctx.user.email }, ctx.requestId);
    return { scope: parsedInput.scope, settings: JSON.parse(JSON.stringify(saved)) as Record<string, unknown> };
  });
