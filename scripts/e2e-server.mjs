#!/usr/bin/env node
/**
 * Starts the production build on a fresh embedded database seeded with the demo data,
 * for the browser tests. Expects `next build` to have run. Loopback only; a fresh random
 * secret per run; the public URL follows the port, so sign-out and callbacks land here.
 */
import { spawnSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { nextStartArgs } from "./next-start.mjs";

const port = process.argv[2] ?? process.env.PORT ?? "3210";
const host = "127.0.0.1";
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "shiftboard-e2e-"));
const env = {
  ...process.env,
  PGLITE_DATA_DIR: dataDir,
  NEXT_TELEMETRY_DISABLED: "1",
  NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
  CXONE_SECRET_KEY: randomBytes(32).toString("base64"),
  NEXTAUTH_URL: `http://${host}:${port}`,
};
delete env.DATABASE_URL;
delete env.SHIFTBOARD_DEMO;

const seed = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/seed.ts"], { stdio: "inherit", env });
if (seed.status !== 0) process.exit(seed.status ?? 1);

// Same process group as this script: Playwright stops its web server by killing the group,
// and a next-server left outside it would hold the output pipe open and hang the run.
const server = spawn(process.execPath, nextStartArgs(port, host), { stdio: "inherit", env });
const cleanUp = () => fs.rmSync(dataDir, { recursive: true, force: true });
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    try {
      server.kill(signal);
    } catch {
      // already gone
    }
  });
}
server.on("exit", (code) => {
  cleanUp();
  process.exit(code ?? 0);
});
