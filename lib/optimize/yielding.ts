import type { Steps } from "../domain/optimize/steps";

/**
 * Runs engine steps on the event loop in slices of about `sliceMs`, letting other callbacks
 * (a page's request, a progress write) run between slices. The demo week's greedy and model
 * build are ~5 s of work; run straight through on the dashboard's process, every page waited.
 */
export async function runStepsYielding<T>(steps: Steps<T>, sliceMs = 10): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
}
