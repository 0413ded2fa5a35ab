/**
 * The embedded database on its own thread (lib/db/pglite-thread.ts): the dashboard server
 * opens PGlite this way, and every integration test's "pglite" driver does too
 * (tests/integration/support/db.ts). These are the promises the rest of the code relies on:
 * PGlite's own semantics, Postgres error fields, and a main thread that stays free.
 */
import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openPglite, type OpenedDb } from "@/lib/db/client";
import { executeCount, executeRows } from "@/lib/db/execute";
import { pipelined } from "@/lib/db/pipeline";
import { PgliteThread } from "@/lib/db/pglite-thread";

const opened: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  while (opened.length) await opened.pop()!.close();
});

// One migrated database for the tests that only add tables of their own (migrating takes seconds).
let shared: OpenedDb;
beforeAll(async () => {
  shared = await openPglite(undefined, { thread: true });
});
afterAll(() => shared.close());

async function startThread(onStopped?: (reason: Error) => void): Promise<PgliteThread> {
  const t = await PgliteThread.start(undefined, { onStopped });
  opened.push(t);
  return t;
}

/**
 * Runs `statement` while a 5 ms timer ticks on this thread; returns how long it took and the
 * longest wait between ticks. A thread held by the statement cannot tick until it ends.
 */
async function longestTimerGapDuring(statement: () => Promise<unknown>): Promise<{ tookMs: number; longestGapMs: number }> {
  let last = performance.now();
  let longestGapMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longestGapMs = Math.max(longestGapMs, now - last);
    last = now;
  }, 5);
  const started = performance.now();
  await statement();
  const tookMs = performance.now() - started;
  clearInterval(timer);
  longestGapMs = Math.max(longestGapMs, performance.now() - last);
  return { tookMs, longestGapMs };
}

