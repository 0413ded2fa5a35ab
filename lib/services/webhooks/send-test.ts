import "server-only";
import type { Db } from "../../db/client";
import { getWebhookEndpoint, insertWebhookDeliveries } from "../../db/queries/webhooks";
import { assertCan, type CurrentUser } from "../../auth/checks";
import { WEBHOOK_TEST_EVENT } from "../../domain/webhooks";
import { AppError } from "../../errors";
import { recordAudit } from "../audit";
import { deliverWebhook, type DeliveryOutcome } from "./deliver";
import { webhookEnvelope } from "./emit";
import { scheduleWebhookWake } from "./worker";

/**
 * Sends a `webhook.test` event to one endpoint now (admins) and answers how it went, so the
 * admin sees the receiver's answer at once. The first attempt is made here rather than by
 * the worker; a failure is retried with the usual backoff. Audited.
 */
export async function sendTestWebhook(db: Db, user: CurrentUser, endpointId: string, now: Date, requestId?: string): Promise<DeliveryOutcome> {
  assertCan(user, "webhooks.manage");
  const endpoint = await getWebhookEndpoint(db, endpointId);
  if (!endpoint) throw new AppError("NOT_FOUND", "No such webhook endpoint.");
  if (!endpoint.active) throw new AppError("CONFLICT", `The endpoint ${endpoint.url} is disabled; enable it before sending a test event.`);
  const payload = webhookEnvelope(WEBHOOK_TEST_EVENT, { endpointId, message: "A test event sent from Settings → Webhooks." }, now);
  const deliveryId = await db.transaction(async (tx) => {
    const [delivery] = await insertWebhookDeliveries(tx, [{ endpointId, eventType: WEBHOOK_TEST_EVENT, payload, nextAttemptAt: now, createdAt: now }]);
    await recordAudit(tx, { id: user.id, label: user.email }, { action: "webhook.tested", entityType: "webhook_endpoint", entityId: endpointId, details: { url: endpoint.url, deliveryId: delivery.id, eventType: WEBHOOK_TEST_EVENT } }, requestId);
    return delivery.id;
  });
  const outcome = await deliverWebhook(db, deliveryId, now);
  if (outcome.retryAt) await scheduleWebhookWake(db, now);
  return outcome;
}
