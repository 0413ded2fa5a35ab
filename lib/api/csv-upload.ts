import "server-only";
import { Worker } from "node:worker_threads";
import type { TokenizedCsv } from "../csv/read";
import type { FileError } from "../schemas/imports";
import { AppError } from "../errors";

/**
 * Reading an uploaded CSV off the event loop: a worker thread per upload (csv-read-worker.mjs)
 * decodes, hashes and reads the file under a time budget and a heap ceiling, so a hostile
 * file (one 40 MB quoted cell, a 10 MB cell of `""` pairs, a million columns) costs that
 * worker, never the requests of everyone else. The records come back compact (see
 * TokenizedCsv); validating them against the schedule stays in the service, on bounded rows.
 */
export interface UploadReadLimits {
  /** Wall time for one file, from the worker's start (default 15 s). */
  timeBudgetMs: number;
  /** Heap ceiling of the worker, MiB (default 512, at least 64). */
  memoryMb: number;
}

export const UPLOAD_READ_LIMITS: UploadReadLimits = { timeBudgetMs: 15_000, memoryMb: 512 };
const MIN_MEMORY_MB = 64;
/** Uploads read at once; more wait their turn, so a burst cannot multiply the heap ceiling. */
const MAX_CONCURRENT_READS = 2;

export interface UploadRead {
  csv: TokenizedCsv;
  /** SHA-256 of the bytes as uploaded. */
  hash: string;
  bytes: number;
}

/**
 * Reads an uploaded CSV in a worker. A file that cannot be read (empty, binary, a cell or
 * row too long, too many columns or rows, an unclosed quote) is a VALIDATION error with
 * the reader's sentence; a file past the time budget or the heap ceiling is TOO_LARGE.
 */
export async function readCsvUpload(bytes: Uint8Array, limits: Partial<UploadReadLimits> = {}): Promise<UploadRead> {
  const { timeBudgetMs, memoryMb: asked } = { ...UPLOAD_READ_LIMITS, ...limits };
  // Below about 64 MiB V8 can die of the limit before Node ends the worker, taking the process with it.
  const memoryMb = Math.max(MIN_MEMORY_MB, asked);
  const release = await acquire();
  try {
    return await readInWorker(bytes, timeBudgetMs, memoryMb);
  } finally {
    release();
  }
}

type WorkerAnswer =
  | { type: "read"; hash: string; csv: TokenizedCsv }
  | { type: "fileError"; hash: string; fileError: FileError }
  | { type: "error"; message: string };

function readInWorker(bytes: Uint8Array, timeBudgetMs: number, memoryMb: number): Promise<UploadRead> {
  const size = bytes.byteLength;
  // The buffer moves to the worker (no copy): from here on only the worker holds the file.
  const buffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer;
  return new Promise((resolve, reject) => {
    // A static `new URL(…, import.meta.url)` inside `new Worker(…)`: vitest and tsx load the
    // source file, and Turbopack bundles the worker (tokenize.mjs, papaparse) into the build.
    const worker = new Worker(new URL("./csv-read-worker.mjs", import.meta.url), {
      resourceLimits: { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: 32 },
    });
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new AppError(
              "TOO_LARGE",
              `The file took too long to read (more than ${timeBudgetMs / 1000} s), so it was stopped. Check that it is a plain CSV with one record per line, or split it into smaller files. Nothing was imported.`,
              { fileErrorCode: "READ_TIMEOUT" },
            ),
          ),
        ),
      timeBudgetMs,
    );
    worker.once("message", (m: WorkerAnswer) => {
      if (m.type === "read") finish(() => resolve({ csv: m.csv, hash: m.hash, bytes: size }));
      else if (m.type === "fileError") finish(() => reject(new AppError("VALIDATION", m.fileError.message, { fileErrorCode: m.fileError.code })));
      else finish(() => reject(new Error(`CSV reader failed: ${m.message}`)));
    });
    worker.once("error", (e: Error & { code?: string }) =>
      finish(() =>
        reject(
          e.code === "ERR_WORKER_OUT_OF_MEMORY" || /memory|heap|allocation/i.test(e.message)
            ? new AppError(
                "TOO_LARGE",
                `Reading the file needed more than the ${memoryMb} MiB an upload may use, so it was stopped. Check that it is a plain CSV (no huge cells), or split it into smaller files. Nothing was imported.`,
                { fileErrorCode: "READ_OUT_OF_MEMORY" },
              )
            : new Error(`CSV reader failed: ${e.message}`, { cause: e }),
        ),
      ),
    );
    worker.once("exit", (code) => finish(() => reject(new Error(`CSV reader stopped (exit code ${code})`))));
    worker.postMessage({ buffer }, [buffer as ArrayBuffer]);
  });
}

// ── A small semaphore: at most MAX_CONCURRENT_READS workers at a time ──
let running = 0;
const waiting: (() => void)[] = [];

async function acquire(): Promise<() => void> {
  // A released slot is handed straight to the next waiter, so the count never overshoots.
  if (running < MAX_CONCURRENT_READS) running++;
  else await new Promise<void>((r) => waiting.push(r));
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
}
