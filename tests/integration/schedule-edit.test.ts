import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import type { OpenedDb } from "@/lib/db/client";
import { auditLog, shifts, users } from "@/lib/db/schema";
import type { CurrentUser } from "@/lib/auth/checks";
import type { DemoData } from "@/lib/demo/generate";
import { gridFor } from "@/lib/domain/coverage";
import { SkillCatalog } from "@/lib/domain/skills";
import { instantToLocal } from "@/lib/domain/time";
import type { Shift } from "@/lib/domain/types";
import { getAgents, getSkills } from "@/lib/db/queries/reference";
import { createShiftSchema, editShiftSchema, type ShiftFieldsInput } from "@/lib/schemas/schedule";
import { scheduleCoverage } from "@/lib/services/coverage/schedule";
import { createShift } from "@/lib/services/schedule/create-shift";
import { deleteShift } from "@/lib/services/schedule/delete-shift";
import { editShift } from "@/lib/services/schedule/edit-shift";
import { previewShiftEdit } from "@/lib/services/schedule/preview-shift-edit";
import { getShiftHistory } from "@/lib/services/schedule/shift-history";
import { TEST_DRIVERS } from "./support/db";
import { openSeeded } from "./support/demo";
import { caught } from "./support/errors";

const NY = "America/New_York";
const MIN = 60_000;
const pad = (n: number) => String(n).padStart(2, "0");
/** An instant as the editor's local wall-clock text in `zone`. */
const wall = (ms: number, zone = NY) => {
  const l = instantToLocal(ms, zone);
  return `${l.year}-${pad(l.month)}-${pad(l.day)}T${pad(l.hour)}:${pad(l.minute)}`;
};

