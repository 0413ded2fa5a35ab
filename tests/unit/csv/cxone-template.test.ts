import { describe, expect, it } from "vitest";
import { buildCxoneTemplate, parseShiftCsv, plainTemplateField, publishStateText, type TemplateShift } from "@/lib/csv";
import { syntheticImportContext } from "@/tests/fixtures/csv/context";

const utc = (iso: string) => Date.parse(iso);
const ctx = syntheticImportContext();

const shifts: TemplateShift[] = [
  {
    agentId: "AGENT-1002",
    username: "agent1002@example.com",
    timeZone: "Europe/London",
    start: utc("2026-03-10T08:00:00Z"),
    end: utc("2026-03-10T16:00:00Z"),
    breaks: [{ startOffsetMinutes: 240, durationMinutes: 30, paid: false }],
    notes: "Covers Sam, late start",
  },
  {
    agentId: "AGENT-1001",
    username: "agent1001@example.com",
    timeZone: "America/New_York",
    start: utc("2026-03-09T13:00:00Z"),
    end: utc("2026-03-09T21:00:00Z"),
    breaks: [
      { startOffsetMinutes: 120, durationMinutes: 15, paid: true },
      { startOffsetMinutes: 240, durationMinutes: 30, paid: false },
    ],
  },
];

describe("CXone shift import template", () => {
  it("writes the template columns on the site's clock with a fixed UTC offset, in start order", () => {
    const t = buildCxoneTemplate(shifts);
    const lines = t.csv.split("\r\n");
    expect(lines[0]).toBe(
      "Username,Shift Start Date and Time,Shift End Date and Time,Local Time Zone,Base Activity Name,Shift Notes," +
        "Activity 1 Name,Activity 1 Start Date and Time,Activity 1 End Date and Time," +
        "Activity 2 Name,Activity 2 Start Date and Time,Activity 2 End Date and Time",
    );
    expect(lines[1]).toBe(
      "agent1001@example.com,03/09/2026 09:00:00,03/09/2026 17:00:00,UTC-04:00,Open,,Break,03/09/2026 11:00:00,03/09/2026 11:15:00,Lunch,03/09/2026 13:00:00,03/09/2026 13:30:00",
    );
    expect(lines[2]).toBe("agent1002@example.com,03/10/2026 08:00:00,03/10/2026 16:00:00,UTC+00:00,Open,Covers Sam; late start,Lunch,03/10/2026 12:00:00,03/10/2026 12:30:00,,,");
    expect(lines[3]).toBe("");
    expect(t.rows).toBe(2);
  });

  it("replaces commas inside fields and lists each field it changed", () => {
    const t = buildCxoneTemplate([{ ...shifts[0], username: "ops,agent1002@example.com", notes: 'Line one,\nsays "hi"' }]);
    expect(t.csv.split("\r\n")[1].split(",")).toHaveLength(9);
    expect(t.warnings.map((w) => [w.row, w.column, w.code, w.after])).toEqual([
      [2, "Username", "COMMA_REPLACED", "ops; agent1002@example.com"],
      [2, "Shift Notes", "COMMA_REPLACED", "Line one; says 'hi'"],
      [2, "Shift Notes", "TEXT_MADE_PLAIN", "Line one; says 'hi'"],
    ]);
    expect(t.warnings[1].message).toBe(
      'Row 2 (Shift Notes): commas replaced by semicolons (the template takes no commas inside fields): "Line one,\nsays "hi"" → "Line one; says \'hi\'".',
    );
    expect(t.instructions).toContain("3 fields were changed to fit the template");
  });

  it("escapes a note a spreadsheet would run as a formula and names an agent without a username", () => {
    const t = buildCxoneTemplate([{ ...shifts[0], username: null, notes: "=HYPERLINK(1)" }]);
    expect(t.warnings.map((w) => [w.column, w.code, w.after])).toEqual([
      ["Username", "NO_USERNAME", "AGENT-1002"],
      ["Shift Notes", "FORMULA_ESCAPED", "'=HYPERLINK(1)"],
    ]);
    expect(plainTemplateField("plain text")).toEqual({ value: "plain text", codes: [] });
  });

  it("reads back through our own import unchanged in agent, instants, breaks and notes", () => {
    const t = buildCxoneTemplate(shifts);
    const r = parseShiftCsv(t.csv, ctx);
    if (!r.ok) throw new Error("template did not parse");
    expect(r.format).toBe("cxone");
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => ({ agentId: x.agentId, start: x.start, end: x.end, breaks: x.breaks.map((b) => [b.startOffsetMinutes, b.durationMinutes]), notes: x.notes }))).toEqual([
      { agentId: "AGENT-1001", start: shifts[1].start, end: shifts[1].end, breaks: [[120, 15], [240, 30]], notes: null },
      { agentId: "AGENT-1002", start: shifts[0].start, end: shifts[0].end, breaks: [[240, 30]], notes: "Covers Sam; late start" },
    ]);
  });

  it("keeps the instants of a shift across a clock change (fixed offset from the start)", () => {
    // New York springs forward at 02:00 local on 8 March 2026.
    const across: TemplateShift = { agentId: "AGENT-1001", username: "agent1001@example.com", timeZone: "America/New_York", start: utc("2026-03-08T05:00:00Z"), end: utc("2026-03-08T13:00:00Z"), breaks: [] };
    const t = buildCxoneTemplate([across]);
    expect(t.csv.split("\r\n")[1]).toBe("agent1001@example.com,03/08/2026 00:00:00,03/08/2026 08:00:00,UTC-05:00,Open,");
    const r = parseShiftCsv(t.csv, ctx);
    if (!r.ok) throw new Error("template did not parse");
    expect(r.rows.map((x) => [x.start, x.end])).toEqual([[across.start, across.end]]);
  });

  it("explains the target unit's publish state", () => {
    expect(publishStateText("unpublished", "Tier 1")).toBe(
      'The scheduling unit "Tier 1" is unpublished: the imported shifts wait in its schedule until a supervisor publishes it; agents see nothing before then.',
    );
    expect(publishStateText("published")).toContain("reach agents at once");
    const t = buildCxoneTemplate(shifts, { publishState: "published", unitName: "Sales" });
    expect(t.publishState).toContain('"Sales" is published');
    expect(t.instructions).toContain(t.publishState);
    expect(buildCxoneTemplate([]).csv).toBe(
      "Username,Shift Start Date and Time,Shift End Date and Time,Local Time Zone,Base Activity Name,Shift Notes\r\n",
    );
  });
});
