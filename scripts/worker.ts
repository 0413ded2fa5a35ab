/**
 * `npm run worker`: an optimization (and webhook delivery) worker beside the dashboards, for a Postgres
 * deployment (the embedded PGlite serves one process, whose in-process worker suffices).
 * Claims jobs with SKIP LOCKED, so any number of workers can run.
 */
import { drainJobs } from "@/lib/jobs/worker";
import { OPTIMIZATION_HANDLERS } from "@/lib/services/optimization/run";
import { WEBHOOK_HANDLERS } from "@/lib/services/webhooks/worker";
import { env } from "@/lib/env";
import { openAppDatabase } from "./db";

if (!env().DATABASE_URL) {
  console.error("npm run worker needs DATABASE_URL: the embedded database runs its worker inside the dashboard.");
  process.exit(2);
}
const opened = await openAppDatabase();
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => (stopping = true));
console.log("Worker started; waiting for jobs.");
while (!stopping) {
  // Webhook deliveries too: their retries wait in the jobs table (run_after) for any worker.
  const ran = await drainJobs(opened.db, { ...OPTIMIZATION_HANDLERS, ...WEBHOOK_HANDLERS });
  if (ran === 0) await new Promise((r) => setTimeout(r, 1000));
}
await opened.close();
