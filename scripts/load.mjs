#!/usr/bin/env node
/**
 * `npm run load`: the 50-client mix of issue 16 against a fresh demo, once on the embedded
 * database and once on Postgres, written to bench/load.json.
 *
 * For each database: a scratch data folder (or a scratch Postgres database, dropped after),
 * the demo seeded, the production build started on 127.0.0.1 on a random port, N clients
 * signed in through next-auth's credentials callback (demo users, each its own session),
 * then for --seconds half of them load /coverage and half /api/v1/shifts?agentId=…, each
 * one request at a time. Latency percentiles, errors, requests/s and the server's resident
 * memory (before, right after, after an idle pause) are recorded, for --rounds rounds
 * (default 2: memory that levels off is the heap the load needs; memory that climbs on is a leak).
 *
 * `--mix api-coverage` (issue 13's API figure): instead of signed-in sessions, one planner
 * service token is minted on the fresh demo (scripts/api-token.ts, before the server starts,
 * as the embedded database serves one process), and every client loops
 * `GET /api/v1/coverage` (the demo week, every skill) with `Authorization: Bearer`. The
 * server runs with API_RATE_LIMIT_PER_MINUTE raised out of the way (the per-token limit
 * would otherwise answer 429s: this measures the endpoint, not the limiter). p50/p95/p99,
 * errors and requests/s per database go to the `apiCoverage` key of the --out file; the
 * default mix's results there are kept (and the default mix keeps `apiCoverage`).
 *
 * Bounded and loopback only: at most 200 clients and 120 s; the server binds 127.0.0.1.
 *
 *   npm run load                          # both databases, 50 clients, 30 s
 *   npm run load -- --db pglite --seconds 10 --clients 20
 *   npm run load -- --no-build            # the build in .next as it is
 *   npm run load -- --mix api-coverage --clients 20 --seconds 20   # the API coverage figure
 *   LOAD_POSTGRES_URL=postgres://postgres@127.0.0.1:5432/postgres npm run load -- --db postgres
 */
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { buildIsCurrent, sourceHash, writeBuildStamp } from "./build-stamp.mjs";
import { dashboardProcesses, nextStartArgs } from "./next-start.mjs";
import { cpuMs, cpuMsBetween, cpuMsByName, rssMiB } from "./proc-stats.mjs";

const { values: args } = parseArgs({
  options: {
    db: { type: "string", default: "both" },
    /** pages: the 50-client session mix; api-coverage: bearer-token clients on GET /api/v1/coverage. */
    mix: { type: "string", default: "pages" },
    clients: { type: "string", default: "50" },
    seconds: { type: "string", default: "30" },
    warmup: { type: "string", default: "3" },
    idle: { type: "string", default: "15" },
    rounds: { type: "string", default: "2" },
    out: { type: "string", default: "bench/load.json" },
    build: { type: "boolean", default: false },
    "no-build": { type: "boolean", default: false },
    /** A folder for the server's V8 CPU profile (written when it stops), to find where the time goes. */
    "cpu-prof": { type: "string" },
    /**
     * Dashboard processes on one Postgres (the page mix only), on one port, started by
     * scripts/serve.mjs as `npm start` starts them. "auto" (the default) is what `npm start`
     * runs: one per core on Postgres, or WEB_CONCURRENCY when set. The embedded database
     * always serves one process.
     */
    instances: { type: "string", default: "auto" },
  },
});
const HOST = "127.0.0.1";
const CLIENTS = Math.min(200, Math.max(2, Number(args.clients)));
const SECONDS = Math.min(120, Math.max(1, Number(args.seconds)));
const WARMUP = Math.min(30, Math.max(0, Number(args.warmup)));
const IDLE = Math.min(120, Math.max(0, Number(args.idle)));
const ROUNDS = Math.min(5, Math.max(1, Number(args.rounds)));
const PG_URL = process.env.LOAD_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const PASSWORD = "shiftboard-demo";
const COVERAGE_USERS = ["planner@demo.local", "admin@demo.local", "supervisor.nyc@demo.local", "supervisor.lon@demo.local"];
const SHIFTS_USERS = ["planner@demo.local", "admin@demo.local"];
const MIX = args.mix;
// "auto": the count `npm start` would run on this Postgres (per core, or WEB_CONCURRENCY when set).
const INSTANCES = args.instances === "auto" ? dashboardProcesses({ ...process.env, DATABASE_URL: PG_URL }, os.availableParallelism()) : Math.min(4, Math.max(1, Number(args.instances)));
if (!Number.isInteger(INSTANCES)) throw new Error("--instances is a number or auto");
if (MIX !== "pages" && MIX !== "api-coverage") throw new Error("--mix is pages or api-coverage");
/** One week (the demo's, the route's default range), every skill, net. */
const API_COVERAGE_PATH = "/api/v1/coverage";
const databases = args.db === "both" ? ["pglite", "postgres"] : [args.db];
if (!databases.every((d) => d === "pglite" || d === "postgres")) throw new Error("--db is pglite, postgres or both");

