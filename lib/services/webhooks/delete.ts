import "server-only";
import type { Db } from "../../db/client";
import { deleteWebhookEndpoint, getWebhookEndpoint } from "../../db/queries/webhooks";
import { assertCan, type CurrentUser } from "../../auth/checks";
import { AppError } from "../../errors";
import { recordAudit } from "../audit";

/**
 * Deletes an endpoint and its delivery log (admins). Its queued attempts find no delivery
 * and end without sending. Audited (the audit log keeps the URL).
 */
export async function deleteWebhook(db: Db, user: CurrentUser, endpointId: string, requestId?: string): Promise<{ url: string }> {
  assertCan(user, "webhooks.manage");
  const endpoint = await getWebhookEndpoint(db, endpointId);
  if (!endpoint) throw new AppError("NOT_FOUND", "No such webhook endpoint.");
  await db.transaction(async (tx) => {
    if (!(await deleteWebhookEndpoint(tx, endpointId))) throw new AppError("NOT_FOUND", "No such webhook endpoint.");
    await recordAudit(tx, { id: user.id, label: user.email }, { action: "webhook.deleted", entityType: "webhook_endpoint", entityId: endpointId, details: { url: endpoint.url } }, requestId);
  });
  return { url: endpoint.url };
}
