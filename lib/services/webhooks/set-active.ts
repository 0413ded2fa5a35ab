import "server-only";
import type { Db } from "../../db/client";
import { getWebhookEndpoint, setWebhookEndpointActive } from "../../db/queries/webhooks";
import { assertCan, type CurrentUser } from "../../auth/checks";
import { AppError } from "../../errors";
import { recordAudit } from "../audit";

/**
 * Disables or enables an endpoint (admins). A disabled endpoint gets no new deliveries; one
 * already queued fails with the reason when its attempt comes. Audited.
 */
export async function setWebhookActive(db: Db, user: CurrentUser, endpointId: string, active: boolean, requestId?: string): Promise<{ url: string; active: boolean }> {
  assertCan(user, "webhooks.manage");
  const endpoint = await getWebhookEndpoint(db, endpointId);
  if (!endpoint) throw new AppError("NOT_FOUND", "No such webhook endpoint.");
  await db.transaction(async (tx) => {
    if (!(await setWebhookEndpointActive(tx, endpointId, active))) throw new AppError("CONFLICT", `The endpoint ${endpoint.url} is already ${active ? "enabled" : "disabled"}.`);
    await recordAudit(tx, { id: user.id, label: user.email }, { action: active ? "webhook.enabled" : "webhook.disabled", entityType: "webhook_endpoint", entityId: endpointId, details: { url: endpoint.url } }, requestId);
  });
  return { url: endpoint.url, active };
}
