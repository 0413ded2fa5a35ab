import "server-only";
import { createHash, randomBytes } from "node:crypto";

/**
 * The token format: `sb_` and 32 random bytes in base64url (43 characters). The prefix
 * makes a leaked token recognisable to secret scanners and people; 256 random bits make a
 * plain SHA-256 a safe thing to store (there is nothing to guess, so no slow hash needed,
 * and lookups stay one indexed equality).
 */
export const TOKEN_PREFIX = "sb_";
const TOKEN_PATTERN = /^sb_[A-Za-z0-9_-]{43}$/;
/** How much of the token the list shows. */
const SHOWN = 11;

export function newToken(): { token: string; hash: string; prefix: string } {
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token), prefix: token.slice(0, SHOWN) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A string that has the shape of one of our tokens (to refuse one sent in a URL). */
export function looksLikeToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}
