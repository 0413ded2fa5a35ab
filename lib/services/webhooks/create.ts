import "server-only";
import { randomUUID } from "node:crypto";
import { encryptSecret } from "../../cxone/secret-box";
import type { Db } from "../../db/client";
import { insertWebhookEndpoint } from "../../db/queries/webhooks";
import { assertCan, type CurrentUser } from "../../auth/checks";
import { checkWebhookUrl } from "../../domain/webhooks";
import { env } from "../../env";
import { AppError } from "../../errors";
import { createWebhookSchema, type CreateWebhookInput } from "../../schemas/webhooks";
import type { CreatedWebhookEndpoint } from "../../types/webhooks";
import { recordAudit } from "../audit";
import { secretAssociatedData } from "./deliver";
import { newSigningSecret } from "./signature";
import { toEndpointView } from "./view";

/** Loopback endpoints (and plain http to them) are for development, or when the operator says so. */
export function loopbackAllowed(): boolean {
  const e = env();
  return e.NODE_ENV !== "production" || e.WEBHOOKS_ALLOW_LOOPBACK === "1";
}

/**
 * Registers an endpoint (admins) and returns its signing secret once; the secret is stored
 * encrypted (AES-256-GCM, bound to the endpoint's id). Audited, without the secret.
 */
export async function createWebhookEndpoint(db: Db, user: CurrentUser, input: CreateWebhookInput, now: Date, requestId?: string): Promise<CreatedWebhookEndpoint> {
  assertCan(user, "webhooks.manage");
  const parsed = createWebhookSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    throw new AppError("VALIDATION", issues.map((i) => i.message).join("; "), { issues, field: issues[0]?.path });
  }
  const verdict = checkWebhookUrl(parsed.data.url, { allowLoopback: loopbackAllowed() });
  if (!verdict.ok) throw new AppError("VALIDATION", verdict.message, { field: verdict.field });
  const events = [...new Set(parsed.data.events)].sort();
  const id = randomUUID();
  const { secret, prefix } = newSigningSecret();
  const row = await db.transaction(async (tx) => {
    const inserted = await insertWebhookEndpoint(tx, {
      id,
      url: verdict.url,
      events,
      secretEncrypted: encryptSecret(secret, env().CXONE_SECRET_KEY, secretAssociatedData(id)),
      secretPrefix: prefix,
      createdBy: user.id,
      createdAt: now,
    });
    await recordAudit(tx, { id: user.id, label: user.email }, { action: "webhook.created", entityType: "webhook_endpoint", entityId: id, details: { url: verdict.url, events, secretPrefix: prefix } }, requestId);
    return inserted;
  });
  return { secret, view: toEndpointView(row, user.email, []) };
}
