import "server-only";
/**
 * A per-endpoint minimum interval, where NICE documents one (Data Extraction: one caller
 * per tenant at a time, at most every 30 s), kept on top of 429 handling: we wait our
 * turn instead of spending a request on a refusal. The clock and sleep are injected so
 * tests do not wait 30 s.
 */
export class MinIntervalGate {
  private last = new Map<string, number>();
  private chain = new Map<string, Promise<void>>();

  constructor(
    private readonly now: () => number,
    private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>,
  ) {}

  /** Resolves when `key` may be called again; calls are serialised per key. */
  async wait(key: string, minIntervalMs: number, signal?: AbortSignal, onWait?: (ms: number) => void): Promise<void> {
    const before = this.chain.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((r) => (release = r));
    this.chain.set(key, before.then(() => mine));
    await before;
    try {
      const last = this.last.get(key);
      const due = last === undefined ? 0 : last + minIntervalMs - this.now();
      if (due > 0) {
        onWait?.(due);
        await this.sleep(due, signal);
      }
      this.last.set(key, this.now());
    } finally {
      release();
    }
  }
}
