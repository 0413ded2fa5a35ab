/**
 * How every script starts the production dashboard: `node <flags> next start -p <port>
 * -H <host>` (`npm start`, scripts/serve.mjs, starts each of its processes so too).
 *
 * The flags size V8's young generation (where every object is born) at 64 MiB from the
 * start instead of 1 MiB growing to 16. A page answer allocates a few MiB (React's tree,
 * its payload, the HTML), and with 50 answers in flight a small young generation fills
 * every few answers: objects still in use are copied, then promoted to the old
 * generation, where only a full collection frees them. With 64 MiB, `npm run load` on
 * Postgres answered ~25 % more requests per second with /coverage p95 a fifth lower, for
 * ~80 MiB more resident memory (README, "Load and scale-out"). The minimum starts it at
 * that size: V8 otherwise grows it only as collections go by, after a start.
 *
 * `--min-semi-space-size` is not allowed in NODE_OPTIONS, so the flags go on the command line.
 */
export const SERVER_NODE_FLAGS = ["--max-semi-space-size=64", "--min-semi-space-size=64"];

/** Next's command line, run by node itself (not through npx) so the flags reach the server. */
export const NEXT_BIN = "node_modules/next/dist/bin/next";

/** The arguments after `node` that start the built dashboard on `host:port`. */
export function nextStartArgs(port, host) {
  return [...SERVER_NODE_FLAGS, NEXT_BIN, "start", "-p", String(port), "-H", host];
}

/**
 * How many dashboard processes `npm start` runs on its port: WEB_CONCURRENCY when set,
 * else one per core on Postgres, and one on the embedded database (a single process opens
 * its data folder).
 */
export function dashboardProcesses(env, cores) {
  if (!env.DATABASE_URL) return 1;
  const asked = Number(env.WEB_CONCURRENCY);
  if (Number.isInteger(asked) && asked >= 1) return Math.min(asked, 16);
  return Math.max(1, cores);
}
