import "server-only";
import type { Db } from "../../db/client";
import { getWebhookEndpoint, pageWebhookDeliveries } from "../../db/queries/webhooks";
import { assertCan, type CurrentUser } from "../../auth/checks";
import { AppError } from "../../errors";
import type { WebhookDeliveryView } from "../../types/webhooks";
import { toDeliveryView } from "./view";

/**
 * A page of one endpoint's deliveries, newest first (admins; the API's delivery log).
 * The page key is "<createdAt ISO>|<id>"; null when no page follows.
 */
export async function listWebhookDeliveries(db: Db, user: CurrentUser, endpointId: string, after: string | null, limit: number): Promise<{ items: WebhookDeliveryView[]; lastKey: string | null }> {
  assertCan(user, "webhooks.manage");
  if (!(await getWebhookEndpoint(db, endpointId))) throw new AppError("NOT_FOUND", "No such webhook endpoint.");
  let key: { createdAt: Date; id: string } | null = null;
  if (after !== null) {
    const [at, id] = after.split("|");
    const createdAt = new Date(at);
    if (!id || Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/i.test(id)) throw new AppError("VALIDATION", "cursor: not a cursor this API issued.", { field: "cursor" });
    key = { createdAt, id };
  }
  const rows = await pageWebhookDeliveries(db, endpointId, key, limit);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items: items.map(toDeliveryView), lastKey: rows.length > limit && last ? `${last.createdAt.toISOString()}|${last.id}` : null };
}
