import "server-only";
import type { WebhookDeliveryRow, WebhookEndpointRow } from "../../db/queries/webhooks";
import type { WebhookEventType } from "../../domain/webhooks";
import type { WebhookDeliveryView, WebhookEndpointView } from "../../types/webhooks";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toDeliveryView(d: WebhookDeliveryRow): WebhookDeliveryView {
  return {
    id: d.id,
    eventType: d.eventType,
    status: d.status,
    attempts: d.attempts,
    lastHttpStatus: d.lastHttpStatus,
    lastError: d.lastError,
    createdAt: d.createdAt.toISOString(),
    lastAttemptAt: iso(d.lastAttemptAt),
    nextAttemptAt: d.status === "pending" ? iso(d.nextAttemptAt) : null,
    deliveredAt: iso(d.deliveredAt),
  };
}

export function toEndpointView(e: WebhookEndpointRow, createdBy: string | null, deliveries: WebhookDeliveryRow[]): WebhookEndpointView {
  return {
    id: e.id,
    url: e.url,
    events: e.events as WebhookEventType[],
    secretPrefix: e.secretPrefix,
    active: e.active,
    createdAt: e.createdAt.toISOString(),
    createdBy,
    deliveries: deliveries.map(toDeliveryView),
  };
}
