"use server";

import { redeliverWebhookSchema } from "../../schemas/webhooks";
import { redeliverWebhook } from "../../services/webhooks/redeliver";
import { ACTION_CAPABILITY } from "../access";
import { capabilityAction } from "../safe-action";

/** Tries a failed webhook delivery once more, now (admins). */
export const redeliverWebhookAction = capabilityAction(ACTION_CAPABILITY.redeliverWebhookAction)
  .inputSchema(redeliverWebhookSchema)
  .action(async ({ parsedInput, ctx }) => redeliverWebhook(ctx.db, ctx.user, parsedInput.deliveryId, new Date(), ctx.requestId));
