import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import type { OpenedDb } from "@/lib/db/client";
import { imports, shifts } from "@/lib/db/schema";
import { importShiftFile, type ShiftImportOptions } from "@/lib/services/imports/shifts";
import { getImportErrorReport } from "@/lib/services/imports/error-report";
import { readBodyText } from "@/lib/api/route";
import { isAppError } from "@/lib/errors";
import { TEST_DRIVERS } from "./support/db";
import { openSeeded } from "./support/demo";

const actor = { id: null, label: "planner@test" };
const opts = (o: Partial<ShiftImportOptions> = {}): ShiftImportOptions => ({ dryRun: false, overwriteConflicts: false, onlyValidRows: false, ...o });

// Week after the demo's published week, so nothing overlaps the seeded schedule.
const GOOD = [
  "agentId,start,end,skills,status,breaks,siteId,notes",
  "AGENT-1001,2026-12-01T09:00:00-05:00,2026-12-01T17:00:00-05:00,SKILL-EN-TECH-SUPPORT:4,PUBLISHED,+120/15;+240/30,NYC,",
  "AGENT-1002,2026-12-01T10:00:00-05:00,2026-12-01T18:00:00-05:00,,DRAFT,,NYC,\"late start, covers the evening\"",
  "AGENT-1121,2026-12-01T08:00:00Z,2026-12-01T16:00:00Z,,PUBLISHED,,LON,",
].join("\n");

async function shiftCount(o: OpenedDb) {
  const [r] = await o.db.select({ n: sql<number>`count(*)::int` }).from(shifts);
  return r.n;
}

async function expectFileError(o: OpenedDb, text: string, message: RegExp) {
  const before = await shiftCount(o);
  const [{ n: importsBefore }] = await o.db.select({ n: sql<number>`count(*)::int` }).from(imports);
  let caught: unknown;
  try {
    await importShiftFile(o.db, { fileName: "bad.csv", text, bytes: text.length, options: opts(), actor });
  } catch (e) {
    caught = e;
  }
  expect(isAppError(caught), String(caught)).toBe(true);
  expect((caught as Error).message).toMatch(message);
  expect(await shiftCount(o)).toBe(before);
  const [{ n: importsAfter }] = await o.db.select({ n: sql<number>`count(*)::int` }).from(imports);
  expect(importsAfter).toBe(importsBefore);
}

