/**
 * `npm run worker`: an optimization (and webhook delivery) worker beside the dashboards, for a Postgres
 * deployment (the embedded PGlite serves one process, whose in-process worker suffices).
 * Claims jobs with SKIP LOCKED, so any number of workers can run. Its id (printed at start)
 * is what `jobs.locked_by` shows while it holds a job; a worker that stops renewing its
 * lease (JOB_LEASE_SECONDS, renewed every JOB_HEARTBEAT_SECONDS) loses the job to another.
 */
import { randomUUID } from "node:crypto";
import os from "node:os";
import { env, type Env } from "@/lib/env";

let config: Env;
try {
  config = env();
} catch (e) {
  // The environment's own words (which variable, what is wrong), not a stack trace.
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(2);
}
if (!config.DATABASE_URL) {
  console.error("npm run worker needs DATABASE_URL: the embedded database runs its worker inside the dashboard.");
  process.exit(2);
}
// Loaded only now: the logger they use reads the environment as it is imported.
const { drainJobs } = await import("@/lib/jobs/worker");
const { OPTIMIZATION_HANDLERS } = await import("@/lib/services/optimization/run");
const { WEBHOOK_HANDLERS } = await import("@/lib/services/webhooks/worker");
const { openAppDatabase } = await import("./db");
const workerId = `worker-${os.hostname()}-${process.pid}-${randomUUID().slice(0, 4)}`;
const opened = await openAppDatabase();
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => (stopping = true));
console.log(`Worker ${workerId} started (lease ${config.JOB_LEASE_SECONDS} s, renewed every ${config.JOB_HEARTBEAT_SECONDS} s); waiting for jobs.`);
while (!stopping) {
  // Webhook deliveries too: their retries wait in the jobs table (run_after) for any worker.
  const ran = await drainJobs(opened.db, { ...OPTIMIZATION_HANDLERS, ...WEBHOOK_HANDLERS }, workerId);
  if (ran > 0) console.log(`Worker ${workerId} ran ${ran} job(s).`);
  else await new Promise((r) => setTimeout(r, 1000));
}
await opened.close();
