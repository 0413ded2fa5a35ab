/**
 * The pure rules of outgoing webhooks: which events exist, when a failed delivery is tried
 * again, which URLs an admin may register, and the text a signature covers. Signing itself
 * (HMAC, node:crypto) lives in lib/services/webhooks/signature.ts.
 */

/** The events an endpoint may subscribe to. */
export const WEBHOOK_EVENTS = ["import.completed", "trade.decided", "optimization.completed", "bid.awarded"] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];
/** Sent only by "Send test event", to the one endpoint asked, whatever it subscribes to. */
export const WEBHOOK_TEST_EVENT = "webhook.test";
export type WebhookDeliveredType = WebhookEventType | typeof WEBHOOK_TEST_EVENT;

/**
 * Seconds to wait before each retry: 1 min, 5 min, 30 min, 2 h, 12 h. A delivery is tried
 * at most RETRY_DELAYS_SECONDS.length + 1 times, then it is failed (an admin may redeliver).
 */
export const RETRY_DELAYS_SECONDS = [60, 300, 1800, 7200, 43_200] as const;
export const MAX_DELIVERY_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;

/**
 * When to try again after `attemptsMade` failed attempts (1 = the first failed), or null
 * when the delivery has used all its attempts.
 * nextAttemptAt(1, t0) → t0 + 60 s; nextAttemptAt(6, t0) → null
 */
export function nextAttemptAt(attemptsMade: number, failedAt: number): number | null {
  const delay = RETRY_DELAYS_SECONDS[attemptsMade - 1];
  return delay === undefined ? null : failedAt + delay * 1000;
}

/** Seconds a receiver should accept between our timestamp and its clock (as Stripe's libraries do). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** The exact text the HMAC covers: "<unix seconds>.<raw body>". */
export function signedText(timestampSeconds: number, body: string): string {
  return `${timestampSeconds}.${body}`;
}

/** "t=1732800000,v1=<hex>" */
export function formatSignatureHeader(timestampSeconds: number, hexSignature: string): string {
  return `t=${timestampSeconds},v1=${hexSignature}`;
}

/**
 * Reads a Shiftboard-Signature header: the timestamp and every v1 signature (more than one
 * while a secret is being rotated). Null when it has no timestamp or no v1.
 */
export function parseSignatureHeader(header: string): { timestamp: number; signatures: string[] } | null {
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === "t" && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === "v1" && /^[0-9a-f]{64}$/i.test(value)) signatures.push(value.toLowerCase());
  }
  return timestamp === null || signatures.length === 0 ? null : { timestamp, signatures };
}

export interface UrlRuleOptions {
  /** http:// and loopback hosts allowed (development, or WEBHOOKS_ALLOW_LOOPBACK=1). */
  allowLoopback: boolean;
}

export type UrlVerdict = { ok: true; url: string } | { ok: false; field: "url"; message: string };

const LOOPBACK_NAMES = new Set(["localhost", "localhost.", "127.0.0.1", "[::1]"]);

function ipv4Parts(host: string): number[] | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts : null;
}

/** 127.0.0.0/8 and ::1 (and IPv4-mapped loopback). */
function isLoopback(host: string): boolean {
  if (LOOPBACK_NAMES.has(host)) return true;
  const v4 = ipv4Parts(host) ?? mappedIpv4(host);
  return v4 !== null && v4[0] === 127;
}

/** "[::ffff:10.0.0.1]" / "[::ffff:a00:1]" → [10, 0, 0, 1] */
function mappedIpv4(host: string): number[] | null {
  const m = /^\[::ffff:(.+)\]$/i.exec(host);
  if (!m) return null;
  const dotted = ipv4Parts(m[1]);
  if (dotted) return dotted;
  const hex = /^([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(m[1]);
  if (!hex) return null;
  const hi = parseInt(hex[1], 16);
  const lo = parseInt(hex[2], 16);
  return [hi >> 8, hi & 255, lo >> 8, lo & 255];
}

/** Private, link-local, shared (CGNAT), "this network" and unspecified addresses. */
function isPrivateIpLiteral(host: string): boolean {
  const v4 = ipv4Parts(host) ?? mappedIpv4(host);
  if (v4) {
    const [a, b] = v4;
    return a === 0 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
  }
  if (!host.startsWith("[")) return false;
  const v6 = host.slice(1, -1).toLowerCase();
  // fc00::/7 unique local, fe80::/10 link-local, :: unspecified.
  return v6 === "::" || /^f[cd][0-9a-f]{0,2}:/.test(v6) || /^fe[89ab][0-9a-f]?:/.test(v6);
}

/**
 * May an admin register this URL? https only; http and loopback hosts only when
 * `allowLoopback`; never credentials in the URL; never a private or link-local address
 * written as an IP literal (a host name is not resolved here: see the services README).
 * checkWebhookUrl("http://10.0.0.5/hook", { allowLoopback: true }) → { ok: false, … }
 */
export function checkWebhookUrl(raw: string, options: UrlRuleOptions): UrlVerdict {
  const refuse = (message: string): UrlVerdict => ({ ok: false, field: "url", message });
  const text = raw.trim();
  if (text.length > 2048) return refuse("url: keep the URL under 2,048 characters.");
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return refuse(`url: "${text.slice(0, 100)}" is not a URL (write it as https://host/path).`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return refuse(`url: ${url.protocol.replace(/:$/, "")} is not allowed; use https://.`);
  if (url.username || url.password) return refuse("url: a URL with a user name or password is refused; authenticate the receiver with the signature instead.");
  if (url.hash) return refuse("url: a URL with a #fragment is refused (it never reaches the receiver).");
  const host = url.hostname.toLowerCase();
  const loopback = isLoopback(host);
  if (loopback && !options.allowLoopback) return refuse(`url: ${host} is this server itself; loopback endpoints are allowed only in development (or with WEBHOOKS_ALLOW_LOOPBACK=1).`);
  if (url.protocol === "http:" && !loopback) return refuse("url: use https://; plain http:// is allowed only for 127.0.0.1, localhost or [::1] in development.");
  if (!loopback && isPrivateIpLiteral(host)) return refuse(`url: ${host} is a private or link-local address; register a public https endpoint.`);
  return { ok: true, url: url.toString() };
}
