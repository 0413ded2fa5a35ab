import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { formatSignatureHeader, parseSignatureHeader, signedText, SIGNATURE_TOLERANCE_SECONDS } from "../../domain/webhooks";

/**
 * The signing secret: `whsec_` and 32 random bytes in base64url. The HMAC key is the whole
 * string as UTF-8 (what the receiver copies from the page is exactly what it keys with).
 */
export const SECRET_PREFIX = "whsec_";
/** How much of the secret the list shows. */
const SHOWN = 10;

export function newSigningSecret(): { secret: string; prefix: string } {
  const secret = SECRET_PREFIX + randomBytes(32).toString("base64url");
  return { secret, prefix: secret.slice(0, SHOWN) };
}

/** Hex HMAC-SHA256 of "<t>.<body>" under the secret. */
export function computeSignature(secret: string, timestampSeconds: number, body: string): string {
  return createHmac("sha256", secret).update(signedText(timestampSeconds, body), "utf8").digest("hex");
}

/** The Shiftboard-Signature header for a body sent at `timestampSeconds`: "t=…,v1=…". */
export function signatureHeader(secret: string, timestampSeconds: number, body: string): string {
  return formatSignatureHeader(timestampSeconds, computeSignature(secret, timestampSeconds, body));
}

/**
 * What a receiver does (and what our tests do): true when one v1 signature matches the raw
 * body under the secret and the timestamp is within the tolerance of `nowSeconds`.
 */
export function verifySignature(header: string, body: string, secret: string, nowSeconds: number, toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS): boolean {
  const parsed = parseSignatureHeader(header);
  if (!parsed || Math.abs(nowSeconds - parsed.timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(computeSignature(secret, parsed.timestamp, body), "hex");
  return parsed.signatures.some((s) => timingSafeEqual(Buffer.from(s, "hex"), expected));
}