describe.each(TEST_DRIVERS)("schedule edits on $name", (driver) => {
  let o: OpenedDb;
  let demo: DemoData;
  let planner: CurrentUser;
  let lonSupervisor: CurrentUser;
  let nycSupervisor: CurrentUser;
  /** A NYC agent's published Wednesday shift, and the agent's other shifts. */
  let target: Shift;

  const fieldsOf = (s: Shift, o: Partial<ShiftFieldsInput> = {}): ShiftFieldsInput =>
    createShiftSchema.parse({ agentId: s.agentId, siteId: s.siteId, start: wall(s.start), end: wall(s.end), timeZone: NY, breaks: s.breaks, skills: s.skills, status: s.status, ...o });
  const row = async (id: string) => (await o.db.select().from(shifts).where(eq(shifts.id, id)))[0];
  const count = async () => (await o.db.select({ n: sql<number>`count(*)::int` }).from(shifts))[0].n;

  beforeAll(async () => {
    ({ opened: o, demo } = await openSeeded(driver.open));
    const user = async (email: string, siteIds: string[]): Promise<CurrentUser> => {
      const [u] = await o.db.select().from(users).where(eq(users.email, email));
      return { id: u.id, email: u.email, name: u.name, role: u.role, siteIds };
    };
    planner = await user("planner@demo.local", []);
    lonSupervisor = await user("supervisor.lon@demo.local", ["LON"]);
    nycSupervisor = await user("supervisor.nyc@demo.local", ["NYC"]);
    const wednesday = Date.parse(`${demo.weekStart}T12:00:00Z`) + 2 * 86_400_000;
    // The demo week is fitted to demand, so many shifts start at the earliest start (06:00 NYC) and
    // some agents work Saturday: name what the tests below need of the shift instead of taking the first.
    const [h, m] = (demo.sites.find((x) => x.id === "NYC")!.laborRules.earliestStartLocal ?? "00:00").split(":").map(Number);
    const startsLateEnough = (s: Shift) => {
      const l = instantToLocal(s.start, NY);
      return l.hour * 60 + l.minute >= h * 60 + m + 30; // room to start 30 minutes earlier
    };
    const saturdayFree = (s: Shift) => !demo.shifts.some((x) => x.agentId === s.agentId && x.start < s.end + 3 * 86_400_000 + 36e6 && x.end > s.start + 3 * 86_400_000 - 36e6);
    target = demo.shifts.find((s) => s.siteId === "NYC" && s.status === "PUBLISHED" && s.start > wednesday - 43_200_000 && s.start < wednesday + 43_200_000 && startsLateEnough(s) && saturdayFree(s))!;
    expect(target).toBeDefined();
  });
  afterAll(() => o.close());

  it("lengthens a published shift by 30 minutes: version moves on, marked changed since publish, audited, in its history", async () => {
    const before = await row(target.id);
    const r = await editShift(o.db, editShiftSchema.parse({ ...fieldsOf(target, { start: wall(target.start - 30 * MIN) }), shiftId: target.id, version: before.version, confirmWarnings: true }), planner, Date.now());
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(r.shift).toMatchObject({ id: target.id, start: target.start - 30 * MIN, end: target.end, version: before.version + 1, changedSincePublish: true, status: "PUBLISHED" });
    const after = await row(target.id);
    expect(after.startsAt.getTime()).toBe(target.start - 30 * MIN);
    const audits = await o.db.select().from(auditLog).where(and(eq(auditLog.action, "shift.updated"), eq(auditLog.entityId, target.id)));
    expect(audits).toHaveLength(1);
    const { history } = await getShiftHistory(o.db, { shiftId: target.id }, planner);
    expect(history[0]).toMatchObject({ actor: "planner@demo.local", action: "shift.updated" });
    expect(history[0].summary).toContain("start");
  });

  it("refuses a stale version with the current values, and stores nothing", async () => {
    const current = await row(target.id);
    const e = await caught(editShift(o.db, { ...fieldsOf(target, { end: wall(target.end + 15 * MIN) }), shiftId: target.id, version: current.version - 1 }, planner, Date.now()));
    expect(e.code).toBe("CONFLICT");
    expect(e.message).toContain("changed by someone else since you opened it");
    expect(e.details?.current).toMatchObject({ id: target.id, version: current.version, start: current.startsAt.getTime() });
    expect((await row(target.id)).endsAt.getTime()).toBe(current.endsAt.getTime());
    const del = await caught(deleteShift(o.db, { shiftId: target.id, version: current.version - 1 }, planner));
    expect(del.code).toBe("CONFLICT");
    expect(await row(target.id)).toBeDefined();
  });

  describe("bad input: a plain message naming the field, nothing stored", () => {
    const free = () => {
      // A day in the week after the demo, when nobody works.
      const start = Date.parse(`${demo.weekStart}T14:00:00Z`) + 14 * 86_400_000;
      return { ...target, id: "new", start, end: start + 8 * 3_600_000, breaks: [], skills: [] } as Shift;
    };
    const cases: [string, () => ShiftFieldsInput, string, string][] = [
      ["a shift ending before it starts", () => fieldsOf(free(), { end: wall(free().start - 60 * MIN) }), "END_BEFORE_START", "end"],
      ["a nonexistent local time (spring forward, 2027-03-14 02:30 New York)", () => fieldsOf(free(), { start: "2027-03-14T02:30", end: "2027-03-14T10:30" }), "NONEXISTENT_TIME", "start"],
      ["a shift overlapping another of the agent", () => fieldsOf(target, { start: wall(target.start + 60 * MIN), end: wall(target.end + 60 * MIN) }), "OVERLAP", "start"],
      ["an unknown agent", () => fieldsOf(free(), { agentId: "AGENT-NOPE" }), "UNKNOWN_AGENT", "agentId"],
      ["an unknown skill", () => fieldsOf(free(), { skills: [{ skillId: "SKILL-NOPE", proficiency: 3 }] }), "UNKNOWN_SKILL", "skills"],
      ["a break outside the shift", () => fieldsOf(free(), { breaks: [{ startOffsetMinutes: 470, durationMinutes: 30, paid: false }] }), "BREAK_OUTSIDE", "breaks"],
    ];
    it.each(cases)("%s", async (_name, input, code, field) => {
      const n = await count();
      const r = await createShift(o.db, input(), planner, Date.now());
      expect(r.shift).toBeNull();
      const f = r.findings.find((x) => x.code === code);
      expect(f, JSON.stringify(r.findings)).toMatchObject({ severity: "error", field });
      expect(f!.message.length).toBeGreaterThan(10);
      expect(await count()).toBe(n);
    });
  });

  it("asks to confirm overtime, then stores the shift and deletes it at its version", async () => {
    // A sixth shift on the demo week's Saturday for the agent: over the contract.
    const saturday = { ...target, start: target.start + 3 * 86_400_000, end: target.end + 3 * 86_400_000, breaks: [], skills: [] };
    expect(demo.shifts.some((s) => s.agentId === target.agentId && s.start < saturday.end + 36e6 && s.end > saturday.start - 36e6)).toBe(false);
    const n = await count();
    const asked = await createShift(o.db, fieldsOf(saturday, { status: "DRAFT" }), planner, Date.now());
    expect(asked.shift).toBeNull();
    expect(asked.findings).toEqual([expect.objectContaining({ severity: "warning", code: "OVERTIME" })]);
    expect(await count()).toBe(n);
    const saved = await createShift(o.db, fieldsOf(saturday, { status: "DRAFT", confirmWarnings: true }), planner, Date.now());
    expect(saved.shift).toMatchObject({ agentId: target.agentId, start: saturday.start, version: 1, status: "DRAFT", changedSincePublish: false });
    expect(await count()).toBe(n + 1);
    await deleteShift(o.db, { shiftId: saved.shift!.id, version: 1 }, planner);
    expect(await count()).toBe(n);
  });

  it("previews the coverage change with the Coverage page's own net numbers", async () => {
    const current = await row(target.id);
    const input = { ...fieldsOf(target, { start: wall(current.startsAt.getTime()), end: wall(current.endsAt.getTime() + 60 * MIN) }), shiftId: target.id };
    const preview = await previewShiftEdit(o.db, input, planner);
    expect(preview.findings.filter((f) => f.severity === "error")).toEqual([]);
    const moved = preview.coverage.filter((d) => d.intervals.length > 0);
    expect(moved.length).toBeGreaterThan(0);
    // The page's numbers for the same intervals, before and after the edit is saved.
    const [agents, skills] = await Promise.all([getAgents(o.db), getSkills(o.db)]);
    const grid = gridFor({ start: current.startsAt.getTime() - 86_400_000, end: current.endsAt.getTime() + 86_400_000 });
    const page = async () => (await scheduleCoverage(o.db, grid, agents, new SkillCatalog(skills))).coverage;
    const at = (c: Awaited<ReturnType<typeof page>>, skillId: string, t: number) => c.get(skillId)!.net[Math.round((t - grid.start) / 900_000)];
    const beforePage = await page();
    for (const d of moved) for (const i of d.intervals) expect(at(beforePage, d.skillId, i.start)).toBeCloseTo(i.before, 3);
    await editShift(o.db, { ...input, version: current.version, confirmWarnings: true }, planner, Date.now());
    const afterPage = await page();
    for (const d of moved) for (const i of d.intervals) expect(at(afterPage, d.skillId, i.start)).toBeCloseTo(i.after, 3);
    expect(moved.some((d) => d.shortfallHoursAfter <= d.shortfallHoursBefore)).toBe(true);
  });

  it("refuses a supervisor: no edit anywhere, history only on their own sites", async () => {
    const e = await caught(createShift(o.db, fieldsOf(target), lonSupervisor, Date.now()));
    expect(e.code).toBe("FORBIDDEN");
    const current = await row(target.id);
    expect((await caught(editShift(o.db, { ...fieldsOf(target), shiftId: target.id, version: current.version }, nycSupervisor, Date.now()))).code).toBe("FORBIDDEN");
    expect((await caught(getShiftHistory(o.db, { shiftId: target.id }, lonSupervisor))).code).toBe("SITE_FORBIDDEN");
    expect((await getShiftHistory(o.db, { shiftId: target.id }, nycSupervisor)).shift.id).toBe(target.id);
  });
});
