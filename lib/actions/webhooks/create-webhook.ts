"use server";

import { createWebhookSchema } from "../../schemas/webhooks";
import { createWebhookEndpoint } from "../../services/webhooks/create";
import { ACTION_CAPABILITY } from "../access";
import { capabilityAction } from "../safe-action";

/** Registers a webhook endpoint (admins); the answer carries its signing secret, shown this once. */
export const createWebhookAction = capabilityAction(ACTION_CAPABILITY.createWebhookAction)
  .inputSchema(createWebhookSchema)
  .action(async ({ parsedInput, ctx }) => createWebhookEndpoint(ctx.db, ctx.user, parsedInput, new Date(), ctx.requestId));
