"use server";

import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { cxonePlatformConnectionSchema } from "../../schemas/cxone-connection";
import { saveCxonePlatformConnection } from "../../services/settings/cxone-connection";

/** Saves the NICE platform profile; the access key secret and app secret are encrypted at rest and never sent back. */
export const saveCxonePlatformConnectionAction = capabilityAction(ACTION_CAPABILITY.saveCxonePlatformConnectionAction)
  .inputSchema(cxonePlatformConnectionSchema)
  .action(async ({ parsedInput, ctx }) => {
    await saveCxonePlatformConnection(ctx.db, parsedInput, { id: ctx.user.id, label: ctx.user.email }, ctx.requestId);
    return { saved: true };
  });
