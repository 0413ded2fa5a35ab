#!/usr/bin/env node
/**
 * `npm run demo`: the dashboard on the embedded database with the demo contact center.
 * Migrates, seeds when empty, builds, and starts at http://localhost:$PORT (3000).
 */
import { spawnSync, spawn } from "node:child_process";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", SHIFTBOARD_DEMO: process.env.SHIFTBOARD_DEMO ?? "1" };
const port = process.env.PORT ?? "3000";

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env });
  if (r.status !== 0) {
    console.error(`\n${cmd} ${args.join(" ")} failed (exit ${r.status}).`);
    process.exit(r.status ?? 1);
  }
}

run("npx", ["tsx", "--conditions=react-server", "scripts/seed.ts"]);
if (!process.argv.includes("--no-build")) run("npx", ["next", "build"]);
console.log(`\nShiftboard is starting at http://localhost:${port} — sign in with a demo user above.\n`);
const server = spawn("npx", ["next", "start", "-p", port], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
