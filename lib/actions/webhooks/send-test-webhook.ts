"use server";

import { webhookIdSchema } from "../../schemas/webhooks";
import { sendTestWebhook } from "../../services/webhooks/send-test";
import { ACTION_CAPABILITY } from "../access";
import { capabilityAction } from "../safe-action";

/** Sends a `webhook.test` event to one endpoint now and answers the receiver's response (admins). */
export const sendTestWebhookAction = capabilityAction(ACTION_CAPABILITY.sendTestWebhookAction)
  .inputSchema(webhookIdSchema)
  .action(async ({ parsedInput, ctx }) => sendTestWebhook(ctx.db, ctx.user, parsedInput.endpointId, new Date(), ctx.requestId));
