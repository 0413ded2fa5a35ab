"use server";

import { z } from "zod";
import { safeText } from "@/lib/schemas/text";
import { roleAction } from "../safe-action";
import { ACTION_ROLES } from "../access";
import { AppError } from "../../errors";
import { getSites } from "../../db/queries/reference";
import { saveTradingSettings } from "../../services/trades";

const inputSchema = z.object({
  /** "org" for the default, or a site id for its override. */
  scope: safeText().trim().min(1).max(64),
  settings: z.record(z.string(), z.unknown()),
});

/** Saves trading settings for the org or one site; the service validates them with the engine's schema. */
export const saveTradingSettingsAction = roleAction(ACTION_ROLES.saveTradingSettingsAction)
  .inputSchema(inputSchema)
  .action(async ({ parsedInput, ctx }) => {
    if (parsedInput.scope !== "org" && !(await getSites(ctx.db)).some((s) => s.id === parsedInput.scope)) {
      throw new AppError("VALIDATION", `Unknown site "${parsedInput.scope}".`);
    }
    const saved = await saveTradingSettings(ctx.db, parsedInput.scope, parsedInput.settings, { id: ctx.user.id, label: ctx.user.email }, ctx.requestId);
    return { scope: parsedInput.scope, settings: JSON.parse(JSON.stringify(saved)) as Record<string, unknown> };
  });
