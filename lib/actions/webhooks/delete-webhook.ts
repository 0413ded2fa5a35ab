"use server";

import { webhookIdSchema } from "../../schemas/webhooks";
import { deleteWebhook } from "../../services/webhooks/delete";
import { ACTION_CAPABILITY } from "../access";
import { capabilityAction } from "../safe-action";

/** Deletes a webhook endpoint and its delivery log (admins). */
export const deleteWebhookAction = capabilityAction(ACTION_CAPABILITY.deleteWebhookAction)
  .inputSchema(webhookIdSchema)
  .action(async ({ parsedInput, ctx }) => deleteWebhook(ctx.db, ctx.user, parsedInput.endpointId, ctx.requestId));
