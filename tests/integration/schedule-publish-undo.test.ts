import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, inArray, sql } from "drizzle-orm";
import type { OpenedDb } from "@/lib/db/client";
import { auditLog, imports, shifts, users } from "@/lib/db/schema";
import type { CurrentUser } from "@/lib/auth/checks";
import { publishSelectionSchema } from "@/lib/schemas/schedule";
import { importShiftFile } from "@/lib/services/imports/shifts";
import { editShift } from "@/lib/services/schedule/edit-shift";
import { previewPublish } from "@/lib/services/schedule/preview-publish";
import { publishShifts } from "@/lib/services/schedule/publish-shifts";
import { undoImport } from "@/lib/services/schedule/undo-import";
import { requestTrade } from "@/lib/services/trades/request";
import { TEST_DRIVERS } from "./support/db";
import { openSeeded } from "./support/demo";
import { caught } from "./support/errors";

const HEADER = "agentId,start,end,skills,status,breaks,siteId,notes";
const NOW = Date.parse("2026-11-28T00:00:00Z");

describe.each(TEST_DRIVERS)("publish and undo on $name", (driver) => {
  let o: OpenedDb;
  let planner: CurrentUser;
  let supervisor: CurrentUser;
  const actor = { id: null, label: "planner@demo.local" };

  const importRows = async (rows: string[], overwriteConflicts = false) => {
    const text = [HEADER, ...rows].join("\n");
    const r = await importShiftFile(o.db, { fileName: "week.csv", text, bytes: text.length, options: { dryRun: false, overwriteConflicts, onlyValidRows: false }, actor });
    expect(r.errors).toEqual([]);
    expect(r.status).toBe("committed");
    return r.importId!;
  };
  const ofImport = (importId: string) => o.db.select().from(shifts).where(eq(shifts.importId, importId)).orderBy(shifts.startsAt);
  const count = async () => (await o.db.select({ n: sql<number>`count(*)::int` }).from(shifts))[0].n;

  beforeAll(async () => {
    ({ opened: o } = await openSeeded(driver.open));
    const user = async (email: string, siteIds: string[]): Promise<CurrentUser> => {
      const [u] = await o.db.select().from(users).where(eq(users.email, email));
      return { id: u.id, email: u.email, name: u.name, role: u.role, siteIds };
    };
    planner = await user("planner@demo.local", []);
    supervisor = await user("supervisor.nyc@demo.local", ["NYC"]);
  });
  afterAll(() => o.close());

  it("previews then publishes exactly an import's drafts, audited; a second publish is refused as nothing", async () => {
    const importId = await importRows([
      "AGENT-1001,2026-12-08T09:00:00-05:00,2026-12-08T17:00:00-05:00,,DRAFT,+240/30,NYC,",
      "AGENT-1002,2026-12-08T10:00:00-05:00,2026-12-08T18:00:00-05:00,,DRAFT,,NYC,",
      "AGENT-1121,2026-12-08T08:00:00Z,2026-12-08T16:00:00Z,,DRAFT,,LON,",
    ]);
    const preview = await previewPublish(o.db, publishSelectionSchema.parse({ importId }), planner);
    expect(preview).toMatchObject({ shifts: 3, agents: 3, paidHours: 23.5 });
    expect(preview.bySite).toEqual([
      { siteId: "LON", shifts: 1, agents: 1, paidHours: 8 },
      { siteId: "NYC", shifts: 2, agents: 2, paidHours: 15.5 },
    ]);
    const result = await publishShifts(o.db, publishSelectionSchema.parse({ importId, shiftIds: preview.shiftIds }), planner, NOW);
    expect(result).toEqual({ published: 3 });
    const rows = await ofImport(importId);
    expect(rows.map((r) => [r.status, r.version, r.changedSincePublish, r.publishedAt?.getTime()])).toEqual(rows.map(() => ["PUBLISHED", 2, false, NOW]));
    const [audit] = await o.db.select().from(auditLog).where(eq(auditLog.action, "schedule.published"));
    expect(audit.details).toMatchObject({ shifts: 3, agents: 3, shiftIds: preview.shiftIds });

    const again = await caught(publishShifts(o.db, publishSelectionSchema.parse({ importId }), planner, NOW));
    expect(again.code).toBe("VALIDATION");
    expect(again.message).toMatch(/^Nothing to publish/);
    // A range with no drafts in it is nothing too.
    expect((await caught(publishShifts(o.db, publishSelectionSchema.parse({ from: "2027-06-01", to: "2027-06-07", siteId: "NYC" }), planner, NOW))).message).toMatch(/^Nothing to publish/);
    // A published shift changed since is publishable again, and loses its mark on publish.
    const ana = rows.find((r) => r.agentId === "AGENT-1001")!;
    const edited = await editShift(
      o.db,
      { shiftId: ana.id, version: 2, agentId: "AGENT-1001", siteId: "NYC", start: "2026-12-08T09:00", end: "2026-12-08T17:30", timeZone: "America/New_York", breaks: ana.breaks, skills: [], status: "PUBLISHED", confirmWarnings: true },
      planner,
      NOW,
    );
    expect(edited.shift, JSON.stringify(edited.findings)).toMatchObject({ changedSincePublish: true, version: 3 });
    expect((await previewPublish(o.db, publishSelectionSchema.parse({ importId }), planner)).shiftIds).toEqual([ana.id]);
    await publishShifts(o.db, publishSelectionSchema.parse({ importId }), planner, NOW);
    expect((await ofImport(importId)).find((r) => r.id === ana.id)).toMatchObject({ changedSincePublish: false, version: 4 });
  });

  it("refuses a publish with nothing chosen, and a supervisor", async () => {
    expect(publishSelectionSchema.safeParse({ siteId: "NYC" }).success).toBe(false);
    expect((await caught(previewPublish(o.db, { siteId: "NYC", from: "2026-12-01", to: "2026-12-07" }, supervisor))).code).toBe("FORBIDDEN");
    expect((await caught(publishShifts(o.db, { siteId: "NYC", from: "2026-12-01", to: "2026-12-07" }, supervisor, NOW))).code).toBe("FORBIDDEN");
    expect((await caught(undoImport(o.db, { importId: "00000000-0000-4000-8000-000000000000" }, supervisor, NOW))).code).toBe("FORBIDDEN");
  });

  it("undoes a published import (nothing edited): its shifts go, counts return, audited; a second undo is refused", async () => {
    const before = await count();
    const importId = await importRows([
      "AGENT-1003,2026-12-09T09:00:00-05:00,2026-12-09T17:00:00-05:00,,DRAFT,,NYC,",
      "AGENT-1004,2026-12-09T09:00:00-05:00,2026-12-09T17:00:00-05:00,,PUBLISHED,,NYC,",
    ]);
    await publishShifts(o.db, { importId }, planner, NOW);
    expect(await count()).toBe(before + 2);
    expect(await undoImport(o.db, { importId }, planner, NOW)).toEqual({ importId, removed: 2, restored: 0 });
    expect(await count()).toBe(before);
    const [imp] = await o.db.select().from(imports).where(eq(imports.id, importId));
    expect(imp.undoneAt?.getTime()).toBe(NOW);
    expect(await o.db.select().from(auditLog).where(eq(auditLog.action, "import.undone"))).toEqual([expect.objectContaining({ entityId: importId, details: { removed: 2, restored: 0, fileName: "week.csv" } })]);
    const again = await caught(undoImport(o.db, { importId }, planner, NOW));
    expect(again).toMatchObject({ code: "CONFLICT" });
    expect(again.message).toContain("already undone");
  });

  it("undo after an overwrite restores the replaced rows exactly", async () => {
    const first = await importRows(["AGENT-1005,2026-12-10T09:00:00-05:00,2026-12-10T17:00:00-05:00,SKILL-EN-TECH-SUPPORT:4,DRAFT,+120/15,NYC,keep me"]);
    await publishShifts(o.db, { importId: first }, planner, NOW);
    const [original] = await ofImport(first);
    const before = await count();
    const second = await importRows(["AGENT-1005,2026-12-10T11:00:00-05:00,2026-12-10T19:00:00-05:00,,DRAFT,,NYC,"], true);
    expect(await ofImport(first)).toEqual([]);
    expect(await count()).toBe(before);
    expect(await undoImport(o.db, { importId: second }, planner, NOW)).toEqual({ importId: second, removed: 1, restored: 1 });
    const [restored] = await o.db.select().from(shifts).where(eq(shifts.id, original.id));
    expect(restored).toEqual(original);
    expect(await count()).toBe(before);
  });

  it("refuses to undo an import one of whose shifts was edited since, naming it; nothing changes", async () => {
    const importId = await importRows([
      "AGENT-1006,2026-12-11T09:00:00-05:00,2026-12-11T17:00:00-05:00,,DRAFT,,NYC,",
      "AGENT-1007,2026-12-11T09:00:00-05:00,2026-12-11T17:00:00-05:00,,DRAFT,,NYC,",
    ]);
    const [a] = await ofImport(importId);
    await editShift(o.db, { shiftId: a.id, version: 1, agentId: a.agentId, siteId: "NYC", start: "2026-12-11T09:00", end: "2026-12-11T16:00", timeZone: "America/New_York", breaks: [], skills: [], status: "DRAFT", confirmWarnings: true }, planner, NOW);
    const before = await count();
    const e = await caught(undoImport(o.db, { importId }, planner, NOW));
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toMatch(/cannot be undone: 1 of its shifts was changed since it was imported .*Nothing was changed\.$/);
    expect(await count()).toBe(before);
    const [imp] = await o.db.select().from(imports).where(eq(imports.id, importId));
    expect(imp.undoneAt).toBeNull();
  });

  it("refuses to undo an import after a later trade of one of its shifts", async () => {
    const importId = await importRows(["AGENT-1008,2026-12-12T09:00:00-05:00,2026-12-12T17:00:00-05:00,,PUBLISHED,,NYC,"]);
    const [s] = await ofImport(importId);
    const trade = await requestTrade(o.db, { kind: "oneSided", initiatorAgentId: "AGENT-1008", initiatorShiftId: s.id, receiverAgentId: "AGENT-1009", initiatorShiftVersion: 1 }, actor, NOW);
    expect(["Approved", "PendingReview", "Denied"]).toContain(trade.status);
    const before = await o.db.select().from(shifts).where(inArray(shifts.id, [s.id]));
    const e = await caught(undoImport(o.db, { importId }, planner, NOW));
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toMatch(/cannot be undone: shift .* (was traded since|is in an open trade request|is named in a trade request)/);
    expect(await o.db.select().from(shifts).where(inArray(shifts.id, [s.id]))).toEqual(before);
  });
});
