/**
 * The embedded database's own thread (lib/db/pglite-thread.ts starts it).
 *
 * PGlite runs Postgres compiled to WebAssembly on the thread that calls it: a query is
 * synchronous work however it is awaited, so on the server's main thread every statement,
 * and the parsing of its answer, held up every other request meanwhile. Here it runs
 * beside the main thread, which only posts statements and receives their rows.
 *
 * Messages in: { id, op: "query", sql, params, rowMode, passThroughTypes, tx? },
 * { id, op: "begin" | "commit" | "rollback", tx }, { id, op: "ready" | "close" }.
 * Messages out: { id, ok: true, result? } or { id, ok: false, error }.
 *
 * Each statement is handed to PGlite as soon as its message arrives, so statements sent
 * without waiting (lib/db/pipeline.ts) keep their order; PGlite itself runs one at a time
 * and holds other statements back while a transaction is open, as it does in process.
 */
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";

const db = new PGlite(workerData.dataDir ?? undefined);
/** Open transactions: PGlite's handle, how to end the callback that holds it open, and its end. */
const transactions = new Map();
const identity = (value) => value;

/** A Postgres error's fields survive the thread as plain data (a clone keeps only the message). */
function errorData(e) {
  const out = { name: e?.name ?? "Error", message: e?.message ?? String(e) };
  for (const key of ["code", "detail", "constraint", "table", "column", "schema", "severity", "hint", "where", "position", "dataType", "routine"]) {
    if (e && e[key] !== undefined) out[key] = e[key];
  }
  return out;
}

function answer(id, work) {
  work.then(
    (result) => {
      try {
        parentPort.postMessage({ id, ok: true, result });
      } catch (e) {
        // A value the structured clone cannot carry fails this statement, not the thread.
        parentPort.postMessage({ id, ok: false, error: errorData(e) });
      }
    },
    (e) => parentPort.postMessage({ id, ok: false, error: errorData(e) }),
  );
}

function query(m) {
  const parsers = {};
  for (const type of m.passThroughTypes) parsers[type] = identity;
  const target = m.tx === undefined ? db : transactions.get(m.tx)?.handle;
  if (!target) return Promise.reject(new Error(`transaction ${m.tx} is not open`));
  return target.query(m.sql, m.params, { rowMode: m.rowMode, parsers }).then((r) => ({ rows: r.rows, fields: r.fields, affectedRows: r.affectedRows }));
}

/**
 * BEGIN through PGlite's own transaction(), whose callback stays open until "commit" or
 * "rollback" ends it: PGlite then holds every other statement back, as it does in process.
 */
function begin(tx) {
  return new Promise((began, failedToBegin) => {
    const entry = { handle: null, finish: null, ended: null };
    entry.ended = db.transaction(
      (handle) =>
        new Promise((commit, rollback) => {
          entry.handle = handle;
          entry.finish = (ok) => (ok ? commit() : rollback(new Error("rolled back")));
          transactions.set(tx, entry);
          began();
        }),
    );
    // Before the callback ran, a failure is BEGIN's own; after, "commit" reports it (a deferred constraint at COMMIT).
    entry.ended.catch(failedToBegin);
  });
}

function end(tx, commit) {
  const entry = transactions.get(tx);
  if (!entry) return Promise.reject(new Error(`transaction ${tx} is not open`));
  transactions.delete(tx);
  entry.finish(commit);
  return commit ? entry.ended.then(() => undefined) : entry.ended.then(() => undefined, () => undefined);
}

parentPort.on("message", (m) => {
  switch (m.op) {
    case "query":
      return answer(m.id, query(m));
    case "begin":
      return answer(m.id, begin(m.tx));
    case "commit":
      return answer(m.id, end(m.tx, true));
    case "rollback":
      return answer(m.id, end(m.tx, false));
    case "close":
      return answer(m.id, db.close().then(() => undefined));
    case "ready":
      return answer(m.id, db.waitReady.then(() => undefined));
  }
});