describe.each(TEST_DRIVERS)("shift import on $name", (driver) => {
  let o: OpenedDb;
  beforeAll(async () => {
    o = (await openSeeded(driver.open)).opened;
  });
  afterAll(() => o.close());

  it("validates without storing on a dry run", async () => {
    const before = await shiftCount(o);
    const r = await importShiftFile(o.db, { fileName: "good.csv", text: GOOD, bytes: GOOD.length, options: opts({ dryRun: true }), actor });
    expect(r).toMatchObject({ status: "validated", format: "canonical", totalRows: 3, validRows: 3, importedRows: 0, errors: [] });
    expect(await shiftCount(o)).toBe(before);
  });

  it("imports a good file in one go and records the history", async () => {
    const before = await shiftCount(o);
    const r = await importShiftFile(o.db, { fileName: "good.csv", text: GOOD, bytes: GOOD.length, options: opts(), actor });
    expect(r).toMatchObject({ status: "committed", totalRows: 3, importedRows: 3, errors: [] });
    expect(await shiftCount(o)).toBe(before + 3);
    const [history] = await o.db.select().from(imports).where(eq(imports.id, r.importId!));
    expect(history).toMatchObject({ status: "committed", totalRows: 3, importedRows: 3, fileName: "good.csv" });
    const [stored] = await o.db.select().from(shifts).where(eq(shifts.importId, r.importId!)).orderBy(shifts.startsAt).limit(1);
    expect(stored.startsAt.toISOString()).toBe("2026-12-01T08:00:00.000Z");
  });

  it("adds nothing when the same file is uploaded again", async () => {
    const before = await shiftCount(o);
    const r = await importShiftFile(o.db, { fileName: "good.csv", text: GOOD, bytes: GOOD.length, options: opts(), actor });
    expect(r).toMatchObject({ status: "committed", importedRows: 0, unchangedRows: 3 });
    expect(await shiftCount(o)).toBe(before);
  });

  it("counts already-stored rows as unchanged on a dry run too", async () => {
    const r = await importShiftFile(o.db, { fileName: "good.csv", text: GOOD, bytes: GOOD.length, options: opts({ dryRun: true }), actor });
    expect(r).toMatchObject({ status: "validated", validRows: 3, importedRows: 0, unchangedRows: 3 });
    expect(r.warnings.filter((w) => w.code === "ALREADY_STORED")).toHaveLength(3);
  });

  it("warns on the row and column where bytes were not UTF-8, and still imports it", async () => {
    const bytes = Buffer.concat([
      Buffer.from("agentId,start,end,skills,status,breaks,siteId,notes\nAGENT-1004,2026-12-03T09:00:00-05:00,2026-12-03T17:00:00-05:00,,DRAFT,,NYC,caf"),
      Buffer.from([0xe9, 0x20]),
      Buffer.from("au lait\n"),
    ]);
    const request = new Request("http://localhost/api/v1/imports/shifts", { method: "POST", body: bytes });
    const { text } = await readBodyText(request, 1024 * 1024, () => "too big");
    const r = await importShiftFile(o.db, { fileName: "latin1.csv", text, bytes: bytes.length, options: opts({ dryRun: true }), actor });
    expect(r.validRows).toBe(1);
    expect(r.warnings).toEqual([expect.objectContaining({ row: 2, column: "notes", code: "INVALID_UTF8", message: expect.stringMatching(/^Row 2: "notes" had bytes that are not valid UTF-8/) })]);
  });

  it("stores nothing from a file with a bad row and explains every error", async () => {
    const text = [
      "agentId,start,end,skills,status,breaks,siteId,notes",
      "AGENT-1003,2026-12-02T09:00:00-05:00,2026-12-02T17:00:00-05:00,,PUBLISHED,,NYC,",
      "AGENT-9999,2026-12-02T09:00:00-05:00,2026-12-02T17:00:00-05:00,,PUBLISHED,,NYC,",
      "AGENT-1004,2026-12-02T17:00:00-05:00,2026-12-02T09:00:00-05:00,,PUBLISHED,,NYC,",
      "AGENT-1005,12/02/2026 09:00,2026-12-02T17:00:00-05:00,,PUBLISHED,,NYC,",
      "AGENT-1006,2026-12-02T09:00:00-05:00,2026-12-02T17:00:00-05:00,SKILL_NOPE,PUBLISHED,,NYC,",
    ].join("\n");
    const before = await shiftCount(o);
    const r = await importShiftFile(o.db, { fileName: "bad-rows.csv", text, bytes: text.length, options: opts(), actor });
    expect(r.status).toBe("rejected");
    expect(await shiftCount(o)).toBe(before);
    const byRow = new Map(r.errors.map((e) => [e.row, e]));
    expect(byRow.get(3)).toMatchObject({ code: "UNKNOWN_AGENT", value: "AGENT-9999" });
    expect(byRow.get(4)?.code).toBe("END_NOT_AFTER_START");
    expect(byRow.get(5)).toMatchObject({ column: "start", value: "12/02/2026 09:00" });
    expect(byRow.get(6)).toMatchObject({ code: "UNKNOWN_SKILL" });
    expect(byRow.has(2)).toBe(false);
    for (const e of r.errors) expect(e.message).toMatch(/\S/);
    // The stored report lists each one.
    expect((await getImportErrorReport(o.db, r.importId!)).errors.map((e) => e.row).sort()).toEqual([3, 4, 5, 6]);
  });

  it("imports only the valid rows when asked to", async () => {
    const text = [
      "agentId,start,end",
      "AGENT-1007,2026-12-03T09:00:00-05:00,2026-12-03T17:00:00-05:00",
      "AGENT-9999,2026-12-03T09:00:00-05:00,2026-12-03T17:00:00-05:00",
    ].join("\n");
    const r = await importShiftFile(o.db, { fileName: "partial.csv", text, bytes: text.length, options: opts({ onlyValidRows: true }), actor });
    expect(r).toMatchObject({ status: "committed", importedRows: 1, skippedRows: 1 });
  });

  it("refuses a shift overlapping a stored one unless overwrite is on, then replaces it", async () => {
    const text = ["agentId,start,end", "AGENT-1001,2026-12-01T12:00:00-05:00,2026-12-01T20:00:00-05:00"].join("\n");
    const refused = await importShiftFile(o.db, { fileName: "overlap.csv", text, bytes: text.length, options: opts(), actor });
    expect(refused.status).toBe("rejected");
    expect(refused.errors[0]).toMatchObject({ row: 2, code: "OVERLAP_STORED" });
    const before = await shiftCount(o);
    const replaced = await importShiftFile(o.db, { fileName: "overlap.csv", text, bytes: text.length, options: opts({ overwriteConflicts: true }), actor });
    expect(replaced).toMatchObject({ status: "committed", importedRows: 1, replacedRows: 1 });
    expect(await shiftCount(o)).toBe(before);
  });

  it("takes CXone's own template unchanged, fixed offsets included", async () => {
    const text = [
      "Username,Shift Start Date and Time,Shift End Date and Time,Local Time Zone,Base Activity Name,Shift Notes,Activity 1 Name,Activity 1 Start Date and Time,Activity 1 End Date and Time",
      "agent1211,12/04/2026 20:00:00,12/05/2026 04:30:00,UTC+08:00,Open,night shift,Lunch,12/05/2026 00:00:00,12/05/2026 00:30:00",
    ].join("\r\n");
    const r = await importShiftFile(o.db, { fileName: "cxone.csv", text, bytes: text.length, options: opts(), actor });
    expect(r).toMatchObject({ status: "committed", format: "cxone", importedRows: 1 });
    const [s] = await o.db.select().from(shifts).where(eq(shifts.importId, r.importId!));
    expect(s).toMatchObject({ agentId: "AGENT-1211" });
    expect(s.startsAt.toISOString()).toBe("2026-12-04T12:00:00.000Z");
    expect(s.breaks).toEqual([{ startOffsetMinutes: 240, durationMinutes: 30, paid: false }]);
  });

  it("keeps a formula in notes as text", async () => {
    const text = ["agentId,start,end,notes", 'AGENT-1010,2026-12-05T09:00:00-05:00,2026-12-05T17:00:00-05:00,"=HYPERLINK(""http://x"",""click"")"'].join("\n");
    const r = await importShiftFile(o.db, { fileName: "formula.csv", text, bytes: text.length, options: opts(), actor });
    expect(r.status).toBe("committed");
    const [s] = await o.db.select().from(shifts).where(eq(shifts.importId, r.importId!));
    expect(s.notes).toBe('=HYPERLINK("http://x","click")');
  });

  it("gives one clear message and stores nothing for a bad file", async () => {
    await expectFileError(o, "", /empty/i);
    await expectFileError(o, "agentId,start,end\n", /no (data )?rows|header only|only a header/i);
    await expectFileError(o, "agentId,start\u0000\u0001\u0002\u0003,end\n\u0000\u0000\u0000", /binary|not a text|CSV/i);
    await expectFileError(o, "agentId|start|end\nAGENT-1001|2026-12-01T09:00:00Z|2026-12-01T17:00:00Z", /delimiter|separat/i);
    const wide = ["agentId,start,end", `AGENT-1001,2026-12-06T09:00:00Z,2026-12-06T17:00:00Z${",x".repeat(47)}`].join("\n");
    const r = await importShiftFile(o.db, { fileName: "wide.csv", text: wide, bytes: wide.length, options: opts(), actor });
    expect(r.status).toBe("rejected");
    expect(r.errors[0]).toMatchObject({ row: 2 });
    expect(r.errors[0].message).toMatch(/50 (columns|fields)|columns/i);
  });

  it("refuses a 200 MB upload before reading it all", async () => {
    let sent = 0;
    const chunk = new Uint8Array(1024 * 1024).fill(65);
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 200) return controller.close();
        sent++;
        controller.enqueue(chunk);
      },
    });
    const request = new Request("http://localhost/api/v1/imports/shifts", { method: "POST", body, duplex: "half" } as RequestInit);
    await expect(readBodyText(request, 50 * 1024 * 1024, (n) => `too big: ${n}`)).rejects.toThrow(/too big/);
    expect(sent).toBeLessThan(60);
  });

  // The three uploads that once hung or killed the server: each is refused in one linear
  // pass, naming the row, while other work on the same database goes on.
  it.each([
    ["one 8 MB quoted cell", `agentId,start,end,notes\nAGENT-1001,2026-12-01T09:00Z,2026-12-01T17:00Z,"${"a".repeat(8 * 2 ** 20)}"\n`, /Row 2: the cell in column 4 is longer than 10,000 characters/],
    ["a 10 MB cell of doubled quotes", `agentId,start,end,notes\nAGENT-1001,2026-12-01T09:00Z,2026-12-01T17:00Z,"${'""'.repeat(5 * 2 ** 20)}"\n`, /Row 2: the cell in column 4 is longer/],
    ["a header of 1,000,000 columns", `${Array.from({ length: 1_000_000 }, (_, i) => `c${i}`).join(",")}\n1,2\n`, /Row 1 has more than 200 columns/],
  ])("refuses %s and keeps answering", async (_, text, message) => {
    const other = Promise.all(Array.from({ length: 5 }, () => o.db.select({ n: sql<number>`count(*)::int` }).from(shifts)));
    await expectFileError(o, text, message);
    const counts = await other;
    expect(counts.every(([r]) => r.n === counts[0][0].n)).toBe(true);
  });

  it("lets exactly one of two concurrent overlapping imports in, and books nobody twice", async () => {
    const agents = Array.from({ length: 40 }, (_, i) => `AGENT-${1010 + i}`);
    const file = (from: string, to: string) =>
      ["agentId,start,end,status,siteId", ...agents.map((a) => `${a},2027-02-10T${from}:00Z,2027-02-10T${to}:00Z,DRAFT,`)].join("\n");
    const a = file("09:00", "17:00");
    const b = file("10:00", "18:00");
    const results = await Promise.allSettled([
      importShiftFile(o.db, { fileName: "a.csv", text: a, bytes: a.length, options: opts(), actor }),
      importShiftFile(o.db, { fileName: "b.csv", text: b, bytes: b.length, options: opts(), actor }),
    ]);
    const committed = results.filter((r) => r.status === "fulfilled" && r.value.status === "committed");
    const refused = results.filter((r) => r.status === "rejected");
    const seen = JSON.stringify(results.map((r) => (r.status === "fulfilled" ? r.value.status : String(r.reason))));
    expect(committed, seen).toHaveLength(1);
    expect(refused, seen).toHaveLength(1);
    const reason = (refused[0] as PromiseRejectedResult).reason;
    expect(isAppError(reason) && reason.code === "CONFLICT", String(reason)).toBe(true);
    expect((reason as Error).message).toMatch(/two shifts at once|same agent at the same time/);
    const [{ n }] = await o.db.execute<{ n: number }>(sql`
      select count(*)::int as n from shifts x join shifts y on x.agent_id = y.agent_id and x.id < y.id
        and x.starts_at < y.ends_at and y.starts_at < x.ends_at`).then((r) => (r as unknown as { rows: { n: number }[] }).rows);
    expect(n).toBe(0);
    // The guard is the database's, whatever the writer, and fires even where an import skips the per-row reference checks.
    const guards = await o.db.execute(sql`select tgname from pg_trigger where tgrelid = 'shifts'::regclass and tgname like 'shifts_guard_overlap%' and tgenabled = 'A'`);
    expect((guards as unknown as { rows: unknown[] }).rows).toHaveLength(2);
  });
});
