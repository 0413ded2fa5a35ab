import "server-only";
import type { Pool } from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { getOpenedDb } from "../db/client";
import { env } from "../env";
import { AppError } from "../errors";

/**
 * Per-token request limits: `API_RATE_LIMIT_PER_MINUTE` (600 by default) in a fixed
 * one-minute window per token. On Postgres the counts live in the database
 * (`api_rate_limit`), so the limit holds across dashboard instances; the embedded
 * database serves one process, so process memory is enough there. Keys are token ids.
 */
export interface ApiRateLimiter {
  /** Counts one request; throws RATE_LIMITED (429, with Retry-After) past the limit. */
  consume(tokenId: string): Promise<{ remaining: number; limit: number }>;
}

export function createApiRateLimiter(options: { pool?: Pool; points: number; durationSeconds?: number }): ApiRateLimiter {
  const duration = options.durationSeconds ?? 60;
  const limiter: RateLimiterAbstract = options.pool
    ? new RateLimiterPostgres({ storeClient: options.pool, storeType: "pool", tableName: "api_rate_limit", tableCreated: true, keyPrefix: "tok", points: options.points, duration })
    : new RateLimiterMemory({ keyPrefix: "tok", points: options.points, duration });
  return {
    async consume(tokenId) {
      try {
        const res = await limiter.consume(tokenId);
        return { remaining: res.remainingPoints, limit: options.points };
      } catch (e) {
        if (!(e instanceof RateLimiterRes)) throw e;
        const retryAfterSeconds = Math.max(1, Math.ceil(e.msBeforeNext / 1000));
        throw new AppError("RATE_LIMITED", `This token made more than ${options.points} requests in a minute; retry in ${retryAfterSeconds} s.`, { retryAfterSeconds });
      }
    },
  };
}

const globalForLimiter = globalThis as unknown as { __shiftboardApiRateLimiter?: Promise<ApiRateLimiter> };

export function apiRateLimiter(): Promise<ApiRateLimiter> {
  globalForLimiter.__shiftboardApiRateLimiter ??= getOpenedDb().then((o) => createApiRateLimiter({ pool: o.pool, points: env().API_RATE_LIMIT_PER_MINUTE }));
  return globalForLimiter.__shiftboardApiRateLimiter;
}
