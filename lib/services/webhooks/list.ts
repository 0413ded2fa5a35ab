import "server-only";
import type { Db } from "../../db/client";
import { latestWebhookDeliveries, listWebhookEndpoints } from "../../db/queries/webhooks";
import { assertCan, type CurrentUser } from "../../auth/checks";
import type { WebhookEndpointView } from "../../types/webhooks";
import { toEndpointView } from "./view";

/** How many deliveries the log shows per endpoint. */
export const DELIVERY_LOG_SIZE = 50;

/** Every endpoint (oldest first) with its latest deliveries (newest first). Admins. */
export async function listWebhookEndpointViews(db: Db, user: CurrentUser): Promise<WebhookEndpointView[]> {
  assertCan(user, "webhooks.manage");
  const [endpoints, deliveries] = await Promise.all([listWebhookEndpoints(db), latestWebhookDeliveries(db, DELIVERY_LOG_SIZE)]);
  return endpoints.map((e) =>
    toEndpointView(
      e,
      e.createdByEmail,
      deliveries.filter((d) => d.endpointId === e.id),
    ),
  );
}
