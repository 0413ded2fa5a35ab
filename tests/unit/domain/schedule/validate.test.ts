import { describe, expect, it } from "vitest";
import { candidateShift, resolveShiftTimes, validateShiftEdit, type ShiftEditCandidate, type ShiftEditContext } from "@/lib/domain/schedule";
import { SkillCatalog } from "@/lib/domain/skills";
import { DEFAULT_LABOR_RULES, type Agent, type LaborRules, type Shift, type Site } from "@/lib/domain/types";

const site = (id: string, timeZone: string, rules: Partial<LaborRules> = {}): Site => ({ id, name: id, timeZone, laborRules: { ...DEFAULT_LABOR_RULES, ...rules } });
const NYC = site("NYC", "America/New_York");
const catalog = new SkillCatalog([
  { id: "SALES", name: "Sales", parentId: null, equivalenceGroup: null },
  { id: "SALES_PREMIUM", name: "Sales premium", parentId: "SALES", equivalenceGroup: null },
  { id: "SUPPORT", name: "Support", parentId: null, equivalenceGroup: null },
]);
const agent = (o: Partial<Agent> = {}): Agent => ({
  id: "ana",
  username: "ana",
  name: "Ana",
  homeSiteId: "NYC",
  timeZone: "America/New_York",
  skills: [{ skillId: "SALES_PREMIUM", proficiency: 4 }],
  attributes: {},
  hireDate: "2020-01-01",
  performanceRank: 1,
  contractHoursPerWeek: 40,
  availability: [],
  ...o,
});
const edit = (o: Partial<ShiftEditCandidate> = {}): ShiftEditCandidate => ({
  shiftId: null,
  agentId: "ana",
  siteId: "NYC",
  start: "2026-12-07T09:00",
  end: "2026-12-07T17:00",
  timeZone: "America/New_York",
  breaks: [],
  skills: [],
  status: "DRAFT",
  ...o,
});
/** A stored shift of ana from local New York wall times. */
const stored = (id: string, start: string, end: string, o: Partial<Shift> = {}): Shift => {
  const s = candidateShift(edit({ start, end }))!;
  return { ...s, id, status: "PUBLISHED", ...o };
};
const ctx = (o: Partial<ShiftEditContext> = {}): ShiftEditContext => ({ agent: agent(), homeSite: NYC, site: NYC, catalog, neighbours: [], ...o });
const codes = (c: ShiftEditCandidate, x: ShiftEditContext = ctx()) => validateShiftEdit(c, x).map((f) => `${f.severity}:${f.code}:${f.field}`);

