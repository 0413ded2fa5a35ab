import "server-only";
import { decryptSecret } from "../../cxone/secret-box";
import type { Db } from "../../db/client";
import { getWebhookDelivery, recordWebhookAttempt } from "../../db/queries/webhooks";
import { MAX_DELIVERY_ATTEMPTS, nextAttemptAt } from "../../domain/webhooks";
import { env } from "../../env";
import { queueDeliveryJob } from "./queue";
import { signatureHeader } from "./signature";

/** A receiver that has not answered within this long has failed the attempt. */
export const DELIVERY_TIMEOUT_MS = 10_000;
/** How much of a refusing receiver's answer the log keeps. */
const ERROR_BODY_CHARS = 200;

export interface DeliveryOutcome {
  deliveryId: string;
  /** "skipped": the delivery was not pending any more (already delivered, or its endpoint deleted). */
  status: "delivered" | "pending" | "failed" | "skipped";
  attempt: number;
  httpStatus: number | null;
  error: string | null;
  /** ISO 8601, when a retry was scheduled. */
  retryAt: string | null;
}

/** The secret's ciphertext is bound to its endpoint: a copy moved to another row does not decrypt. */
export const secretAssociatedData = (endpointId: string) => `webhook_endpoint:${endpointId}`;

async function answerSnippet(res: Response): Promise<string> {
  try {
    const reader = res.body?.getReader();
    if (!reader) return "";
    let text = "";
    const decoder = new TextDecoder();
    while (text.length < ERROR_BODY_CHARS) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    await reader.cancel().catch(() => undefined);
    return text.replace(/\s+/g, " ").trim().slice(0, ERROR_BODY_CHARS);
  } catch {
    return "";
  }
}

async function post(url: string, headers: Record<string, string>, body: string): Promise<{ httpStatus: number | null; error: string | null }> {
  try {
    // Redirects are never followed: a 3xx is a failed attempt (the registered URL is the one we send to).
    const res = await fetch(url, { method: "POST", headers, body, redirect: "manual", signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS) });
    if (res.status >= 200 && res.status < 300) {
      await res.body?.cancel().catch(() => undefined);
      return { httpStatus: res.status, error: null };
    }
    if (res.status >= 300 && res.status < 400) {
      await res.body?.cancel().catch(() => undefined);
      return { httpStatus: res.status, error: `The endpoint answered ${res.status} (a redirect${res.headers.get("location") ? ` to ${res.headers.get("location")!.slice(0, 200)}` : ""}); redirects are not followed: register the final URL.` };
    }
    const snippet = await answerSnippet(res);
    return { httpStatus: res.status, error: `The endpoint answered ${res.status}${snippet ? `: ${snippet}` : "."}` };
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string } };
    if (err.name === "TimeoutError" || err.name === "AbortError") return { httpStatus: null, error: `No answer within ${DELIVERY_TIMEOUT_MS / 1000} s.` };
    return { httpStatus: null, error: `Could not reach the endpoint: ${err.cause?.code ?? err.cause?.message ?? err.message}.` };
  }
}

/**
 * One attempt of one delivery, at `now` (the signature's timestamp and the base of the
 * backoff). A 2xx marks it delivered; anything else records the answer and either queues
 * the next attempt (a job with run_after = the backoff) or, after the last, fails it.
 * The outcome and the next job are written in one transaction.
 */
export async function deliverWebhook(db: Db, deliveryId: string, now: Date): Promise<DeliveryOutcome> {
  const found = await getWebhookDelivery(db, deliveryId);
  if (!found || found.delivery.status !== "pending") {
    return { deliveryId, status: "skipped", attempt: found?.delivery.attempts ?? 0, httpStatus: null, error: null, retryAt: null };
  }
  const { delivery, endpoint } = found;
  const attempt = delivery.attempts + 1;
  let result: { httpStatus: number | null; error: string | null };
  if (!endpoint.active) {
    result = { httpStatus: null, error: "The endpoint is disabled; nothing was sent. Enable it and redeliver." };
  } else {
    let secret: string | null = null;
    try {
      secret = decryptSecret(endpoint.secretEncrypted, env().CXONE_SECRET_KEY, secretAssociatedData(endpoint.id));
    } catch {
      result = { httpStatus: null, error: "The signing secret could not be decrypted (CXONE_SECRET_KEY changed?); nothing was sent." };
    }
    if (secret !== null) {
      const body = JSON.stringify(delivery.payload);
      const t = Math.floor(now.getTime() / 1000);
      result = await post(
        endpoint.url,
        {
          "content-type": "application/json",
          "user-agent": "Shiftboard-Webhooks/1",
          "shiftboard-event": delivery.eventType,
          "shiftboard-delivery": delivery.id,
          "shiftboard-signature": signatureHeader(secret, t, body),
        },
        body,
      );
    }
  }
  const { httpStatus, error } = result!;
  const delivered = error === null;
  // A disabled endpoint gets no retries: the admin turned it off on purpose.
  const retryAt = delivered || !endpoint.active ? null : nextAttemptAt(attempt, now.getTime());
  const status = delivered ? "delivered" : retryAt !== null ? "pending" : "failed";
  await db.transaction(async (tx) => {
    const recorded = await recordWebhookAttempt(tx, delivery.id, { status, httpStatus, error, at: now, nextAttemptAt: retryAt === null ? null : new Date(retryAt) });
    if (recorded && retryAt !== null) await queueDeliveryJob(tx, delivery.id, new Date(retryAt));
  });
  return {
    deliveryId,
    status,
    attempt,
    httpStatus,
    error: status === "failed" && endpoint.active ? `${error} Gave up after ${MAX_DELIVERY_ATTEMPTS} attempts.` : error,
    retryAt: retryAt === null ? null : new Date(retryAt).toISOString(),
  };
}
