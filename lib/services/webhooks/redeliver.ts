import "server-only";
import type { Db } from "../../db/client";
import { getWebhookDelivery, reopenWebhookDelivery } from "../../db/queries/webhooks";
import { assertCan, type CurrentUser } from "../../auth/checks";
import { AppError } from "../../errors";
import { recordAudit } from "../audit";
import { deliverWebhook, type DeliveryOutcome } from "./deliver";
import { scheduleWebhookWake } from "./worker";

/**
 * Tries a failed delivery once more, now (admins): the same body, signed afresh. Its
 * attempts keep counting, so a delivery that used its retries is not retried again on its
 * own after this attempt. Audited.
 */
export async function redeliverWebhook(db: Db, user: CurrentUser, deliveryId: string, now: Date, requestId?: string): Promise<DeliveryOutcome> {
  assertCan(user, "webhooks.manage");
  const found = await getWebhookDelivery(db, deliveryId);
  if (!found) throw new AppError("NOT_FOUND", "No such webhook delivery.");
  if (!found.endpoint.active) throw new AppError("CONFLICT", `The endpoint ${found.endpoint.url} is disabled; enable it before redelivering.`);
  await db.transaction(async (tx) => {
    if (!(await reopenWebhookDelivery(tx, deliveryId, now))) throw new AppError("CONFLICT", `This delivery is ${found.delivery.status}; only a failed delivery can be redelivered.`);
    await recordAudit(
      tx,
      { id: user.id, label: user.email },
      { action: "webhook.redelivered", entityType: "webhook_endpoint", entityId: found.endpoint.id, details: { url: found.endpoint.url, deliveryId, eventType: found.delivery.eventType } },
      requestId,
    );
  });
  const outcome = await deliverWebhook(db, deliveryId, now);
  if (outcome.retryAt) await scheduleWebhookWake(db, now);
  return outcome;
}