describe("validateShiftEdit", () => {
  it("passes a plain 8-hour day shift with a lunch", () => {
    expect(validateShiftEdit(edit({ breaks: [{ startOffsetMinutes: 240, durationMinutes: 30, paid: false }] }), ctx())).toEqual([]);
  });

  it("refuses an end before the start, naming the end field", () => {
    const [f] = validateShiftEdit(edit({ end: "2026-12-07T08:00" }), ctx());
    expect(f).toMatchObject({ severity: "error", code: "END_BEFORE_START", field: "end" });
    expect(f.message).toContain("before it starts");
  });

  it("refuses 02:30 on the spring-forward Sunday in New York (the clocks skip it)", () => {
    const [f] = validateShiftEdit(edit({ start: "2026-03-08T02:30", end: "2026-03-08T10:30" }), ctx());
    expect(f).toMatchObject({ severity: "error", code: "NONEXISTENT_TIME", field: "start" });
    expect(f.message).toBe("Start: 02:30 does not exist on 2026-03-08 in America/New_York (the clocks skip that hour); choose another time.");
  });

  it("takes the earlier 01:30 on the fall-back Sunday (EDT, UTC−4)", () => {
    const t = resolveShiftTimes({ start: "2026-11-01T01:30", end: "2026-11-01T09:30", timeZone: "America/New_York" });
    expect(t).toEqual({ ok: true, start: Date.UTC(2026, 10, 1, 5, 30), end: Date.UTC(2026, 10, 1, 14, 30) });
  });

  it("counts length on instants across the fall-back night: 22:00–06:00 lasts 9 h", () => {
    expect(codes(edit({ start: "2026-10-31T22:00", end: "2026-11-01T06:00" }), ctx({ site: site("NYC", "America/New_York", { maxShiftHours: 8.5 }) }))).toContain("error:MAX_LENGTH:end");
  });

  it("refuses shifts shorter or longer than the site allows (import's wording)", () => {
    const [short] = validateShiftEdit(edit({ end: "2026-12-07T11:00" }), ctx());
    expect(short).toMatchObject({ code: "MIN_LENGTH", field: "end", message: "End: the shift lasts 2 h, shorter than the 4 h minimum at site NYC." });
    expect(codes(edit({ end: "2026-12-07T20:00" }))).toContain("error:MAX_LENGTH:end");
  });

  it("refuses an overlap with another shift of the agent, but not with the shift being edited", () => {
    const other = stored("s1", "2026-12-07T13:00", "2026-12-07T21:00");
    expect(codes(edit(), ctx({ neighbours: [other] }))).toContain("error:OVERLAP:start");
    expect(codes(edit({ shiftId: "s1" }), ctx({ neighbours: [other] }))).toEqual([]);
  });

  it("refuses a night shift across midnight that leaves less than the minimum rest before the next morning", () => {
    const next = stored("s2", "2026-12-08T10:00", "2026-12-08T18:00");
    const findings = validateShiftEdit(edit({ start: "2026-12-07T18:00", end: "2026-12-08T02:00" }), ctx({ neighbours: [next] }));
    // Closer than the minimum rest, the two shifts also join one 16-hour stretch (the trade engine's definition).
    expect(findings.map((f) => `${f.code}:${f.field}`)).toEqual(["REST:end", "CONSECUTIVE_HOURS:end"]);
    expect(findings[0].message).toContain("rest only 8 h");
  });

  it("refuses more paid hours in one home-zone day than the maximum", () => {
    const early = stored("s3", "2026-12-07T00:00", "2026-12-07T04:00");
    const x = ctx({ homeSite: site("NYC", "America/New_York", { maxDailyHours: 10, minRestHours: 1, maxShiftsPerDay: 2, maxConsecutiveHours: 24 }), neighbours: [early] });
    expect(codes(edit({ start: "2026-12-07T10:00", end: "2026-12-07T18:00" }), x)).toEqual(["error:DAILY_HOURS:end"]);
  });

  it("counts starts per day in the agent's home zone, not the site's: a Manila agent on New York shifts", () => {
    // 06:00 and 19:00 New York on the 7th are 19:00 on the 7th and 08:00 on the 8th in Manila.
    const morning = stored("s4", "2026-12-07T06:00", "2026-12-07T10:00");
    const evening = edit({ start: "2026-12-07T19:00", end: "2026-12-07T23:00" });
    const manila = ctx({ agent: agent({ homeSiteId: "MNL", timeZone: "Asia/Manila" }), homeSite: site("MNL", "Asia/Manila", { minRestHours: 1 }), neighbours: [morning] });
    expect(codes(evening, manila)).toEqual([]);
    const newYork = ctx({ homeSite: site("NYC", "America/New_York", { minRestHours: 1 }), neighbours: [morning] });
    expect(codes(evening, newYork)).toEqual(["error:STARTS_PER_DAY:start"]);
  });

  it("sums the week in the home zone: Sunday 22:00 New York belongs to the week that began Monday, not the next", () => {
    // Mon–Fri 10 h each = 50 h; a Sunday-evening shift (ending 03:00 UTC Monday) still belongs to that New York week and goes over the 50 h cap.
    const days = ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"].map((d, i) => stored(`w${i}`, `${d}T08:00`, `${d}T18:00`));
    const home = site("NYC", "America/New_York", { maxWeeklyHours: 50, maxConsecutiveHours: 24, maxShiftHours: 10 });
    const f = validateShiftEdit(edit({ start: "2026-12-06T16:00", end: "2026-12-06T22:00" }), ctx({ homeSite: home, site: home, neighbours: days }));
    expect(f.map((x) => x.code).sort()).toEqual(["OVERTIME", "WEEKLY_HOURS"]);
    expect(f.find((x) => x.code === "WEEKLY_HOURS")?.message).toContain("week of 2026-11-30 (America/New_York)");
    // The next morning (Monday 7 Dec) starts a new home-zone week.
    const next = validateShiftEdit(edit({ start: "2026-12-07T16:00", end: "2026-12-07T22:00" }), ctx({ homeSite: home, site: home, neighbours: days }));
    expect(next.some((x) => x.code === "WEEKLY_HOURS")).toBe(false);
  });

  it("warns (does not refuse) on overtime over the contract", () => {
    const week = ["2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10", "2026-12-11"].map((d, i) => stored(`o${i}`, `${d}T09:00`, `${d}T17:00`));
    const f = validateShiftEdit(edit({ start: "2026-12-12T09:00", end: "2026-12-12T17:00" }), ctx({ neighbours: week }));
    expect(f).toEqual([expect.objectContaining({ severity: "warning", code: "OVERTIME", field: "end" })]);
    expect(f[0].message).toContain("8 h over the 40 h contract");
  });

  it("refuses breaks outside the shift and breaks that overlap each other", () => {
    expect(codes(edit({ breaks: [{ startOffsetMinutes: 470, durationMinutes: 30, paid: false }] }))).toEqual(["error:BREAK_OUTSIDE:breaks"]);
    expect(
      codes(edit({ breaks: [{ startOffsetMinutes: 120, durationMinutes: 30, paid: false }, { startOffsetMinutes: 140, durationMinutes: 15, paid: true }] })),
    ).toEqual(["error:BREAK_OVERLAP:breaks"]);
  });

  it("refuses unknown skills and skills the agent lacks; a child skill serves its parent", () => {
    expect(codes(edit({ skills: [{ skillId: "NOPE", proficiency: 3 }] }))).toEqual(["error:UNKNOWN_SKILL:skills"]);
    expect(codes(edit({ skills: [{ skillId: "SUPPORT", proficiency: 3 }] }))).toEqual(["error:SKILL_NOT_HELD:skills"]);
    expect(codes(edit({ skills: [{ skillId: "SALES", proficiency: 3 }] }))).toEqual([]);
  });

  it("names an unknown agent and an unknown site by their fields", () => {
    expect(codes(edit({ agentId: "ghost", siteId: "XXX" }), ctx({ agent: undefined, homeSite: undefined, site: undefined }))).toEqual([
      "error:UNKNOWN_AGENT:agentId",
      "error:UNKNOWN_SITE:siteId",
    ]);
  });

  it("refuses a start before the home site's earliest start", () => {
    const home = site("NYC", "America/New_York", { earliestStartLocal: "06:00" });
    expect(codes(edit({ start: "2026-12-07T05:30", end: "2026-12-07T13:30" }), ctx({ homeSite: home }))).toEqual(["error:EARLIEST_START:start"]);
  });

  it("refuses a malformed time and an unknown zone", () => {
    expect(codes(edit({ start: "2026-02-30T09:00" }))).toEqual(["error:BAD_TIME:start"]);
    expect(codes(edit({ timeZone: "Mars/Olympus" }))).toEqual(["error:BAD_TIME_ZONE:timeZone"]);
  });
});