function log(...m) {
  console.log(`[load ${new Date().toISOString().slice(11, 19)}]`, ...m);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, HOST, () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS + 8 });

/** One HTTP request on loopback; the body read to its end. */
function request(port, method, pathName, { headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: HOST, port, method, path: pathName, headers, agent }, (res) => {
      let bytes = 0;
      const chunks = [];
      res.on("data", (c) => {
        bytes += c.length;
        if (chunks.length < 64) chunks.push(c);
      });
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, bytes, text: () => Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.setTimeout(60_000, () => req.destroy(new Error("timed out after 60 s")));
    req.on("error", reject);
    if (body) req.write(body);
    req.end();
  });
}

function cookiesOf(res) {
  return (res.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]);
}

/** A next-auth session for a demo user: the CSRF token, then the credentials callback. */
async function signIn(port, email) {
  const origin = `http://${HOST}:${port}`;
  const csrf = await request(port, "GET", "/api/auth/csrf");
  const { csrfToken } = JSON.parse(csrf.text());
  const jar = cookiesOf(csrf);
  const body = new URLSearchParams({ csrfToken, email, password: PASSWORD, callbackUrl: `${origin}/`, json: "true" }).toString();
  const res = await request(port, "POST", "/api/auth/callback/credentials", {
    headers: { "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body), cookie: jar.join("; "), origin },
    body,
  });
  const session = cookiesOf(res).find((c) => c.startsWith("next-auth.session-token=") || c.startsWith("__Secure-next-auth.session-token="));
  if (!session) throw new Error(`sign-in of ${email} gave no session (HTTP ${res.status})`);
  return session;
}

/**
 * A fixed piece of JavaScript work timed in this process while the server is idle, before
 * each round: the same code on the same machine takes longer when the machine itself is
 * slower (other tenants, clock). Rounds whose probe differs much are not comparable.
 */
const probeData = Array.from({ length: 20_000 }, (_, i) => ({ i, name: `agent-${i}`, skills: ["BILLING", "SALES"], hours: i / 7 }));
function machineProbeMs() {
  const t0 = performance.now();
  let n = 0;
  for (let k = 0; k < 10; k++) n += JSON.parse(JSON.stringify(probeData)).length;
  if (n !== 10 * probeData.length) throw new Error("machine probe");
  return Math.round((performance.now() - t0) * 10) / 10;
}
machineProbeMs(); // warm the JIT

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summarize(samples, errors, seconds) {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  const r = (v) => (v === null ? null : Math.round(v * 10) / 10);
  return {
    requests: samples.length,
    errors: errors.length,
    errorKinds: [...new Set(errors)].slice(0, 5),
    requestsPerSecond: Math.round((samples.length / seconds) * 10) / 10,
    p50ms: r(percentile(sorted, 50)),
    p95ms: r(percentile(sorted, 95)),
    p99ms: r(percentile(sorted, 99)),
    maxMs: r(sorted.at(-1) ?? null),
    meanBytes: samples.length ? Math.round(samples.reduce((a, s) => a + s.bytes, 0) / samples.length) : 0,
  };
}

/** Each client sends one request at a time until the deadline; a non-200 counts as an error. */
async function drive(port, clients, until) {
  const byTarget = { coverage: { samples: [], errors: [] }, shifts: { samples: [], errors: [] }, apiCoverage: { samples: [], errors: [] } };
  await Promise.all(
    clients.map(async (c) => {
      const out = byTarget[c.target];
      while (performance.now() < until) {
        const t0 = performance.now();
        try {
          const res = await request(port, "GET", c.path, { headers: c.headers });
          const ms = performance.now() - t0;
          if (res.status === 200) out.samples.push({ ms, bytes: res.bytes });
          else out.errors.push(`HTTP ${res.status}`);
        } catch (e) {
          out.errors.push(String(e.message ?? e));
        }
      }
    }),
  );
  return byTarget;
}

async function waitForServer(port, server) {
  for (let i = 0; i < 480; i++) {
    if (server.exitCode !== null) throw new Error(`the server exited (code ${server.exitCode})`);
    try {
      const res = await request(port, "GET", "/login");
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the server did not answer within 120 s");
}

function run(cmd, argv, env) {
  const r = spawnSync(cmd, argv, { stdio: ["ignore", "pipe", "inherit"], env, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${cmd} ${argv.join(" ")} failed (exit ${r.status})`);
}

async function oneRun(database) {
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXTAUTH_SECRET: randomBytes(32).toString("hex"),
    CXONE_SECRET_KEY: randomBytes(32).toString("base64"),
    NEXTAUTH_URL: `http://${HOST}:${port}`,
    LOG_LEVEL: "warn",
  };
  delete env.SHIFTBOARD_DEMO;
  delete env.DATABASE_URL;
  let cleanUp;
  if (database === "pglite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shiftboard-load-"));
    env.PGLITE_DATA_DIR = dir;
    cleanUp = async () => fs.rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `shiftboard_load_${randomBytes(5).toString("hex")}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    cleanUp = async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  let server;
  try {
    log(`${database}: seeding the demo`);
    run("npx", ["tsx", "--conditions=react-server", "scripts/seed.ts"], env);
    if (MIX === "api-coverage") return await apiCoverageRun(database, env, port, (s) => (server = s));
    log(`${database}: starting the production server on ${HOST}:${port}`);
    const profile = args["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(args["cpu-prof"], database)}`] : [];
    const instances = database === "postgres" ? INSTANCES : 1;
    // Started as `npm start` starts it: its cluster on one port (the profile flags reach every process).
    server = spawn(process.execPath, [...profile, "scripts/serve.mjs", "-p", String(port), "-H", HOST], { stdio: ["ignore", "ignore", "inherit"], env: { ...env, WEB_CONCURRENCY: String(instances) }, detached: true });
    await waitForServer(port, server);
    if (instances > 1) log(`${database}: ${instances} dashboard processes on port ${port}`);
    // CPU and memory of the process tree: the cluster's processes are children of the first.
    const cpuAll = () => cpuMs(server.pid);
    const rssAll = () => rssMiB(server.pid);

    const half = Math.floor(CLIENTS / 2);
    const clients = [];
    for (let i = 0; i < CLIENTS; i++) {
      const coverage = i < half;
      const email = coverage ? COVERAGE_USERS[i % COVERAGE_USERS.length] : SHIFTS_USERS[i % SHIFTS_USERS.length];
      const agentId = `AGENT-${1001 + ((i * 37) % 300)}`;
      clients.push({ target: coverage ? "coverage" : "shifts", email, path: coverage ? "/coverage" : `/api/v1/shifts?agentId=${agentId}`, headers: { cookie: await signIn(port, email) } });
    }
    log(`${database}: ${clients.length} clients signed in`);
    const rssStart = rssAll();
    if (WARMUP > 0) await drive(port, clients, performance.now() + WARMUP * 1000);
    const rssBefore = rssAll();
    log(`${database}: ${ROUNDS} × ${SECONDS} s of load (${half} on /coverage, ${CLIENTS - half} on /api/v1/shifts)`);
    // Several rounds, an idle pause after each: memory that keeps climbing from round to
    // round is a leak; memory that levels off is the heap the load needs.
    const rounds = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const probeMs = machineProbeMs();
      const cpu0 = cpuAll();
      const client0 = process.cpuUsage();
      const postgres0 = cpuMsByName("postgres");
      const load0 = os.loadavg()[0];
      const started = performance.now();
      const result = await drive(port, clients, started + SECONDS * 1000);
      const elapsed = (performance.now() - started) / 1000;
      const serverCpuMs = cpuAll() - cpu0;
      const clientCpu = process.cpuUsage(client0);
      const clientCpuMs = (clientCpu.user + clientCpu.system) / 1000;
      const postgresCpuMs = cpuMsBetween(postgres0, cpuMsByName("postgres"));
      const rssAfter = rssAll();
      const loadAvg = os.loadavg()[0];
      await new Promise((r) => setTimeout(r, IDLE * 1000));
      const rssIdle = rssAll();
      const all = [...result.coverage.samples, ...result.shifts.samples];
      const r = {
        round,
        seconds: Math.round(elapsed * 10) / 10,
        coverage: summarize(result.coverage.samples, result.coverage.errors, elapsed),
        shifts: summarize(result.shifts.samples, result.shifts.errors, elapsed),
        all: summarize(all, [...result.coverage.errors, ...result.shifts.errors], elapsed),
        // Machine-independent: what each answer cost the server in CPU, and how much of the
        // machine it got (2.0 = both cores of a 2-core machine the whole time).
        serverCpuMsPerRequest: Math.round(serverCpuMs / Math.max(1, all.length)),
        serverCpuCoresUsed: Math.round((serverCpuMs / 1000 / elapsed) * 100) / 100,
        // Where the rest of the machine went: this load generator, and every Postgres
        // process on the machine (the embedded database runs inside the server).
        clientCpuCoresUsed: Math.round((clientCpuMs / 1000 / elapsed) * 100) / 100,
        ...(database === "postgres" ? { postgresCpuCoresUsed: Math.round((postgresCpuMs / 1000 / elapsed) * 100) / 100 } : {}),
        serverRssMiB: { afterLoad: rssAfter, [`after${IDLE}sIdle`]: rssIdle },
        loadAverage1m: { atStart: load0, atEnd: loadAvg },
        machineProbeMs: probeMs,
      };
      rounds.push(r);
      log(`${database} round ${round}: /coverage p50 ${r.coverage.p50ms} ms p95 ${r.coverage.p95ms} ms; /api/v1/shifts p95 ${r.shifts.p95ms} ms; ${r.all.requestsPerSecond} req/s; ${r.all.errors} errors; server CPU ${r.serverCpuMsPerRequest} ms/request on ${r.serverCpuCoresUsed} cores (client ${r.clientCpuCoresUsed}${r.postgresCpuCoresUsed === undefined ? "" : `, Postgres ${r.postgresCpuCoresUsed}`}); RSS ${rssAfter} → ${rssIdle} MiB idle; load average ${loadAvg.toFixed(1)}; machine probe ${probeMs} ms`);
    }
    const out = { database, instances, clients: CLIENTS, seconds: SECONDS, warmupSeconds: WARMUP, serverRssMiB: { afterSignIn: rssStart, beforeLoad: rssBefore }, rounds };
    return out;
  } finally {
    if (server && server.exitCode === null) await stopServer(server);
    await cleanUp();
  }
}

