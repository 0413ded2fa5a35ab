import "server-only";
import { createHash } from "node:crypto";
import type { Pool } from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";

/**
 * Sign-in throttling in front of the account lockout: failed attempts per account name
 * (known or not, so an unknown email answers exactly like a real one) and per source
 * address (so one address cannot walk through many accounts). On Postgres the counts
 * live in the database and hold across dashboard instances; the embedded database
 * serves one process, so process memory is enough there.
 *
 * An attempt is reserved before the password is checked (atomically, in the store) and
 * given back when it succeeds, so only failures count and parallel guesses cannot slip
 * past the limit.
 */
export const SIGN_IN_LIMITS = {
  perAccount: { points: 10, durationSeconds: 15 * 60 },
  perAddress: { points: 50, durationSeconds: 15 * 60 },
} as const;

export interface SignInThrottle {
  /** False when the account name or the address has used up its attempts. */
  reserve(email: string, address: string | null): Promise<boolean>;
  succeeded(email: string, address: string | null): Promise<void>;
  /** An admin unlocked the account: its count starts again. */
  forgive(email: string): Promise<void>;
}

// Hashes, not emails or addresses, are what the store keeps.
const keyOf = (kind: string, value: string) => `${kind}:${createHash("sha256").update(value.trim().toLowerCase()).digest("hex").slice(0, 40)}`;

export function createSignInThrottle(pool?: Pool): SignInThrottle {
  const make = (keyPrefix: string, points: number, duration: number): RateLimiterAbstract =>
    pool
      ? new RateLimiterPostgres({ storeClient: pool, storeType: "pool", tableName: "sign_in_throttle", tableCreated: true, keyPrefix, points, duration })
      : new RateLimiterMemory({ keyPrefix, points, duration });
  const account = make("acct", SIGN_IN_LIMITS.perAccount.points, SIGN_IN_LIMITS.perAccount.durationSeconds);
  const address = make("addr", SIGN_IN_LIMITS.perAddress.points, SIGN_IN_LIMITS.perAddress.durationSeconds);

  return {
    async reserve(email, addr) {
      const tries = [account.consume(keyOf("a", email))];
      if (addr) tries.push(address.consume(keyOf("ip", addr)));
      const results = await Promise.allSettled(tries);
      for (const r of results) {
        if (r.status === "rejected" && !(r.reason instanceof RateLimiterRes)) throw r.reason;
      }
      return results.every((r) => r.status === "fulfilled");
    },
    async succeeded(email, addr) {
      await account.delete(keyOf("a", email));
      if (addr) await address.reward(keyOf("ip", addr), 1);
    },
    async forgive(email) {
      await account.delete(keyOf("a", email));
    },
  };
}

/**
 * The client's address as the nearest proxy reports it: the last X-Forwarded-For entry
 * (a proxy appends the peer it saw; earlier entries are the client's to write). Without
 * a proxy, Next fills the header from the socket.
 */
export function clientAddress(headers: Headers | Record<string, string | string[] | undefined> | undefined): string | null {
  if (!headers) return null;
  const raw = headers instanceof Headers ? headers.get("x-forwarded-for") : headers["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  const last = value?.split(",").map((s) => s.trim()).filter(Boolean).pop();
  return last ?? null;
}
