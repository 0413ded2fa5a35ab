#!/usr/bin/env node
/**
 * `npm run demo`: the dashboard on the embedded database with the demo contact center.
 * Migrates, seeds when empty, builds when the sources changed since the last build, and
 * starts on http://127.0.0.1:$PORT (3000). HOST=0.0.0.0 listens on every interface.
 *
 * Secrets are generated on first start and kept in .data/secrets.json (mode 0600): the
 * demo never runs on a secret published in the repository.
 */
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { buildIsCurrent, sourceHash, writeBuildStamp } from "./build-stamp.mjs";
import { demoAddress, demoSecrets } from "./demo-setup.mjs";
import { nextStartArgs } from "./next-start.mjs";

const { host, port, publicUrl, reachable } = demoAddress(process.env);
const dataDir = path.resolve(process.env.SHIFTBOARD_DATA_DIR ?? ".data");

const secrets = demoSecrets(dataDir);
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  NEXTAUTH_URL: publicUrl,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? secrets.NEXTAUTH_SECRET,
  CXONE_SECRET_KEY: process.env.CXONE_SECRET_KEY ?? secrets.CXONE_SECRET_KEY,
};

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { stdio: "inherit", env, ...options });
  if (r.status !== 0) {
    console.error(`\n${cmd} ${args.join(" ")} failed (exit ${r.status}).`);
    process.exit(r.status ?? 1);
  }
  return r;
}

// The seed's list of demo users is held back and printed once the server answers.
const seed = run("npx", ["tsx", "--conditions=react-server", "scripts/seed.ts"], { stdio: ["inherit", "pipe", "inherit"], encoding: "utf8" });
const [seedNotes, users = ""] = seed.stdout.split(/\n(?=Demo users)/);
if (seedNotes.trim()) console.log(seedNotes.trim());

if (process.argv.includes("--no-build")) {
  // as asked
} else if (!process.argv.includes("--build") && buildIsCurrent()) {
  console.log("The sources have not changed since the last build; starting it (npm run demo -- --build forces one).");
} else {
  const hash = sourceHash();
  run("npx", ["next", "build"]);
  writeBuildStamp(hash);
}

// Its own process group, so a signal reaches next-server and not only a wrapper.
const server = spawn(process.execPath, nextStartArgs(port, host), { stdio: "inherit", env, detached: true });
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    stopping = true;
    try {
      process.kill(-server.pid, signal);
    } catch {
      // already gone
    }
  });
}
server.on("exit", (code, signal) => process.exit(stopping ? 0 : (code ?? (signal ? 1 : 0))));

// Users and the address last, where they are seen.
for (let i = 0; i < 240 && !stopping; i++) {
  try {
    const res = await fetch(`http://${reachable}:${port}/login`, { redirect: "manual" });
    if (res.status < 500) break;
  } catch {
    // not listening yet
  }
  await new Promise((r) => setTimeout(r, 250));
}
if (!stopping) {
  console.log(`\n${users.trim()}`);
  console.log(`\nShiftboard is running at ${publicUrl} — sign in with one of the demo users above. Ctrl+C stops it.\n`);
}
