import { afterEach, describe, expect, it } from "vitest";
import { env, resetEnvCache } from "@/lib/env";

const PUBLISHED_SECRET = "shiftboard-dev-secret-not-for-production-0123456789";
const saved = { ...process.env };

function withEnv(vars: Record<string, string | undefined>) {
  for (const k of ["NODE_ENV", "NEXTAUTH_SECRET", "CXONE_SECRET_KEY", "SHIFTBOARD_DEMO", "NEXT_PHASE", "WFM_BACKEND", "DATABASE_URL"]) delete process.env[k];
  Object.assign(process.env, vars);
  resetEnvCache();
}

afterEach(() => {
  process.env = { ...saved };
  resetEnvCache();
});

describe("published secrets", () => {
  it("refuses a production server with the demo flag and no secret (the forged-session attack)", () => {
    withEnv({ NODE_ENV: "production", SHIFTBOARD_DEMO: "1" });
    expect(() => env()).toThrow(/NEXTAUTH_SECRET is required in production/);
  });

  it("refuses the published development secret and CXone key in production", () => {
    withEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: PUBLISHED_SECRET });
    expect(() => env()).toThrow(/published development secret/);
    withEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "a".repeat(64), CXONE_SECRET_KEY: Buffer.alloc(32, 7).toString("base64") });
    expect(() => env()).toThrow(/published development key/);
  });

  it("derives the CXone key from the production secret rather than falling back to the published one", () => {
    withEnv({ NODE_ENV: "production", NEXTAUTH_SECRET: "b".repeat(64) });
    const key = env().CXONE_SECRET_KEY;
    expect(Buffer.from(key, "base64")).toHaveLength(32);
    expect(key).not.toBe(Buffer.alloc(32, 7).toString("base64"));
  });

  it("lets the build and the tests run without secrets", () => {
    withEnv({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" });
    expect(() => env()).not.toThrow();
    withEnv({ NODE_ENV: "test" });
    expect(env().NEXTAUTH_SECRET).toBe(PUBLISHED_SECRET);
  });
});
