/**
 * The upload reader's worker thread: decodes an uploaded file, hashes it and reads it with
 * tokenize.mjs (limits, sniffing, the shape pre-scan, papaparse), then posts the records
 * back. Plain JavaScript on purpose, like lib/optimize/solve-worker.mjs: the same file runs
 * under vitest, tsx and a Next production build without a TypeScript loader. The caller
 * (csv-upload.ts, beside it) gives it a time budget and a heap ceiling and terminates it past
 * either, so no upload can hold the event loop or the server's memory.
 */
import { createHash } from "node:crypto";
import { parentPort } from "node:worker_threads";
import { tokenizeCsv } from "../csv/tokenize.mjs";

parentPort.once("message", (msg) => {
  try {
    let bytes = new Uint8Array(msg.buffer);
    const hash = createHash("sha256").update(bytes).digest("hex");
    // Invalid byte sequences become U+FFFD, as every reader of the file did before.
    const text = new TextDecoder("utf-8").decode(bytes);
    bytes = null;
    msg.buffer = null;
    let headers = [];
    let delimiter = ",";
    const parts = [];
    const counts = [];
    const rows = [];
    const quotes = [];
    const read = tokenizeCsv(text, {
      header(h, d) {
        headers = h;
        delimiter = d;
        return true;
      },
      record(rec, row, quote) {
        if (quote) quotes.push([counts.length, quote]);
        counts.push(rec.length);
        rows.push(row);
        parts.push(rec.join("\0"));
      },
    });
    if (!read.ok) {
      parentPort.postMessage({ type: "fileError", fileError: read.fileError, hash });
      return;
    }
    const c = Int32Array.from(counts);
    const r = Int32Array.from(rows);
    parentPort.postMessage(
      { type: "read", hash, csv: { kind: "tokenized", headers, delimiter, cells: parts.join("\0"), counts: c, rows: r, quotes } },
      [c.buffer, r.buffer],
    );
  } catch (e) {
    parentPort.postMessage({ type: "error", message: e instanceof Error ? e.message : String(e) });
  }
});
