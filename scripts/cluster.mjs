/**
 * One port, several processes of one program (Node's cluster module): this process
 * accepts the connections and hands them to the processes in turn. Used by `npm start`
 * (scripts/serve.mjs) for the dashboard; tests/unit/demo/cluster.test.ts runs it with a
 * small HTTP program in place of the dashboard.
 *
 * SIGINT/SIGTERM/SIGHUP are passed to every process and this exits 0 when they have all
 * stopped. If one exits on its own, the others are stopped too and this exits with its
 * code (1 when it was killed by a signal or ended with 0): a half-running cluster is worse
 * than none.
 */
import cluster from "node:cluster";

export function runCluster({ exec, args = [], execArgv = [], count }) {
  cluster.setupPrimary({ exec, args, execArgv });
  let stopping = false;
  let exitCode = 0;
  for (let i = 0; i < count; i++) cluster.fork();

  cluster.on("exit", (worker, code, signal) => {
    if (!stopping) {
      console.error(`[serve] process ${worker.process.pid} exited (${signal ?? `code ${code}`}); stopping the others`);
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
}