/** SIGTERM to the server's process group, SIGKILL after 10 s. */
async function stopServer(proc) {
  try {
    process.kill(-proc.pid, "SIGTERM");
  } catch {
    // already gone
  }
  await new Promise((r) => {
    const t = setTimeout(() => {
      try {
        process.kill(-proc.pid, "SIGKILL");
      } catch {
        // already gone
      }
      r();
    }, 10_000);
    proc.once("exit", () => {
      clearTimeout(t);
      r();
    });
  });
}

/** One planner token minted from the shell on the seeded database (stdout is the token alone). */
function mintToken(env) {
  const r = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/api-token.ts", "--name", "load-api-coverage", "--role", "planner"], { env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  const token = (r.stdout ?? "").trim().split("\n").at(-1);
  if (r.status !== 0 || !/^sb_/.test(token ?? "")) throw new Error(`minting the load token failed (exit ${r.status}): ${(r.stderr ?? "").slice(-400)}`);
  return token;
}

/** --mix api-coverage: bearer clients on GET /api/v1/coverage, per round like the page mix. */
async function apiCoverageRun(database, env, port, started) {
  const token = mintToken(env);
  log(`${database}: minted a planner token; starting the production server on ${HOST}:${port}`);
  const server = spawn(process.execPath, nextStartArgs(port, HOST), {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...env, API_RATE_LIMIT_PER_MINUTE: "1000000" },
    detached: true,
  });
  started(server);
  await waitForServer(port, server);
  const clients = Array.from({ length: CLIENTS }, () => ({ target: "apiCoverage", path: API_COVERAGE_PATH, headers: { authorization: `Bearer ${token}` } }));
  if (WARMUP > 0) await drive(port, clients, performance.now() + WARMUP * 1000);
  log(`${database}: ${ROUNDS} × ${SECONDS} s, ${CLIENTS} bearer clients on GET ${API_COVERAGE_PATH}`);
  const rounds = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const cpu0 = cpuMs(server.pid);
    const load0 = os.loadavg()[0];
    const t0 = performance.now();
    const result = await drive(port, clients, t0 + SECONDS * 1000);
    const elapsed = (performance.now() - t0) / 1000;
    const serverCpuMs = cpuMs(server.pid) - cpu0;
    const s = summarize(result.apiCoverage.samples, result.apiCoverage.errors, elapsed);
    rounds.push({
      round,
      seconds: Math.round(elapsed * 10) / 10,
      coverage: s,
      serverCpuMsPerRequest: Math.round(serverCpuMs / Math.max(1, s.requests)),
      serverCpuCoresUsed: Math.round((serverCpuMs / 1000 / elapsed) * 100) / 100,
      serverRssMiB: rssMiB(server.pid),
      loadAverage1m: { atStart: load0, atEnd: os.loadavg()[0] },
    });
    log(`${database} round ${round}: GET ${API_COVERAGE_PATH} p50 ${s.p50ms} ms p95 ${s.p95ms} ms p99 ${s.p99ms} ms; ${s.requestsPerSecond} req/s; ${s.errors} errors`);
    if (round < ROUNDS && IDLE > 0) await new Promise((r) => setTimeout(r, Math.min(IDLE, 5) * 1000));
  }
  return { database, clients: CLIENTS, seconds: SECONDS, warmupSeconds: WARMUP, path: API_COVERAGE_PATH, rounds };
}

