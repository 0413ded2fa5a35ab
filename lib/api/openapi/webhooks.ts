import { z } from "zod";
import { WEBHOOK_EVENTS, WEBHOOK_TEST_EVENT } from "../../domain/webhooks";
import { createWebhookSchema } from "../../schemas/webhooks";
import { JSON_BODY } from "../csrf";
import { defineOperation, instant, pageOf, pageQuery } from "./define";

export const webhookIdParam = z.uuid({ error: "id: not a webhook endpoint id." });

export const webhookEndpointSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(z.enum(WEBHOOK_EVENTS)),
    secretPrefix: z.string().meta({ description: "The first characters of the signing secret, to tell secrets apart. The secret itself is shown only when the endpoint is created." }),
    active: z.boolean(),
    createdAt: instant(),
    createdBy: z.string().nullable(),
  })
  .meta({ id: "WebhookEndpoint" });

export const webhookDeliverySchema = z
  .object({
    id: z.string().meta({ description: "Sent as the Shiftboard-Delivery header: the same on every attempt." }),
    eventType: z.enum([...WEBHOOK_EVENTS, WEBHOOK_TEST_EVENT]),
    status: z.enum(["pending", "delivered", "failed"]),
    attempts: z.number().int(),
    lastHttpStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    createdAt: instant(),
    lastAttemptAt: instant().nullable(),
    nextAttemptAt: instant().nullable().meta({ description: "When a pending delivery is tried next (1 min, 5 min, 30 min, 2 h, 12 h after each failure)." }),
    deliveredAt: instant().nullable(),
  })
  .meta({ id: "WebhookDelivery" });

const ENDPOINT_EXAMPLE = {
  id: "5b0c2f7e-3f1a-4c55-9d0e-8a1b2c3d4e5f",
  url: "https://hooks.example.com/shiftboard",
  events: ["import.completed", "trade.decided"] as ("import.completed" | "trade.decided")[],
  secretPrefix: "whsec_Zm9v",
  active: true,
  createdAt: "2026-11-28T13:40:00.000Z",
  createdBy: "admin@demo.local",
};

export const listWebhooksQuerySchema = z.strictObject({ ...pageQuery });

export const listWebhooks = defineOperation({
  path: "/api/v1/webhooks",
  method: "GET",
  tag: "Webhooks",
  summary: "Webhook endpoints",
  input: listWebhooksQuerySchema,
  inputExample: { limit: 100 },
  response: { description: "A page of endpoints in id order (admins).", schema: pageOf(webhookEndpointSchema), example: { items: [ENDPOINT_EXAMPLE], nextCursor: null } },
});

export const createWebhook = defineOperation({
  path: "/api/v1/webhooks",
  method: "POST",
  tag: "Webhooks",
  summary: "Register a webhook endpoint",
  description:
    "https only (http://127.0.0.1, localhost or [::1] outside production, or with WEBHOOKS_ALLOW_LOOPBACK=1); no credentials in the URL; no private or link-local IP literals. The answer carries the signing secret, shown this once; so `Idempotency-Key` is refused here (a replay would need the secret kept in clear). Deliveries are signed `Shiftboard-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<raw body>\">`.",
  input: createWebhookSchema,
  inputExample: { url: "https://hooks.example.com/shiftboard", events: ["import.completed", "trade.decided"] },
  accepts: JSON_BODY,
  // Not idempotent: replaying the answer would mean keeping the secret in clear for 24 h.
  response: {
    status: 201,
    description: "The endpoint and its signing secret (never shown again).",
    schema: z.object({ secret: z.string().meta({ description: "whsec_…: the HMAC key, as UTF-8." }), endpoint: webhookEndpointSchema }),
    example: { secret: "whsec_3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", endpoint: ENDPOINT_EXAMPLE },
  },
});

export const deleteWebhook = defineOperation({
  path: "/api/v1/webhooks/[id]",
  method: "DELETE",
  tag: "Webhooks",
  summary: "Delete a webhook endpoint and its delivery log",
  pathParams: { id: webhookIdParam },
  accepts: [...JSON_BODY, ""],
  response: { status: 204, description: "Deleted.", schema: undefined, example: "" },
});

export const listWebhookDeliveriesQuerySchema = z.strictObject({ ...pageQuery });

export const listWebhookDeliveries = defineOperation({
  path: "/api/v1/webhooks/[id]/deliveries",
  method: "GET",
  tag: "Webhooks",
  summary: "An endpoint's deliveries, newest first",
  pathParams: { id: webhookIdParam },
  input: listWebhookDeliveriesQuerySchema,
  inputExample: { limit: 50 },
  response: {
    description: "A page of deliveries: status, attempts, the last HTTP status and error, and when the next attempt is due.",
    schema: pageOf(webhookDeliverySchema),
    example: {
      items: [
        {
          id: "0f1e2d3c-4b5a-4697-8877-665544332211",
          eventType: "import.completed",
          status: "pending",
          attempts: 1,
          lastHttpStatus: 500,
          lastError: "The endpoint answered 500.",
          createdAt: "2026-11-28T13:41:00.000Z",
          lastAttemptAt: "2026-11-28T13:41:00.000Z",
          nextAttemptAt: "2026-11-28T13:42:00.000Z",
          deliveredAt: null,
        },
      ],
      nextCursor: null,
    },
  },
});
