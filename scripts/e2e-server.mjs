#!/usr/bin/env node
/**
 * Starts the production build on a fresh embedded database seeded with the demo data,
 * for the browser tests. Expects `next build` to have run.
 */
import { spawnSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const port = process.argv[2] ?? "3210";
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "shiftboard-e2e-"));
const env = {
  ...process.env,
  PGLITE_DATA_DIR: dataDir,
  DATABASE_URL: "",
  NEXT_TELEMETRY_DISABLED: "1",
  SHIFTBOARD_DEMO: "1",
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
};
delete env.DATABASE_URL;

const seed = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/seed.ts"], { stdio: "inherit", env });
if (seed.status !== 0) process.exit(seed.status ?? 1);

const server = spawn("npx", ["next", "start", "-p", port, "-H", "127.0.0.1"], { stdio: "inherit", env });
const stop = () => {
  server.kill("SIGTERM");
  fs.rmSync(dataDir, { recursive: true, force: true });
};
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => { stop(); process.exit(0); });
server.on("exit", (code) => { fs.rmSync(dataDir, { recursive: true, force: true }); process.exit(code ?? 0); });
