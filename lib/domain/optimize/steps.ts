/**
 * Long engine runs as steps: a generator yields between units of work (an agent's candidates,
 * one greedy placement), so a caller on a server's event loop can let other requests through
 * between them (`lib/optimize/yielding.ts`), while tests and scripts run it straight through.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step at once. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
