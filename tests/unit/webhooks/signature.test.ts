/**
 * The Shiftboard-Signature scheme (Stripe's): t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<raw body>">. The expected hex below was computed outside this code base
 * (`openssl dgst -sha256 -hmac whsec_test_secret`), and again here with node:crypto.
 */
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseSignatureHeader, signedText, SIGNATURE_TOLERANCE_SECONDS } from "@/lib/domain/webhooks";
import { computeSignature, newSigningSecret, signatureHeader, verifySignature } from "@/lib/services/webhooks/signature";

const SECRET = "whsec_test_secret";
const T = 1_732_800_000;
const BODY = '{"id":"evt_1","type":"webhook.test"}';
const KNOWN = "b18e55a25c89798a655740b6ccc5e0c23046839b25629676fc0bfccaaf81dcd7";

describe("webhook signature", () => {
  it("matches a known vector, computed independently", () => {
    const independent = createHmac("sha256", SECRET).update(`${T}.${BODY}`).digest("hex");
    expect(independent).toBe(KNOWN);
    expect(signedText(T, BODY)).toBe(`${T}.${BODY}`);
    expect(computeSignature(SECRET, T, BODY)).toBe(KNOWN);
    expect(signatureHeader(SECRET, T, BODY)).toBe(`t=${T},v1=${KNOWN}`);
  });

  it("verifies its own header, within the tolerance only", () => {
    const header = signatureHeader(SECRET, T, BODY);
    expect(verifySignature(header, BODY, SECRET, T)).toBe(true);
    expect(verifySignature(header, BODY, SECRET, T + SIGNATURE_TOLERANCE_SECONDS)).toBe(true);
    expect(verifySignature(header, BODY, SECRET, T + SIGNATURE_TOLERANCE_SECONDS + 1)).toBe(false);
    expect(verifySignature(header, BODY, SECRET, T - SIGNATURE_TOLERANCE_SECONDS - 1)).toBe(false);
  });

  it("refuses another body, another secret, another timestamp, or a damaged header", () => {
    const header = signatureHeader(SECRET, T, BODY);
    expect(verifySignature(header, BODY.replace("evt_1", "evt_2"), SECRET, T)).toBe(false);
    expect(verifySignature(header, BODY, "whsec_other", T)).toBe(false);
    expect(verifySignature(header.replace(`t=${T}`, `t=${T + 1}`), BODY, SECRET, T)).toBe(false);
    expect(verifySignature(`t=${T}`, BODY, SECRET, T)).toBe(false);
    expect(verifySignature(`v1=${KNOWN}`, BODY, SECRET, T)).toBe(false);
    expect(verifySignature("", BODY, SECRET, T)).toBe(false);
  });

  it("accepts any one of several v1 signatures (a secret being rotated)", () => {
    const header = `t=${T},v1=${"0".repeat(64)},v1=${KNOWN}`;
    expect(parseSignatureHeader(header)).toEqual({ timestamp: T, signatures: ["0".repeat(64), KNOWN] });
    expect(verifySignature(header, BODY, SECRET, T)).toBe(true);
  });

  it("mints a secret with a recognisable prefix and 256 random bits", () => {
    const a = newSigningSecret();
    const b = newSigningSecret();
    expect(a.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(a.secret.startsWith(a.prefix)).toBe(true);
    expect(a.secret).not.toBe(b.secret);
  });
});
