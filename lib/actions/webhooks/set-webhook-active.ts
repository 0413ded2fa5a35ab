"use server";

import { setWebhookActiveSchema } from "../../schemas/webhooks";
import { setWebhookActive } from "../../services/webhooks/set-active";
import { ACTION_CAPABILITY } from "../access";
import { capabilityAction } from "../safe-action";

/** Disables or enables a webhook endpoint (admins). */
export const setWebhookActiveAction = capabilityAction(ACTION_CAPABILITY.setWebhookActiveAction)
  .inputSchema(setWebhookActiveSchema)
  .action(async ({ parsedInput, ctx }) => setWebhookActive(ctx.db, ctx.user, parsedInput.endpointId, parsedInput.active, ctx.requestId));
