import { join } from "node:path";
import type { Worker as WorkerThread } from "node:worker_threads";

/**
 * The embedded database on a thread of its own, behind the two calls Drizzle's PGlite
 * driver makes: `query(sql, params, options)` and `transaction(fn)`.
 *
 * Why: PGlite is Postgres compiled to WebAssembly and runs on the thread that calls it.
 * Its `await` hides synchronous work: while a statement ran (and its answer was parsed)
 * the server's one JavaScript thread answered nobody, so on the embedded database every
 * page waited for every other page's queries, and a large import held up everyone. A
 * profile of the dashboard under load put ~20 % of the main thread in PGlite; here that
 * work runs on the machine's other core (`npm run load`, embedded: /coverage p95 1,020 ms
 * → 470–630 ms, requests/s 154 → 200–240; README, "Load and scale-out").
 *
 * Semantics are PGlite's own, unchanged: one statement at a time, and while a transaction
 * is open every statement outside it waits until it ends. Errors keep their Postgres
 * fields (code, constraint, detail, …), which services read (lib/services/shifts/overlap-guard.ts).
 * Drizzle passes its type parsers as functions, which cannot cross a thread; all of them
 * keep the text as it is (timestamps, dates, intervals and their arrays), so the thread is
 * told which types to pass through, and any other parser is refused rather than dropped.
 *
 * If the thread dies, every waiting and later statement fails with the reason, and
 * `onStopped` is told (the server exits, as when the database cannot open).
 */

export interface QueryOptions {
  rowMode?: "array" | "object";
  parsers?: Record<number, (value: string, typeId: number) => unknown>;
}

export interface QueryResult {
  rows: unknown[];
  fields: { name: string; dataTypeID: number }[];
  affectedRows?: number;
}

export interface PgliteThreadTransaction {
  query(sql: string, params?: unknown[], options?: QueryOptions): Promise<QueryResult>;
}

type Request = { op: "query"; sql: string; params: unknown[]; rowMode: "array" | "object"; passThroughTypes: number[]; tx?: number } | { op: "begin" | "commit" | "rollback"; tx: number } | { op: "close" | "ready" };

type Answer = { id: number; ok: true; result?: unknown } | { id: number; ok: false; error: { name: string; message: string } & Record<string, unknown> };

/** A sample no real parser returns unchanged unless it passes text through. */
const PASS_THROUGH_PROBE = "\u0000pass-through?";

export class PgliteThread {
  private readonly worker: WorkerThread;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private nextTx = 1;
  private stopped: Error | null = null;
  private closing = false;

  private constructor(dataDir: string | undefined, onStopped?: (reason: Error) => void) {
    const { Worker } = process.getBuiltinModule("node:worker_threads") as { Worker: typeof WorkerThread };
    this.worker = new Worker(workerScript(), { workerData: { dataDir } });
    // Idle, the thread does not keep the process alive; a statement in flight does (see send).
    this.worker.unref();
    this.worker.on("message", (m: Answer) => {
      const w = this.waiting.get(m.id);
      if (!w) return;
      this.waiting.delete(m.id);
      if (this.waiting.size === 0) this.worker.unref();
      if (m.ok) w.resolve(m.result);
      else w.reject(Object.assign(new Error(m.error.message), m.error));
    });
    const stop = (reason: Error) => {
      if (this.stopped) return;
      this.stopped = reason;
      for (const w of this.waiting.values()) w.reject(reason);
      this.waiting.clear();
      if (!this.closing) onStopped?.(reason);
    };
    this.worker.on("error", (e) => stop(new Error(`The embedded database stopped: ${e.message}`, { cause: e })));
    this.worker.on("exit", (code) => stop(new Error(`The embedded database stopped (its thread exited with code ${code}).`)));
  }

  /** Starts the thread and opens the database in `dataDir` (in memory when absent). */
  static async start(dataDir?: string, options: { onStopped?: (reason: Error) => void } = {}): Promise<PgliteThread> {
    const thread = new PgliteThread(dataDir, options.onStopped);
    try {
      await thread.send({ op: "ready" });
    } catch (e) {
      await thread.worker.terminate();
      throw e;
    }
    return thread;
  }

  query(sql: string, params: unknown[] = [], options: QueryOptions = {}): Promise<QueryResult> {
    return this.runQuery(undefined, sql, params, options);
  }

  /** `fn`'s statements in one transaction: committed when it resolves, rolled back when it throws. */
  async transaction<T>(fn: (tx: PgliteThreadTransaction) => Promise<T>): Promise<T> {
    const tx = this.nextTx++;
    await this.send({ op: "begin", tx });
    let result: T;
    try {
      result = await fn({ query: (sql, params = [], options = {}) => this.runQuery(tx, sql, params, options) });
    } catch (e) {
      await this.send({ op: "rollback", tx }).catch(() => undefined);
      throw e;
    }
    // A deferred constraint fails here, at COMMIT, as it does in process.
    await this.send({ op: "commit", tx });
    return result;
  }

  async close(): Promise<void> {
    if (this.stopped) return;
    this.closing = true;
    try {
      await this.send({ op: "close" });
    } finally {
      await this.worker.terminate();
    }
  }

  private runQuery(tx: number | undefined, sql: string, params: unknown[], options: QueryOptions): Promise<QueryResult> {
    let passThroughTypes: number[];
    try {
      passThroughTypes = passThroughTypesOf(options.parsers);
    } catch (e) {
      return Promise.reject(e);
    }
    return this.send({ op: "query", sql, params, rowMode: options.rowMode ?? "object", passThroughTypes, tx }) as Promise<QueryResult>;
  }

  private send(request: Request): Promise<unknown> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      try {
        // Throws for a parameter the structured clone cannot carry: that statement fails, nothing waits on.
        this.worker.postMessage({ id, ...request });
      } catch (e) {
        reject(e);
        return;
      }
      if (this.waiting.size === 0) this.worker.ref();
      this.waiting.set(id, { resolve, reject });
    });
  }
}

function passThroughTypesOf(parsers: QueryOptions["parsers"]): number[] {
  if (!parsers) return [];
  return Object.entries(parsers).map(([type, parse]) => {
    if (parse(PASS_THROUGH_PROBE, Number(type)) !== PASS_THROUGH_PROBE) {
      throw new Error(`A parser for type ${type} cannot run on the embedded database's thread; only parsers that keep the text are supported.`);
    }
    return Number(type);
  });
}

/**
 * The worker's file, from the project's root, as the migrations are (MIGRATIONS_FOLDER):
 * the server, scripts and tests all run there. Not `new URL(…, import.meta.url)`: the
 * bundler takes that for an asset pattern, copies the whole folder and hands back the
 * wrong file; nor a `new Worker` it can see, which would make it bundle PGlite, whose
 * WebAssembly must load from node_modules.
 */
function workerScript(): string {
  return join(/* turbopackIgnore: true */ process.cwd(), "lib", "db", "pglite-thread-worker.mjs");
}
