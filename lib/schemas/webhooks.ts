import { z } from "zod";
import { WEBHOOK_EVENTS } from "../domain/webhooks";
import { safeText } from "./text";

/**
 * A new webhook endpoint: the URL (its rules — https, loopback only in development, no
 * credentials, no private IP literals — are checked by the service, which knows the
 * environment) and at least one event.
 */
export const createWebhookSchema = z.strictObject({
  url: safeText().trim().min(1, { error: "url: give the endpoint's URL." }).max(2048, { error: "url: keep the URL under 2,048 characters." }),
  events: z
    .array(z.enum(WEBHOOK_EVENTS, { error: `events: each event is one of ${WEBHOOK_EVENTS.join(", ")}.` }), { error: "events: choose at least one event." })
    .min(1, { error: "events: choose at least one event." })
    .max(WEBHOOK_EVENTS.length),
});
export type CreateWebhookInput = z.input<typeof createWebhookSchema>;

export const webhookIdSchema = z.strictObject({ endpointId: z.uuid({ error: "endpointId: not a webhook endpoint id." }) });
export const setWebhookActiveSchema = z.strictObject({
  endpointId: z.uuid({ error: "endpointId: not a webhook endpoint id." }),
  active: z.boolean({ error: "active: true or false." }),
});
export const redeliverWebhookSchema = z.strictObject({ deliveryId: z.uuid({ error: "deliveryId: not a delivery id." }) });
