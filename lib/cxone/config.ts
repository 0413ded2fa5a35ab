import "server-only";
/**
 * Client configuration: region presets or a custom base URL, OAuth credentials and the
 * transport's limits. Validated with zod; the caller passes values in (this module never
 * reads the environment).
 */
import { z } from "zod";

export const CXONE_REGIONS = {
  NA: "https://platform.niceincontact.com",
  EU: "https://platform.eu.niceincontact.com",
  JP: "https://platform.jp.niceincontact.com",
} as const;
export type CxoneRegion = keyof typeof CXONE_REGIONS;

export const CXONE_SCOPES = [
  "wfm:schedule:read",
  "wfm:schedule:write",
  "wfm:optimization:read",
  "wfm:optimization:write",
] as const;
export type CxoneScope = (typeof CXONE_SCOPES)[number];

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/** http:// only to loopback (the simulator): a client secret never crosses a network in clear. */
function isAcceptableBaseUrl(value: string): boolean {
  const u = new URL(value);
  if (u.protocol === "https:") return true;
  return u.protocol === "http:" && LOOPBACK_HOSTS.has(u.hostname);
}

/** How every profile's requests wait, retry and refresh: one set of settings, one meaning. */
export const transportSettings = {
  /** Per-request timeout (each try), ms. */
  timeoutMs: z.number().int().positive().default(30_000),
  /** Tries per request for 429 / 5xx / network failures (the first try counts). */
  maxAttempts: z.number().int().min(1).max(5).default(5),
  /** Full-jitter exponential backoff: random() × min(cap, base × 2^(retry−1)). */
  backoffBaseMs: z.number().int().nonnegative().default(1_000),
  backoffCapMs: z.number().int().positive().default(30_000),
  /** Added on top of Retry-After: random() × this. */
  retryAfterJitterMs: z.number().int().nonnegative().default(1_000),
  /** A Retry-After longer than this is not waited out: the request fails as rate limited. */
  maxRetryAfterMs: z.number().int().positive().default(120_000),
  /** Refresh a token this long before it expires. */
  tokenRefreshSkewMs: z.number().int().nonnegative().default(30_000),
};

/** The transport's limits out of a parsed connection config. */
export function transportLimitsOf(c: { timeoutMs: number; maxAttempts: number; backoffBaseMs: number; backoffCapMs: number; retryAfterJitterMs: number; maxRetryAfterMs: number }) {
  return {
    timeoutMs: c.timeoutMs,
    maxAttempts: c.maxAttempts,
    backoffBaseMs: c.backoffBaseMs,
    backoffCapMs: c.backoffCapMs,
    retryAfterJitterMs: c.retryAfterJitterMs,
    maxRetryAfterMs: c.maxRetryAfterMs,
  };
}

export const cxoneConfigSchema = z
  .object({
    region: z.enum(["NA", "EU", "JP"]).optional(),
    baseUrl: z
      .url({ error: "baseUrl must be an absolute URL" })
      .refine(isAcceptableBaseUrl, { error: "baseUrl must be https:// (http:// is allowed only for 127.0.0.1/localhost)" })
      .optional(),
    clientId: z.string().trim().min(1, { error: "clientId is required" }),
    clientSecret: z.string().min(1, { error: "clientSecret is required" }),
    scopes: z.array(z.enum(CXONE_SCOPES)).min(1).default([...CXONE_SCOPES]),
    ...transportSettings,
  })
  .refine((c) => (c.region === undefined) !== (c.baseUrl === undefined), {
    error: "give exactly one of region (NA, EU, JP) or baseUrl",
    path: ["baseUrl"],
  });

export type CxoneConfigInput = z.input<typeof cxoneConfigSchema>;
export type CxoneConfig = z.output<typeof cxoneConfigSchema> & { resolvedBaseUrl: string };

export function resolveBaseUrl(c: { region?: CxoneRegion; baseUrl?: string }): string {
  const raw = c.baseUrl ?? CXONE_REGIONS[c.region ?? "NA"];
  return raw.replace(/\/+$/, "");
}

/** The scope each endpoint needs (named in permission errors). */
export const ENDPOINT_SCOPES = {
  importShifts: "wfm:schedule:write",
  coverage: "wfm:schedule:read",
  runOptimization: "wfm:optimization:write",
  optimizationJob: "wfm:optimization:read",
} as const satisfies Record<string, CxoneScope>;

export const PATHS = {
  token: "/oauth/token",
  importShifts: "/api/v1/wfm/schedule/shifts/import",
  coverage: "/api/v1/wfm/schedule/coverage",
  runOptimization: "/api/v1/wfm/schedule/optimization/run",
  optimizationJob: (jobId: string) => `/api/v1/wfm/schedule/optimization/jobs/${encodeURIComponent(jobId)}`,
} as const;
