import "server-only";
import { hkdfSync } from "node:crypto";
import { z } from "zod";

/**
 * The environment, parsed once. This is the only module that reads process.env
 * (scripts outside Next read it through here too), so a missing secret in
 * production fails at start-up with one clear message instead of at first use.
 */
const DEV_SECRET = "shiftboard-dev-secret-not-for-production-0123456789";
/** Published in this repository too: development and test data only. */
const DEV_CXONE_KEY = Buffer.alloc(32, 7).toString("base64");

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, { error: "DATABASE_URL must be a postgres:// URL" })
      .optional(),
    PGLITE_DATA_DIR: z.string().default(".data/pglite"),
    NEXTAUTH_SECRET: z.string().min(32, { error: "NEXTAUTH_SECRET must be at least 32 characters" }).optional(),
    NEXTAUTH_URL: z.url().optional(),
    WFM_BACKEND: z.enum(["local", "cxone"]).default("local"),
    /** base64 of 32 bytes: encrypts the stored CXone client secret (AES-256-GCM). */
    CXONE_SECRET_KEY: z
      .string()
      .refine((v) => Buffer.from(v, "base64").length === 32, { error: "CXONE_SECRET_KEY must be base64 of 32 bytes" })
      .optional(),
    /** Optional CXone connection from the environment; the one saved in Settings wins. */
    CXONE_BASE_URL: z.url({ error: "CXONE_BASE_URL must be a URL" }).optional(),
    CXONE_REGION: z.enum(["NA", "EU", "JP"]).optional(),
    CXONE_CLIENT_ID: z.string().min(1).optional(),
    CXONE_CLIENT_SECRET: z.string().min(1).optional(),
    /** Requests one API token may make per minute (429 with Retry-After beyond). */
    API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
    /** Platform profile: the API host made from discovery's area and domain (default https://api-{area}.{domain}). */
    CXONE_API_HOST_TEMPLATE: z.string().includes("{area}", { error: "CXONE_API_HOST_TEMPLATE must contain {area}" }).optional(),
    /**
     * Seconds a running job stays its worker's without a renewal; past that the worker is
     * presumed dead (killed, crashed, its machine gone) and another may take the job over.
     * Keep it well above the longest time a worker's event loop is busy (the exact optimizer
     * builds its model in 10 ms slices; its longest unsliced piece is under a second).
     */
    JOB_LEASE_SECONDS: z.coerce.number({ error: "JOB_LEASE_SECONDS must be a whole number of seconds" }).int({ error: "JOB_LEASE_SECONDS must be a whole number of seconds" }).min(2).max(86_400).default(300),
    /** How often a worker renews the lease of the job it runs. */
    JOB_HEARTBEAT_SECONDS: z.coerce.number({ error: "JOB_HEARTBEAT_SECONDS must be a whole number of seconds" }).int({ error: "JOB_HEARTBEAT_SECONDS must be a whole number of seconds" }).min(1).max(3_600).default(30),
    /** 1: webhook endpoints on 127.0.0.1 / localhost / [::1] (and plain http to them) are allowed in production too. */
    WEBHOOKS_ALLOW_LOOPBACK: z.enum(["0", "1"]).default("0"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
    /** Kept for old scripts; grants nothing: `npm run demo` generates its own secrets. */
    SHIFTBOARD_DEMO: z.enum(["0", "1"]).default("0"),
    /** Set by Next while building: secrets are a run-time requirement, not a build-time one. */
    NEXT_PHASE: z.string().optional(),
  })
  .superRefine((env, ctx) => {
    // A renewal may come late (a busy event loop, a slow round trip): with at least two
    // renewals per lease, one late renewal never hands a live worker's job to another.
    if (env.JOB_HEARTBEAT_SECONDS * 2 > env.JOB_LEASE_SECONDS)
      ctx.addIssue({
        code: "custom",
        path: ["JOB_HEARTBEAT_SECONDS"],
        message: `JOB_HEARTBEAT_SECONDS (${env.JOB_HEARTBEAT_SECONDS}) must be at most half of JOB_LEASE_SECONDS (${env.JOB_LEASE_SECONDS})`,
      });
    // Secrets published in this repository are never accepted by a production server,
    // demo or not: a session signed with them would be anyone's to forge.
    if (env.NODE_ENV !== "production" || env.NEXT_PHASE === "phase-production-build") return;
    if (!env.NEXTAUTH_SECRET) ctx.addIssue({ code: "custom", path: ["NEXTAUTH_SECRET"], message: "NEXTAUTH_SECRET is required in production (npm run demo generates one)" });
    if (env.NEXTAUTH_SECRET === DEV_SECRET)
      ctx.addIssue({ code: "custom", path: ["NEXTAUTH_SECRET"], message: "NEXTAUTH_SECRET is the published development secret; generate your own (openssl rand -hex 32)" });
    if (env.CXONE_SECRET_KEY === DEV_CXONE_KEY)
      ctx.addIssue({ code: "custom", path: ["CXONE_SECRET_KEY"], message: "CXONE_SECRET_KEY is the published development key; generate your own (openssl rand -base64 32)" });
    if (env.WFM_BACKEND === "cxone" && !env.CXONE_SECRET_KEY)
      ctx.addIssue({ code: "custom", path: ["CXONE_SECRET_KEY"], message: "CXONE_SECRET_KEY is required when WFM_BACKEND=cxone" });
  });

export type Env = z.infer<typeof schema> & { NEXTAUTH_SECRET: string; CXONE_SECRET_KEY: string };

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const nextAuthSecret = parsed.data.NEXTAUTH_SECRET ?? DEV_SECRET;
  cached = {
    ...parsed.data,
    NEXTAUTH_SECRET: nextAuthSecret,
    // Without its own key, production derives one from its session secret (so nothing
    // published encrypts stored CXone secrets); development and tests use the fixed key.
    CXONE_SECRET_KEY:
      parsed.data.CXONE_SECRET_KEY ??
      (parsed.data.NEXTAUTH_SECRET ? Buffer.from(hkdfSync("sha256", nextAuthSecret, "shiftboard", "cxone-secret-key", 32)).toString("base64") : DEV_CXONE_KEY),
  };
  return cached;
}

/** For tests that change the environment between cases. */
export function resetEnvCache(): void {
  cached = undefined;
}
