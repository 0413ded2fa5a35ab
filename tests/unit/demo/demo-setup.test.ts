/**
 * Issue 16, item 3: `npm run demo` must not run on a secret anyone can read, nor be reachable
 * from other machines unless asked. What the demo decides before it starts, checked without a build.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { env, resetEnvCache } from "@/lib/env";
import { demoAddress, demoSecrets } from "@/scripts/demo-setup.mjs";

const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "shiftboard-demo-"));
  dirs.push(d);
  return path.join(d, "data");
};
const saved = { ...process.env };
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  process.env = { ...saved };
  resetEnvCache();
});

describe("the demo's secrets", () => {
  it("are generated on first start, readable by the owner only, and kept for the next start", () => {
    const dir = tempDir();
    const first = demoSecrets(dir);
    expect(first.NEXTAUTH_SECRET).toMatch(/^[0-9a-f]{64}$/);
    expect(Buffer.from(first.CXONE_SECRET_KEY, "base64")).toHaveLength(32);
    expect(fs.statSync(path.join(dir, "secrets.json")).mode & 0o777).toBe(0o600);
    expect(demoSecrets(dir)).toEqual(first);
  });

  it("differ from one demo to another, and a production server accepts them", () => {
    const a = demoSecrets(tempDir());
    const b = demoSecrets(tempDir());
    expect(a.NEXTAUTH_SECRET).not.toBe(b.NEXTAUTH_SECRET);
    process.env = { ...saved, NODE_ENV: "production", ...a };
    delete process.env.NEXT_PHASE;
    resetEnvCache();
    expect(env().NEXTAUTH_SECRET).toBe(a.NEXTAUTH_SECRET);
  });

  it("refuse to start on a half-written file instead of inventing a secret", () => {
    const dir = tempDir();
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "secrets.json"), "{}");
    expect(() => demoSecrets(dir)).toThrow(/incomplete; delete it/);
  });
});

describe("where the demo listens", () => {
  it("on loopback unless HOST says otherwise", () => {
    expect(demoAddress({})).toEqual({ host: "127.0.0.1", port: "3000", publicUrl: "http://127.0.0.1:3000", reachable: "127.0.0.1" });
    expect(demoAddress({ HOST: "0.0.0.0", PORT: "4100" })).toEqual({ host: "0.0.0.0", port: "4100", publicUrl: "http://localhost:4100", reachable: "127.0.0.1" });
  });
});