if (args["no-build"]) {
  if (!fs.existsSync(".next/BUILD_ID")) throw new Error("--no-build needs a production build in .next (npx next build)");
} else if (args.build || !buildIsCurrent()) {
  log("building (the sources changed since the last build)");
  const hash = sourceHash();
  const b = spawnSync("npx", ["next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (b.status !== 0) process.exit(b.status ?? 1);
  writeBuildStamp(hash);
}

const runs = [];
for (const database of databases) runs.push(await oneRun(database));
agent.destroy();
const previous = fs.existsSync(args.out) ? JSON.parse(fs.readFileSync(args.out, "utf8")) : {};
const machine = { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? "", memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version };
const apiCoverage = {
  generatedAt: new Date().toISOString(),
  machine,
  note: "Bearer-token clients, one request at a time each, on loopback; client and server share the machine's cores (loadAverage1m). The per-token rate limit was raised for the run.",
  goal: "p95 < 150 ms with 20 clients for 20 s, one week, all skills (issue 13)",
  // A run on one database keeps the other database's last run.
  runs: [...(previous.apiCoverage?.runs ?? []).filter((r) => !databases.includes(r.database)), ...runs],
};
const report = MIX === "api-coverage" ? { ...previous, apiCoverage } : {
  generatedAt: new Date().toISOString(),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? "", memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
  note: "Client, server and Postgres share the machine's cores: serverCpuCoresUsed, clientCpuCoresUsed (this load generator) and postgresCpuCoresUsed say what each took; other work on the machine shows in loadAverage1m, and how fast the machine itself was in machineProbeMs (fixed work timed before each round, lower is faster). The dashboard runs as npm start runs it (instances: processes on one port).",
  goal: { postgres: "p95 < 500 ms on /coverage at 50 clients", pglite: "p95 < 1 s on /coverage at 50 clients", memory: "flat after the run" },
  runs,
  ...(previous.apiCoverage ? { apiCoverage: previous.apiCoverage } : {}),
};
fs.mkdirSync(path.dirname(args.out), { recursive: true });
fs.writeFileSync(args.out, JSON.stringify(report, null, 2) + "\n");
log(`written to ${args.out}`);
