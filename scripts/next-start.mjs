/**
 * How every script starts the production dashboard (`npm start` says the same in
 * package.json): `node <flags> next start -p <port> -H <host>`.
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

/** The arguments after `node` that start the built dashboard on `host:port`. */
export function nextStartArgs(port, host) {
  return [...SERVER_NODE_FLAGS, "node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", host];
}
