import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "../../db/client";
import { insertWebhookDeliveries, subscribedWebhookEndpoints } from "../../db/queries/webhooks";
import type { WebhookDeliveredType, WebhookEventType } from "../../domain/webhooks";
import type { WebhookEventData } from "../../types/webhooks";
import { queueDeliveryJob } from "./queue";

/** The body every delivery carries: small, documented in lib/services/webhooks/README.md. */
export function webhookEnvelope(type: WebhookDeliveredType, data: Record<string, unknown>, at: Date, eventId = randomUUID()): Record<string, unknown> {
  return { id: eventId, type, createdAt: at.toISOString(), data };
}

/**
 * Queues one delivery (a row and a `webhook.deliver` job) per active endpoint subscribed to
 * the event. Call it with the transaction of the change it reports: if that rolls back, no
 * delivery exists and nothing is sent. Returns how many were queued; when any, the caller
 * calls `wakeWebhookWorker(db)` after the commit (the jobs are invisible before it).
 */
export async function emitWebhookEvent<T extends WebhookEventType>(tx: Db, type: T, data: WebhookEventData[T], at: Date): Promise<number> {
  const endpoints = await subscribedWebhookEndpoints(tx, type);
  if (endpoints.length === 0) return 0;
  const payload = webhookEnvelope(type, data as unknown as Record<string, unknown>, at);
  const deliveries = await insertWebhookDeliveries(
    tx,
    endpoints.map((e) => ({ endpointId: e.id, eventType: type, payload, nextAttemptAt: at, createdAt: at })),
  );
  for (const d of deliveries) await queueDeliveryJob(tx, d.id, null);
  return deliveries.length;
}
