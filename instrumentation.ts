/**
 * Runs once when the server starts. Opening (and migrating) the database here makes a
 * server that cannot have it — the embedded folder held by another process, Postgres
 * unreachable — stop at start-up with one clear line for the operator, instead of
 * saying "Ready" and failing every request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { openDatabaseOrExit } = await import("./lib/db/startup");
  await openDatabaseOrExit();
  // Webhook retries that fell due while the server was down go out now; the next one is timed.
  const [{ getDb }, { resumeWebhookDeliveries }] = await Promise.all([import("./lib/db/client"), import("./lib/services/webhooks/worker")]);
  await resumeWebhookDeliveries(await getDb());
}