describe("the embedded database on its own thread", () => {
  it("answers as PGlite does in process: migrated schema, text timestamps and dates, JSON, counts", async () => {
    const o = shared;
    const [row] = await executeRows<{ t: unknown; d: unknown; j: unknown; n: unknown }>(o.db, sql`select '2026-03-08 02:30:00+00'::timestamptz as t, '2026-03-08'::date as d, '{"a":[1,2]}'::jsonb as j, 7::int as n`);
    // Drizzle's driver asks for timestamps and dates as text; the thread keeps them so.
    expect(row).toEqual({ t: "2026-03-08 02:30:00+00", d: "2026-03-08", j: { a: [1, 2] }, n: 7 });
    // The migrations ran through the thread: the schema's tables are there.
    const [{ count }] = await executeRows<{ count: number }>(o.db, sql`select count(*)::int as count from information_schema.tables where table_name = 'shifts'`);
    expect(count).toBe(1);
    await o.db.execute(sql`create table notes (id serial primary key, body text not null)`);
    expect(await executeCount(o.db, sql`insert into notes (body) values ('a'), ('b'), ('c')`)).toBe(3);
  });

  it("keeps a Postgres error's code, constraint and detail, under Drizzle's wrapper as in process", async () => {
    const o = shared;
    await o.db.execute(sql`create table seats (id int primary key)`);
    await o.db.execute(sql`insert into seats values (1)`);
    const failure = await o.db.execute(sql`insert into seats values (1)`).catch((e: unknown) => e);
    expect(failure).toMatchObject({ cause: { code: "23505", constraint: "seats_pkey", detail: "Key (id)=(1) already exists." } });
  });

  it("commits a transaction that resolves and rolls back one that throws, rethrowing its own error", async () => {
    const o = shared;
    await o.db.execute(sql`create table ledger (id int primary key)`);
    await o.db.transaction(async (tx) => {
      await tx.execute(sql`insert into ledger values (1)`);
    });
    const mistake = new Error("the planner changed their mind");
    await expect(
      o.db.transaction(async (tx) => {
        await tx.execute(sql`insert into ledger values (2)`);
        throw mistake;
      }),
    ).rejects.toBe(mistake);
    expect(await executeRows(o.db, sql`select id from ledger order by id`)).toEqual([{ id: 1 }]);
  });

  it("reports a constraint that fails at COMMIT as the transaction's error, and stores nothing of it", async () => {
    const o = shared;
    await o.db.execute(sql`create table rota (slot int, constraint rota_slot_key unique (slot) deferrable initially deferred)`);
    const failure = await o.db
      .transaction(async (tx) => {
        await tx.execute(sql`insert into rota values (1)`);
        await tx.execute(sql`insert into rota values (1)`);
      })
      .catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: "23505", constraint: "rota_slot_key" });
    expect(await executeRows(o.db, sql`select * from rota`)).toEqual([]);
    // The database is usable afterwards.
    await o.db.execute(sql`insert into rota values (2)`);
    expect(await executeRows(o.db, sql`select slot from rota`)).toEqual([{ slot: 2 }]);
  });

  it("runs statements sent without waiting in the order they were sent, inside a transaction", async () => {
    const o = shared;
    await o.db.execute(sql`create table steps (n serial primary key, label text)`);
    await o.db.transaction(async (tx) => {
      await pipelined(5, (i) => executeCount(tx, sql`insert into steps (label) values (${`step ${i}`})`));
    });
    expect(await executeRows(o.db, sql`select n, label from steps order by n`)).toEqual([0, 1, 2, 3, 4].map((i) => ({ n: i + 1, label: `step ${i}` })));
  });

  it("holds statements outside an open transaction back until it ends, as PGlite does in process", async () => {
    const o = shared;
    await o.db.execute(sql`create table queue (id int)`);
    const events: string[] = [];
    let outside: Promise<unknown> | undefined;
    await o.db.transaction(async (tx) => {
      await tx.execute(sql`insert into queue values (1)`);
      outside = executeRows<{ count: number }>(o.db, sql`select count(*)::int as count from queue`).then((rows) => {
        events.push(`outside saw ${rows[0].count}`);
      });
      // Give the outside statement every chance to run early.
      await new Promise((r) => setTimeout(r, 50));
      await tx.execute(sql`insert into queue values (2)`);
      events.push("transaction done");
    });
    await outside;
    expect(events).toEqual(["transaction done", "outside saw 2"]);
  });

  it("fails a statement whose parameter cannot cross the thread, and goes on answering the next", async () => {
    const t = await startThread();
    await expect(t.query("select $1::text as v", [() => "not data"])).rejects.toThrow(/could not be cloned/);
    // Nothing is left waiting for an answer that will never come (it would keep the process alive).
    expect((t as unknown as { waiting: Map<number, unknown> }).waiting.size).toBe(0);
    expect((await t.query("select $1::text as v", ["data"])).rows).toEqual([{ v: "data" }]);
  });

  it("refuses a type parser that would change values, instead of dropping it silently", async () => {
    const t = await startThread();
    await expect(t.query("select now() as t", [], { parsers: { 1184: (v: string) => new Date(v) } })).rejects.toThrow(/parser for type 1184 cannot run/);
    const kept = await t.query("select '2026-01-01 00:00:00+00'::timestamptz as t", [], { rowMode: "array", parsers: { 1184: (v: string) => v } });
    expect(kept.rows).toEqual([["2026-01-01 00:00:00+00"]]);
  });

  it("leaves this thread free while a long statement runs (in process, the statement holds it)", async () => {
    // ~0.3–1 s of WebAssembly, one statement.
    const heavy = "select count(*) from generate_series(1, 2000000) g where g % 7 = 3";
    const t = await startThread();
    const inThread = await longestTimerGapDuring(() => t.query(heavy));

    const inProcess = await openPglite();
    opened.push(inProcess);
    const held = await longestTimerGapDuring(() => inProcess.db.execute(sql.raw(heavy)));

    // In process the timer cannot fire while the statement runs: one gap spans most of it.
    expect(held.longestGapMs).toBeGreaterThan(held.tookMs * 0.6);
    // On its own thread the timer keeps ticking through it.
    expect(inThread.longestGapMs).toBeLessThan(inThread.tookMs * 0.5);
  });

  it("fails every waiting and later statement with the reason when the thread dies, and says so once", async () => {
    const stops: Error[] = [];
    const t = await startThread((reason) => stops.push(reason));
    const waiting = t.query("select count(*) from generate_series(1, 3000000)");
    // What a crash of the WebAssembly looks like from here: the thread ends on its own.
    await (t as unknown as { worker: { terminate: () => Promise<number> } }).worker.terminate();
    await expect(waiting).rejects.toThrow(/embedded database stopped/);
    await expect(t.query("select 1")).rejects.toThrow(/embedded database stopped/);
    expect(stops).toHaveLength(1);
  });

  it("does not report a close it was asked for as a stop", async () => {
    const stops: Error[] = [];
    const t = await PgliteThread.start(undefined, { onStopped: (reason) => stops.push(reason) });
    await t.query("select 1");
    await t.close();
    expect(stops).toEqual([]);
    await expect(t.query("select 1")).rejects.toThrow(/embedded database stopped/);
  });
});
