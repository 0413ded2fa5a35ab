import type { WebhookDeliveredType, WebhookEventType } from "../domain/webhooks";

/**
 * The `data` of each event (the body is `{ id, type, createdAt, data }`). Ids and counts
 * only, instants as ISO 8601 with offset; never a secret, never a person's details.
 */
export interface WebhookEventData {
  "import.completed": { importId: string; kind: "shifts" | "demand"; totalRows: number; importedRows: number; replacedRows: number; skippedRows: number };
  "trade.decided": { tradeId: string; kind: "swap" | "oneSided"; status: "Approved" | "Denied"; decidedBy: "system" | "supervisor"; siteId: string | null; decidedAt: string };
  "optimization.completed": { jobId: string; status: "completed" | "canceled"; proposals: number; completedAt: string };
  "bid.awarded": { jobId: string; periodStart: string; periodEnd: string; scopeIds: string[]; awards: number; bidders: number };
}

export type WebhookEventDataOf<T extends WebhookEventType> = WebhookEventData[T];

/** One delivery as the log shows it. Instants are ISO 8601 (UTC). */
export interface WebhookDeliveryView {
  id: string;
  eventType: WebhookDeliveredType | string;
  status: "pending" | "delivered" | "failed";
  attempts: number;
  lastHttpStatus: number | null;
  lastError: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
}

/** An endpoint as Settings lists it: never the secret, only its first characters. */
export interface WebhookEndpointView {
  id: string;
  url: string;
  events: WebhookEventType[];
  secretPrefix: string;
  active: boolean;
  createdAt: string;
  createdBy: string | null;
  /** The latest deliveries (at most 50), newest first. */
  deliveries: WebhookDeliveryView[];
}

/** What registering answers: the signing secret, shown this once. */
export interface CreatedWebhookEndpoint {
  secret: string;
  view: WebhookEndpointView;
}
