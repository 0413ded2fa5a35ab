/**
 * The session cookie's JWE, as next-auth 4 writes it (`next-auth/jwt`: dir + A256GCM under a key
 * derived from the secret by HKDF-SHA256), with the derived key kept instead of derived again.
 * next-auth derives it on every encode and decode, and reading a session does both (it decrypts
 * the cookie and writes it back refreshed): two key derivations per request, ~1.5 ms of server
 * time per page view under load. Same format, so cookies from either codec read with the other.
 */
import { hkdfSync, randomUUID } from "node:crypto";
import { EncryptJWT, jwtDecrypt, type JWTPayload } from "jose";
import type { JWTDecodeParams, JWTEncodeParams, JWT } from "next-auth/jwt";
import { env } from "../env";

const DEFAULT_MAX_AGE = 30 * 24 * 60 * 60;
const keys = new Map<string, Uint8Array>();

function derivedKey(secret: string | Buffer, salt: string): Uint8Array {
  const id = `${typeof secret === "string" ? secret : secret.toString("base64")}\u0000${salt}`;
  let key = keys.get(id);
  if (!key) {
    // The info string and the empty salt are next-auth's (getDerivedEncryptionKey).
    key = new Uint8Array(hkdfSync("sha256", secret, salt, `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`, 32));
    // Secrets are few (one per deployment, a rotated one now and then): a small bound is enough.
    if (keys.size >= 8) keys.clear();
    keys.set(id, key);
  }
  return key;
}

export async function encodeSessionToken({ token = {}, secret, maxAge = DEFAULT_MAX_AGE, salt = "" }: JWTEncodeParams): Promise<string> {
  const now = (Date.now() / 1000) | 0;
  return new EncryptJWT(token as JWTPayload).setProtectedHeader({ alg: "dir", enc: "A256GCM" }).setIssuedAt().setExpirationTime(now + maxAge).setJti(randomUUID()).encrypt(derivedKey(secret, salt));
}

export async function decodeSessionToken({ token, secret, salt = "" }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, derivedKey(secret, salt), { clockTolerance: 15 });
  return payload as JWT;
}

/**
 * The session cookie's value among a request's cookies, as next-auth finds it: the
 * `__Secure-` name when the site is served over https (`secure`), a cookie over 4 KB split
 * into name.0, name.1, ... and joined in order. Null without one.
 */
export function sessionCookieValue(all: ReadonlyArray<{ name: string; value: string }>, secure: boolean): string | null {
  const name = secure ? "__Secure-next-auth.session-token" : "next-auth.session-token";
  const parts = all.filter((c) => c.name.startsWith(name)).sort((a, b) => chunkIndex(a.name) - chunkIndex(b.name));
  return parts.length === 0 ? null : parts.map((c) => c.value).join("");
}

function chunkIndex(cookieName: string): number {
  return Number.parseInt(cookieName.split(".").pop() ?? "", 10) || 0;
}

/*
 * Decrypted cookies, by their exact value: every page view and cookie-authenticated API
 * call of a session carries the same cookie (the server render cannot refresh it), and
 * decrypting it is a key schedule and an AES-GCM pass each time. A value is only ever
 * cached after it decrypted and verified under the secret; its expiry is checked again on
 * every read. Bounded: the oldest entries go first.
 */
const CLOCK_TOLERANCE_S = 15;
const READ_CACHE_MAX = 2_000;
const readCache = new Map<string, { secret: string; token: JWT }>();

/**
 * This site's session token among a request's cookies, or null: the cookie named as
 * next-auth names it here (secure when NEXTAUTH_URL is https, as next-auth decides),
 * decrypted through the cache below. The one way the proxy and `getCurrentUser` read it.
 */
export async function sessionFromCookies(all: ReadonlyArray<{ name: string; value: string }>): Promise<JWT | null> {
  const { NEXTAUTH_URL, NEXTAUTH_SECRET } = env();
  const value = sessionCookieValue(all, NEXTAUTH_URL?.startsWith("https://") ?? false);
  return value === null ? null : readSessionCookie(value, NEXTAUTH_SECRET);
}

/** The session token in a cookie value, or null when it does not decrypt or has expired. */
export async function readSessionCookie(value: string, secret: string): Promise<JWT | null> {
  const hit = readCache.get(value);
  let token = hit?.secret === secret ? hit.token : undefined;
  if (!token) {
    try {
      token = (await decodeSessionToken({ token: value, secret })) ?? undefined;
    } catch {
      return null;
    }
    if (!token) return null;
    if (readCache.size >= READ_CACHE_MAX) readCache.delete(readCache.keys().next().value as string);
    readCache.set(value, { secret, token });
  }
  if (typeof token.exp === "number" && token.exp + CLOCK_TOLERANCE_S < Date.now() / 1000) {
    readCache.delete(value);
    return null;
  }
  return token;
}
