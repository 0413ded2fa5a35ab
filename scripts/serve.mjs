#!/usr/bin/env node
/**
 * `npm start`: the built dashboard on one port (`-p`, `-H` as for `next start`).
 *
 * On Postgres (DATABASE_URL set) it runs one dashboard process per core, all on that
 * port: Node's cluster module accepts the connections in this process and hands them to
 * the processes in turn. One Node process renders on one core, so on a 2-core server the
 * second core otherwise sits idle while pages queue (`npm run load -- --instances 2`).
 * Every process is an ordinary instance of the scale-out story (sessions signed with one
 * secret, caches checked against the schedule revision, decisions settled in the
 * database: tests/integration/scale-out.test.ts). The embedded database serves one
 * process, so without DATABASE_URL there is one. WEB_CONCURRENCY overrides the count.
 *
 * SIGINT/SIGTERM/SIGHUP are passed to every process; if one exits on its own, the others
 * are stopped too and this exits with its code (a half-running cluster is worse than none).
 */
import cluster from "node:cluster";
import os from "node:os";
import { dashboardProcesses, NEXT_BIN, SERVER_NODE_FLAGS } from "./next-start.mjs";

const count = dashboardProcesses(process.env, os.availableParallelism());
cluster.setupPrimary({ exec: NEXT_BIN, args: ["start", ...process.argv.slice(2)], execArgv: [...process.execArgv, ...SERVER_NODE_FLAGS] });

let stopping = false;
let exitCode = 0;
for (let i = 0; i < count; i++) cluster.fork();
if (count > 1) console.log(`[serve] ${count} dashboard processes on one port (WEB_CONCURRENCY to change)`);

cluster.on("exit", (worker, code, signal) => {
  if (!stopping) {
    console.error(`[serve] dashboard process ${worker.process.pid} exited (${signal ?? `code ${code}`}); stopping the others`);
    exitCode = code || 1;
    stopAll("SIGTERM");
  }
  if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
});

function stopAll(signal) {
  stopping = true;
  for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => stopAll(signal));
