import "server-only";
import { z } from "zod";

/**
 * The environment, parsed once. This is the only module that reads process.env
 * (scripts outside Next read it through here too), so a missing secret in
 * production fails at start-up with one clear message instead of at first use.
 */
const DEV_SECRET = "shiftboard-dev-secret-not-for-production-0123456789";

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
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
    /** Allows the demo secrets on a production build started by `npm run demo` or the tests. */
    SHIFTBOARD_DEMO: z.enum(["0", "1"]).default("0"),
    /** Set by Next while building: secrets are a run-time requirement, not a build-time one. */
    NEXT_PHASE: z.string().optional(),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production" && env.SHIFTBOARD_DEMO !== "1" && env.NEXT_PHASE !== "phase-production-build") {
      if (!env.NEXTAUTH_SECRET) ctx.addIssue({ code: "custom", path: ["NEXTAUTH_SECRET"], message: "NEXTAUTH_SECRET is required in production" });
      if (env.WFM_BACKEND === "cxone" && !env.CXONE_SECRET_KEY)
        ctx.addIssue({ code: "custom", path: ["CXONE_SECRET_KEY"], message: "CXONE_SECRET_KEY is required when WFM_BACKEND=cxone" });
    }
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
  cached = {
    ...parsed.data,
    NEXTAUTH_SECRET: parsed.data.NEXTAUTH_SECRET ?? DEV_SECRET,
    // A fixed development key: demo and test data only; production sets its own.
    CXONE_SECRET_KEY: parsed.data.CXONE_SECRET_KEY ?? Buffer.alloc(32, 7).toString("base64"),
  };
  return cached;
}

/** For tests that change the environment between cases. */
export function resetEnvCache(): void {
  cached = undefined;
}
