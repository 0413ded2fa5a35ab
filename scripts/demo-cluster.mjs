#!/usr/bin/env node
/**
 * `npm run demo:cluster`: the scale-out shape on one machine. Two dashboard instances (two
 * ports) and one `npm run worker`, all on one Postgres, from one command. Sessions are JWTs
 * signed with one shared secret, and both instances run one build (so one server-actions
 * key, which Next embeds at build time), so either instance serves any signed-in user; imports, trade decisions and job claims are
 * settled in the database (tests/integration/scale-out.test.ts proves they never apply twice).
 *
 * Without DATABASE_URL a scratch database is created on CLUSTER_POSTGRES_URL
 * (default postgres://postgres@127.0.0.1:5432/postgres), seeded with the demo, and dropped
 * when the cluster stops (--keep keeps it). SIGINT/SIGTERM/SIGHUP are forwarded to every
 * process; if one of them dies, the others are stopped too. Loopback unless HOST says.
 *
 *   npm run demo:cluster                       # ports 3000 and 3001
 *   PORT=4100 npm run demo:cluster -- --keep   # ports 4100 and 4101, database kept
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { buildIsCurrent, sourceHash, writeBuildStamp } from "./build-stamp.mjs";
import { nextStartArgs } from "./next-start.mjs";

const host = process.env.HOST ?? "127.0.0.1";
const reachable = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host;
const firstPort = Number(process.env.PORT ?? 3000);
const ports = [firstPort, firstPort + 1];
const keep = process.argv.includes("--keep");
const adminUrl = process.env.CLUSTER_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

function log(m) {
  console.log(`[cluster] ${m}`);
}

let databaseUrl = process.env.DATABASE_URL;
let scratch = null;
if (!databaseUrl) {
  scratch = `shiftboard_cluster_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${scratch}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${scratch}`;
  databaseUrl = url.toString();
  log(`created the scratch database ${scratch}${keep ? " (kept after)" : " (dropped after)"}`);
}

async function dropScratch() {
  if (!scratch || keep) return;
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
  await c.end();
  log(`dropped ${scratch}`);
}

// One set of secrets for every instance: a session signed by one is read by the other.
const shared = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  DATABASE_URL: databaseUrl,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString("hex"),
  CXONE_SECRET_KEY: process.env.CXONE_SECRET_KEY ?? randomBytes(32).toString("base64"),
};
delete shared.PGLITE_DATA_DIR;
delete shared.SHIFTBOARD_DEMO;

try {
  const seed = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/seed.ts"], { stdio: ["ignore", "pipe", "inherit"], env: shared, encoding: "utf8" });
  if (seed.status !== 0) throw new Error(`seeding failed (exit ${seed.status})`);
  if (process.argv.includes("--build") || !buildIsCurrent()) {
    const hash = sourceHash();
    const b = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: shared });
    if (b.status !== 0) throw new Error(`next build failed (exit ${b.status})`);
    writeBuildStamp(hash);
  }
} catch (e) {
  console.error(String(e.message ?? e));
  await dropScratch();
  process.exit(1);
}

// Each in its own process group, so a signal reaches next-server and tsx's child, not only a wrapper.
const children = [];
function start(name, args, env) {
  const child = spawn(args[0], args.slice(1), { stdio: ["ignore", "inherit", "inherit"], env, detached: true });
  children.push({ name, child });
  child.on("exit", (code, signal) => onExit(name, code, signal));
  return child;
}
for (const [i, port] of ports.entries()) {
  start(`dashboard ${i + 1} (:${port})`, [process.execPath, ...nextStartArgs(port, host)], { ...shared, NEXTAUTH_URL: `http://${reachable}:${port}` });
}
start("worker", [process.execPath, "node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/worker.ts"], shared);

let stopping = false;
let failed = false;
function stopAll(signal) {
  for (const { child } of children) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  }
}
function onExit(name, code, signal) {
  if (!stopping) {
    failed = true;
    console.error(`[cluster] ${name} stopped (${signal ?? `exit ${code}`}); stopping the others.`);
    stopping = true;
    stopAll("SIGTERM");
  }
  if (children.every(({ child }) => child.exitCode !== null || child.signalCode !== null)) {
    // A group leader may exit before its children (the worker finishing its job): wait for
    // every process of every group before the database goes.
    groupsGone()
      .then(dropScratch)
      .catch((e) => console.error(`[cluster] could not drop ${scratch}: ${e.message}`))
      .finally(() => process.exit(failed ? 1 : 0));
  }
}
async function groupsGone() {
  for (let i = 0; i < 100; i++) {
    const alive = children.some(({ child }) => {
      try {
        process.kill(-child.pid, 0);
        return true;
      } catch {
        return false;
      }
    });
    if (!alive) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    if (!stopping) log(`${signal}: stopping both dashboards and the worker`);
    stopping = true;
    stopAll(signal);
  });
}

// Addresses last, once both answer.
for (const port of ports) {
  for (let i = 0; i < 480 && !stopping; i++) {
    try {
      const res = await fetch(`http://${reachable}:${port}/login`, { redirect: "manual" });
      if (res.status < 500) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
if (!stopping) {
  log(`two dashboards: ${ports.map((p) => `http://${reachable}:${p}`).join(" and ")}, one worker, one Postgres (${scratch ?? "DATABASE_URL"}).`);
  log("Sign in on either with a demo user (password shiftboard-demo); Ctrl+C stops all three.");
}
