import { describe, expect, it } from "vitest";
import { parseShiftCsv, structuralImportContext, type ShiftParseResult } from "@/lib/csv";
import { syntheticImportContext } from "@/tests/fixtures/csv/context";
import { csv, fixture } from "@/tests/fixtures/csv/files";

const ctx = syntheticImportContext();
const utc = (iso: string) => Date.parse(iso);

function parsed(r: ShiftParseResult) {
  if (!r.ok) throw new Error(`expected a parse, got ${JSON.stringify(r)}`);
  return r;
}

/** One canonical row under a fixed header. */
const HEADER = "agentId,start,end,skills,status,breaks,siteId,notes";
function one(row: string, c = ctx) {
  return parsed(parseShiftCsv(csv(HEADER, row), c));
}

describe("canonical CSV", () => {
  const expectIsoFixture = (r: ReturnType<typeof parsed>, newline = "\n") => {
    expect(r.format).toBe("canonical");
    expect(r.errors).toEqual([]);
    expect(r.rowCount).toBe(4);
    expect(r.rows.map((x) => x.row)).toEqual([2, 3, 4, 5]);
    const [a, b, c, d] = r.rows;
    expect(a).toMatchObject({
      agentId: "AGENT-1001",
      siteId: "NYC",
      start: utc("2026-03-09T13:00:00Z"),
      end: utc("2026-03-09T21:00:00Z"),
      skills: [
        { skillId: "SKILL_SALES", proficiency: 4 },
        { skillId: "SKILL_SALES_PREMIUM", proficiency: 3 },
      ],
      status: "PUBLISHED",
      breaks: [
        { startOffsetMinutes: 120, durationMinutes: 15, paid: true },
        { startOffsetMinutes: 240, durationMinutes: 30, paid: false },
      ],
      notes: null,
    });
    expect(b).toMatchObject({ agentId: "AGENT-1002", siteId: "LON", status: "DRAFT", notes: "Covers Sam, late start" });
    expect(c).toMatchObject({ siteId: "MNL", start: utc("2026-03-08T23:00:00Z"), status: "DRAFT", notes: `Line one${newline}line two` });
    expect(d).toMatchObject({ agentId: "AGENT-1004", status: "PUBLISHED", notes: 'She said "hi"' });
    expect(a.sourceHash).toMatch(/^s1-[0-9a-f]{14}$/);
  };

  it("reads ISO 8601 instants with offsets, quoted commas, newlines and quotes", () => {
    expectIsoFixture(parsed(parseShiftCsv(fixture("canonical-iso.csv"), ctx)));
  });

  it("reads the same file with a BOM and CRLF line ends", () => {
    const r = parsed(parseShiftCsv(fixture("canonical-bom-crlf.csv"), ctx));
    expect(r.headers[0]).toBe("agentId");
    expectIsoFixture(r, "\r\n");
  });

  it("detects a semicolon delimiter", () => {
    const r = parsed(parseShiftCsv(fixture("canonical-semicolon.csv"), ctx));
    expect(r.delimiter).toBe(";");
    expectIsoFixture(r);
  });

  it("detects a tab delimiter", () => {
    const r = parsed(parseShiftCsv(fixture("canonical-tab.tsv"), ctx));
    expect(r.delimiter).toBe("\t");
    expectIsoFixture(r);
  });

  it("reads local times in the timeZone column, the row's site or the agent's home site", () => {
    const r = parsed(parseShiftCsv(fixture("canonical-local.csv"), ctx));
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => [x.agentId, x.siteId, new Date(x.start).toISOString(), new Date(x.end).toISOString()])).toEqual([
      ["AGENT-1001", "NYC", "2026-03-09T13:00:00.000Z", "2026-03-09T21:00:00.000Z"],
      ["AGENT-1002", "LON", "2026-03-09T08:00:00.000Z", "2026-03-09T16:00:00.000Z"],
      ["AGENT-1003", "MNL", "2026-03-09T03:30:00.000Z", "2026-03-09T07:30:00.000Z"],
      ["AGENT-1004", "LON", "2026-07-01T08:00:00.000Z", "2026-07-01T16:00:00.000Z"],
    ]);
  });

  it("skips blank lines (and rows of empty cells) but keeps the spreadsheet row numbers", () => {
    const text = csv(HEADER, "", "AGENT-1001,2026-03-09T09:00-04:00,2026-03-09T17:00-04:00,,,,,", ",,,,,,,", "AGENT-1002,2026-03-09T08:00Z,2026-03-09T16:00Z,,,,,");
    const r = parsed(parseShiftCsv(text, ctx));
    expect(r.rowCount).toBe(2);
    expect(r.rows.map((x) => x.row)).toEqual([3, 5]);
  });

  it("warns about columns it ignores", () => {
    const r = parsed(parseShiftCsv(csv("agentId,start,end,Team", "AGENT-1001,2026-03-09T09:00-04:00,2026-03-09T17:00-04:00,Blue"), ctx));
    expect(r.rows).toHaveLength(1);
    expect(r.warnings).toEqual([expect.objectContaining({ row: 1, column: "Team", code: "IGNORED_COLUMN" })]);
  });

  it("defaults status to DRAFT and the site to the agent's home site", () => {
    const r = one("AGENT-1002,2026-03-09T08:00Z,2026-03-09T16:00Z,,,,,");
    expect(r.rows[0]).toMatchObject({ status: "DRAFT", siteId: "LON", skills: [], breaks: [], notes: null });
  });

  it("keeps a formula in notes as plain text", () => {
    const formula = '=HYPERLINK("http://evil.example","click")';
    const r = one(`AGENT-1001,2026-03-09T09:00-04:00,2026-03-09T17:00-04:00,,,,,"${formula.replace(/"/g, '""')}"`);
    expect(r.rows[0].notes).toBe(formula);
    const r2 = one("AGENT-1001,2026-03-09T09:00-04:00,2026-03-09T17:00-04:00,,,,,@SUM(1+1)");
    expect(r2.rows[0].notes).toBe("@SUM(1+1)");
  });

  it("gives the same sourceHash for the same agent, start and end", () => {
    const a = one("AGENT-1001,2026-03-09T09:00-04:00,2026-03-09T17:00-04:00,,PUBLISHED,,,");
    const b = one("AGENT-1001,2026-03-09T13:00:00Z,2026-03-09T21:00:00.000Z,SKILL_SALES,,,,note");
    const c = one("AGENT-1001,2026-03-09T13:00:00Z,2026-03-09T21:15:00Z,,,,,");
    expect(a.rows[0].sourceHash).toBe(b.rows[0].sourceHash);
    expect(c.rows[0].sourceHash).not.toBe(a.rows[0].sourceHash);
  });

  it("reports progress every 5,000 rows and at the end", () => {
    const lines = [HEADER];
    for (let i = 0; i < 12_000; i++) {
      const day = new Date(Date.UTC(2026, 1, 1) + Math.floor(i / 300) * 86_400_000).toISOString().slice(0, 10);
      lines.push(`AGENT-${1001 + (i % 300)},${day}T09:00:00Z,${day}T17:00:00Z,,,,,`);
    }
    const seen: number[] = [];
    const r = parsed(parseShiftCsv(csv(...lines), ctx, { onProgress: (n) => seen.push(n) }));
    expect(r.rows).toHaveLength(12_000);
    expect(seen).toEqual([5_000, 10_000, 12_000]);
  });
});

describe("row errors name the row and the column as written", () => {
  const only = (r: ReturnType<typeof parsed>) => {
    expect(r.errors).toHaveLength(1);
    return r.errors[0];
  };

  it("UNKNOWN_AGENT", () => {
    const e = only(one("AGENT-9999,2026-03-09T09:00-04:00,2026-03-09T17:00-04:00,,,,,"));
    expect(e).toEqual({ row: 2, column: "agentId", value: "AGENT-9999", code: "UNKNOWN_AGENT", message: 'Row 2: unknown agent "AGENT-9999".' });
  });

  it("UNKNOWN_SITE", () => {
    expect(only(one("AGENT-1001,2026-03-09T09:00-04:00,2026-03-09T17:00-04:00,,,,PAR,"))).toMatchObject({
      row: 2,
      column: "siteId",
      value: "PAR",
      code: "UNKNOWN_SITE",
    });
  });

  it("UNKNOWN_SKILL names every unknown skill", () => {
    const e = only(one("AGENT-1001,2026-03-09T09:00-04:00,2026-03-09T17:00-04:00,SKILL_SALES;SKILL_FR;SKILL_DE:2,,,,"));
    expect(e).toMatchObject({ row: 2, column: "skills", code: "UNKNOWN_SKILL", message: "Row 2: unknown skills SKILL_FR, SKILL_DE." });
  });

  it("matches skill ids case-insensitively to the catalog's spelling", () => {
    const r = one("AGENT-1001,2026-03-09T09:00-04:00,2026-03-09T17:00-04:00,skill_sales:5,,,,");
    expect(r.rows[0].skills).toEqual([{ skillId: "SKILL_SALES", proficiency: 5 }]);
  });

  it("reads named proficiencies in any case beside levels 1–5 (BEGINNER 2 … EXPERT 5)", () => {
    const r = one("AGENT-1001,2026-03-09T09:00-04:00,2026-03-09T17:00-04:00,SKILL-EN-TECH-SUPPORT:ADVANCED;SKILL_SALES:expert;SKILL_SALES_US: Beginner,,,,");
    expect(r.rows[0].skills).toEqual([
      { skillId: "SKILL-EN-TECH-SUPPORT", proficiency: 4 },
      { skillId: "SKILL_SALES", proficiency: 5 },
      { skillId: "SKILL_SALES_US", proficiency: 2 },
    ]);
    const bad = only(one("AGENT-1001,2026-03-09T09:00-04:00,2026-03-09T17:00-04:00,SKILL_SALES:GURU,,,,"));
    expect(bad).toMatchObject({ code: "BAD_SKILLS", column: "skills" });
    expect(bad.message).toContain("SKILL_ID:1–5 or SKILL_ID:BEGINNER|INTERMEDIATE|ADVANCED|EXPERT");
  });

  it("BAD_SKILLS for a proficiency outside 1–5 or a skill listed twice", () => {
    expect(only(one("AGENT-1001,2026-03-09T09:00-04:00,2026-03-09T17:00-04:00,SKILL_SALES:7,,,,"))).toMatchObject({ code: "BAD_SKILLS", column: "skills" });
    expect(only(one("AGENT-1001,2026-03-09T09:00-04:00,2026-03-09T17:00-04:00,SKILL_SALES;SKILL_SALES:2,,,,"))).toMatchObject({ code: "BAD_SKILLS" });
  });

  it("END_NOT_AFTER_START on the end column", () => {
    const e = only(one("AGENT-1001,2026-03-09T17:00-04:00,2026-03-09T09:00-04:00,,,,,"));
    expect(e).toMatchObject({ row: 2, column: "end", value: "2026-03-09T09:00-04:00", code: "END_NOT_AFTER_START" });
    expect(e.message).toBe("Row 2: the shift ends (2026-03-09 13:00 UTC) before it starts (2026-03-09 21:00 UTC).");
  });

  it("SHIFT_TOO_LONG and SHIFT_TOO_SHORT against the site's labor rules", () => {
    const long = only(one("AGENT-1001,2026-03-09T06:00-04:00,2026-03-09T19:30-04:00,,,,,"));
    expect(long).toMatchObject({ row: 2, column: "end", code: "SHIFT_TOO_LONG" });
    expect(long.message).toBe("Row 2: the shift lasts 13 h 30 min, longer than the 12 h maximum at site NYC.");
    expect(only(one("AGENT-1001,2026-03-09T09:00-04:00,2026-03-09T10:00-04:00,,,,,"))).toMatchObject({ code: "SHIFT_TOO_SHORT" });
    // Exactly at the bounds is fine.
    expect(one("AGENT-1001,2026-03-09T06:00-04:00,2026-03-09T18:00-04:00,,,,,").errors).toEqual([]);
    expect(one("AGENT-1001,2026-03-09T09:00-04:00,2026-03-09T11:00-04:00,,,,,").errors).toEqual([]);
  });

  it("BREAK_OUTSIDE_SHIFT, BREAK_OVERLAP and BAD_BREAKS", () => {
    expect(only(one("AGENT-1001,2026-03-09T09:00-04:00,2026-03-09T17:00-04:00,,,+470/15,,"))).toMatchObject({
      row: 2,
      column: "breaks",
      code: "BREAK_OUTSIDE_SHIFT",
      message: "Row 2: break +470/15 ends after the shift, which lasts 8 h.",
    });
    expect(only(one("AGENT-1001,2026-03-09T09:00-04:00,2026-03-09T17:00-04:00,,,+240/30;+120/30;+140/15,,"))).toMatchObject({
      code: "BREAK_OVERLAP",
      message: "Row 2: breaks +120/30 and +140/15 overlap.",
    });
    expect(only(one("AGENT-1001,2026-03-09T09:00-04:00,2026-03-09T17:00-04:00,,,120-15,,"))).toMatchObject({ code: "BAD_BREAKS", value: "120-15" });
    // A break may end exactly when the shift does.
    expect(one("AGENT-1001,2026-03-09T09:00-04:00,2026-03-09T17:00-04:00,,,+450/30,,").errors).toEqual([]);
  });

  it("BAD_STATUS", () => {
    expect(only(one("AGENT-1001,2026-03-09T09:00-04:00,2026-03-09T17:00-04:00,,LIVE,,,"))).toMatchObject({ column: "status", code: "BAD_STATUS", value: "LIVE" });
  });

  it("NOTES_TOO_LONG beyond 500 characters", () => {
    const ok = one(`AGENT-1001,2026-03-09T09:00-04:00,2026-03-09T17:00-04:00,,,,,${"x".repeat(500)}`);
    expect(ok.errors).toEqual([]);
    const e = only(one(`AGENT-1001,2026-03-09T09:00-04:00,2026-03-09T17:00-04:00,,,,,${"x".repeat(501)}`));
    expect(e).toMatchObject({ row: 2, column: "notes", code: "NOTES_TOO_LONG", message: "Row 2: the notes hold 501 characters; the limit is 500." });
  });

  it("BAD_DATE for a date in the wrong format or one that does not exist", () => {
    const e = only(one("AGENT-1001,03/09/2026 09:00,2026-03-09T17:00-04:00,,,,,"));
    expect(e).toMatchObject({ row: 2, column: "start", value: "03/09/2026 09:00", code: "BAD_DATE" });
    expect(e.message).toContain("not an ISO 8601 date-time");
    expect(only(one("AGENT-1001,2026-02-30T09:00:00Z,2026-03-01T17:00:00Z,,,,,"))).toMatchObject({ code: "BAD_DATE", column: "start" });
    expect(only(one("AGENT-1001,2026-03-09T09:00:00Z,2026-03-09T25:00:00Z,,,,,"))).toMatchObject({ code: "BAD_DATE", column: "end" });
  });

  it("MISSING_VALUE for an empty agent or time", () => {
    const r = one(",,2026-03-09T17:00-04:00,,,,,");
    expect(r.errors.map((e) => [e.code, e.column])).toEqual([
      ["MISSING_VALUE", "agentId"],
      ["MISSING_VALUE", "start"],
    ]);
  });

  it("BAD_TIME_ZONE names the zone cell", () => {
    const r = parsed(parseShiftCsv(csv("agentId,start,end,timeZone", "AGENT-1001,2026-03-09 09:00,2026-03-09 17:00,Mars/Olympus"), ctx));
    expect(r.errors).toEqual([expect.objectContaining({ row: 2, column: "timeZone", value: "Mars/Olympus", code: "BAD_TIME_ZONE" })]);
  });

  it("TOO_MANY_COLUMNS for a row with 50 cells", () => {
    const cells = ["AGENT-1001", "2026-03-09T09:00-04:00", "2026-03-09T17:00-04:00", ...Array.from({ length: 47 }, (_, i) => `x${i}`)];
    const r = parsed(parseShiftCsv(csv(HEADER, "AGENT-1002,2026-03-09T08:00Z,2026-03-09T16:00Z,,,,,", cells.join(",")), ctx));
    expect(r.rows).toHaveLength(1);
    expect(r.errors).toEqual([
      {
        row: 3,
        column: null,
        value: null,
        code: "TOO_MANY_COLUMNS",
        message: 'Row 3: has 50 cells but the header has 8 columns; a cell holding the delimiter (",") must be quoted.',
      },
    ]);
  });

  it("tolerates trailing empty cells beyond the header", () => {
    expect(one("AGENT-1001,2026-03-09T09:00-04:00,2026-03-09T17:00-04:00,,,,,,,").errors).toEqual([]);
  });

  it("UNCLOSED_QUOTE when a quote never closes", () => {
    const r = parsed(parseShiftCsv(csv(HEADER, "AGENT-1002,2026-03-09T08:00Z,2026-03-09T16:00Z,,,,,fine", 'AGENT-1001,2026-03-09T09:00-04:00,2026-03-09T17:00-04:00,,,,,"oops', "AGENT-1003,x,y,,,,,"), ctx));
    expect(r.rows.map((x) => x.row)).toEqual([2]);
    expect(r.errors).toEqual([expect.objectContaining({ row: 3, column: null, code: "UNCLOSED_QUOTE" })]);
  });

  it("reports several problems of one row together", () => {
    const r = one("AGENT-9999,2026-03-09T09:00-04:00,2026-03-09T17:00-04:00,NOPE,maybe,,,");
    expect(r.errors.map((e) => e.code)).toEqual(["UNKNOWN_AGENT", "UNKNOWN_SKILL", "BAD_STATUS"]);
  });
});

describe("daylight saving time (America/New_York)", () => {
  const withZone = (start: string, end: string) =>
    parsed(parseShiftCsv(csv("agentId,start,end,timeZone", `AGENT-1001,${start},${end},America/New_York`), ctx));

  it("refuses 2026-03-08 02:30, which clocks skip", () => {
    const r = withZone("2026-03-08 02:30", "2026-03-08 10:00");
    expect(r.errors).toEqual([
      {
        row: 2,
        column: "start",
        value: "2026-03-08 02:30",
        code: "DST_NONEXISTENT",
        message: 'Row 2: "2026-03-08 02:30" does not exist in America/New_York (clocks skip from 02:00 to 03:00).',
      },
    ]);
  });

  it("refuses 2026-11-01 01:30, which happens twice, and says which offsets settle it", () => {
    const r = withZone("2026-11-01 01:30", "2026-11-01 09:30");
    expect(r.errors).toEqual([
      {
        row: 2,
        column: "start",
        value: "2026-11-01 01:30",
        code: "DST_AMBIGUOUS",
        message:
          'Row 2: "2026-11-01 01:30" happens twice in America/New_York (clocks go back from 02:00 to 01:00); add the offset: -04:00 for the first, -05:00 for the second.',
      },
    ]);
  });

  it("accepts the ambiguous time with an explicit offset", () => {
    const r = withZone("2026-11-01T01:30:00-05:00", "2026-11-01T09:30:00-05:00");
    expect(r.errors).toEqual([]);
    expect(r.rows[0].start).toBe(utc("2026-11-01T06:30:00Z"));
    const first = withZone("2026-11-01T01:30:00-04:00", "2026-11-01 09:30");
    expect(first.rows[0].start).toBe(utc("2026-11-01T05:30:00Z"));
    // 01:30 (EDT) to 09:30 (EST) is 9 hours of work on a 25-hour day.
    expect(first.rows[0].end - first.rows[0].start).toBe(9 * 3_600_000);
  });

  it("applies the same rules to the home site's zone when the file gives none", () => {
    const r = one("AGENT-1001,2026-03-08 02:30,2026-03-08 10:00,,,,,");
    expect(r.errors.map((e) => e.code)).toEqual(["DST_NONEXISTENT"]);
    const ok = one("AGENT-1001,2026-03-08 03:00,2026-03-08 11:00,,,,,");
    expect(ok.rows[0].start).toBe(utc("2026-03-08T07:00:00Z"));
    // 01:00 EST to 09:00 EDT across the gap is 7 hours.
    const across = one("AGENT-1001,2026-03-08 01:00,2026-03-08 09:00,,,,,");
    expect(across.rows[0].end - across.rows[0].start).toBe(7 * 3_600_000);
  });

  it("knows London's own transition", () => {
    const r = parsed(parseShiftCsv(csv("agentId,start,end,timeZone", "AGENT-1002,2026-03-29 01:30,2026-03-29 09:30,Europe/London"), ctx));
    expect(r.errors[0].message).toBe('Row 2: "2026-03-29 01:30" does not exist in Europe/London (clocks skip from 01:00 to 02:00).');
  });
});

describe("overlaps and duplicates", () => {
  it("OVERLAP_IN_FILE on the later row, naming the first", () => {
    const r = parsed(
      parseShiftCsv(
        csv(
          HEADER,
          "AGENT-1001,2026-03-09T09:00-04:00,2026-03-09T17:00-04:00,,,,,",
          "AGENT-1002,2026-03-09T09:00Z,2026-03-09T17:00Z,,,,,",
          "AGENT-1001,2026-03-09T16:00-04:00,2026-03-09T20:00-04:00,,,,,",
          "AGENT-1001,2026-03-09T17:00-04:00,2026-03-09T21:00-04:00,,,,,",
        ),
        ctx,
      ),
    );
    expect(r.rows.map((x) => x.row)).toEqual([2, 3, 5]);
    expect(r.errors).toEqual([
      {
        row: 4,
        column: null,
        value: null,
        code: "OVERLAP_IN_FILE",
        message: "Row 4: AGENT-1001's shift 2026-03-09 20:00–2026-03-10 00:00 UTC overlaps the shift on row 2 (2026-03-09 13:00–21:00 UTC).",
      },
    ]);
  });

  it("finds an overlap with an earlier row that starts later", () => {
    const r = parsed(
      parseShiftCsv(csv(HEADER, "AGENT-1001,2026-03-10T09:00Z,2026-03-10T17:00Z,,,,,", "AGENT-1001,2026-03-10T05:00Z,2026-03-10T10:00Z,,,,,"), ctx),
    );
    expect(r.errors.map((e) => [e.row, e.code])).toEqual([[3, "OVERLAP_IN_FILE"]]);
    expect(r.errors[0].message).toContain("row 2");
  });

  it("DUPLICATE_ROW on every later copy, naming the first", () => {
    const row = "AGENT-1001,2026-03-09T09:00-04:00,2026-03-09T17:00-04:00,,,,,";
    const r = parsed(parseShiftCsv(csv(HEADER, row, "AGENT-1002,2026-03-09T09:00Z,2026-03-09T17:00Z,,,,,", row, row.replace(",,,,,", ",,,,,again")), ctx));
    expect(r.rows.map((x) => x.row)).toEqual([2, 3]);
    expect(r.errors.map((e) => [e.row, e.code, e.message])).toEqual([
      [4, "DUPLICATE_ROW", "Row 4: duplicates row 2 (same agent AGENT-1001, start and end)."],
      [5, "DUPLICATE_ROW", "Row 5: duplicates row 2 (same agent AGENT-1001, start and end)."],
    ]);
  });

  it("calls a copy of a rejected row a duplicate of that row", () => {
    const a = "AGENT-1001,2026-03-09T09:00Z,2026-03-09T17:00Z,,,,,";
    const b = "AGENT-1001,2026-03-09T12:00Z,2026-03-09T20:00Z,,,,,";
    const r = parsed(parseShiftCsv(csv(HEADER, a, b, b), ctx));
    expect(r.errors.map((e) => [e.row, e.code])).toEqual([
      [3, "OVERLAP_IN_FILE"],
      [4, "DUPLICATE_ROW"],
    ]);
    expect(r.errors[1].message).toContain("duplicates row 3");
  });

  const stored = { "AGENT-1001": [{ id: "sh-1", start: utc("2026-03-09T12:00:00Z"), end: utc("2026-03-09T16:00:00Z") }, { id: "sh-2", start: utc("2026-03-10T13:00:00Z"), end: utc("2026-03-10T21:00:00Z") }] };
  const text = csv(
    HEADER,
    "AGENT-1001,2026-03-09T09:00-04:00,2026-03-09T17:00-04:00,,,,,",
    "AGENT-1001,2026-03-10T09:00-04:00,2026-03-10T17:00-04:00,,,,,",
    "AGENT-1001,2026-03-11T09:00-04:00,2026-03-11T17:00-04:00,,,,,",
  );

  it("OVERLAP_STORED names the stored shift; an identical stored shift is only a warning", () => {
    const r = parsed(parseShiftCsv(text, syntheticImportContext({ stored })));
    expect(r.rows.map((x) => x.row)).toEqual([3, 4]);
    expect(r.errors).toEqual([
      {
        row: 2,
        column: null,
        value: null,
        code: "OVERLAP_STORED",
        message:
          'Row 2: AGENT-1001\'s shift 2026-03-09 13:00–21:00 UTC overlaps stored shift sh-1 (2026-03-09 12:00–16:00 UTC); choose "overwrite conflicts" to replace it.',
      },
    ]);
    expect(r.warnings.map((w) => [w.row, w.code])).toEqual([[3, "ALREADY_STORED"]]);
    expect(r.replacedShiftIds).toEqual([]);
  });

  it("with overwriteConflicts, lists the stored shifts the file replaces", () => {
    const r = parsed(parseShiftCsv(text, syntheticImportContext({ stored, overwriteConflicts: true })));
    expect(r.errors).toEqual([]);
    expect(r.rows).toHaveLength(3);
    expect(r.replacedShiftIds).toEqual(["sh-1", "sh-2"]);
    expect(r.warnings.map((w) => [w.row, w.code, w.message])).toEqual([
      [2, "REPLACES_STORED", "Row 2: replaces stored shift sh-1 of AGENT-1001."],
      [3, "REPLACES_STORED", "Row 3: replaces stored shift sh-2 of AGENT-1001."],
    ]);
  });

  it("does not count a stored shift that only touches the row", () => {
    const touching = { "AGENT-1001": [{ id: "sh-9", start: utc("2026-03-09T21:00:00Z"), end: utc("2026-03-10T01:00:00Z") }] };
    const r = parsed(parseShiftCsv(csv(HEADER, "AGENT-1001,2026-03-09T09:00-04:00,2026-03-09T17:00-04:00,,,,,"), syntheticImportContext({ stored: touching })));
    expect(r.errors).toEqual([]);
  });
});

describe("CXone's import template", () => {
  it("reads the template unchanged: usernames, mm/dd/yyyy, UTC±hh:mm, break and lunch activities", () => {
    const r = parsed(parseShiftCsv(fixture("cxone-template.csv"), ctx));
    expect(r.format).toBe("cxone");
    expect(r.errors).toEqual([]);
    expect(r.rows).toHaveLength(3);
    const [a, b, c] = r.rows;
    expect(a).toMatchObject({
      agentId: "AGENT-1003",
      siteId: "MNL",
      start: utc("2026-03-09T03:30:00Z"),
      end: utc("2026-03-09T12:30:00Z"),
      status: "DRAFT",
      skills: [],
      notes: "Team huddle at 9, then queue",
      breaks: [
        { startOffsetMinutes: 120, durationMinutes: 15, paid: false },
        { startOffsetMinutes: 240, durationMinutes: 30, paid: false },
      ],
    });
    expect(b).toMatchObject({ agentId: "AGENT-1001", start: utc("2026-03-10T12:00:00Z"), breaks: [] });
    expect(c).toMatchObject({ agentId: "AGENT-1002", start: utc("2026-03-11T07:30:00Z"), breaks: [{ startOffsetMinutes: 150, durationMinutes: 10, paid: false }] });
    expect(r.warnings).toEqual([
      {
        row: 3,
        column: "Activity 1 Name",
        value: "Training",
        code: "IGNORED_ACTIVITY",
        message: 'Row 3: activity "Training" is not a break or lunch and is not imported.',
      },
    ]);
  });

  const T = "Username,Shift Start Date and Time,Shift End Date and Time,Local Time Zone,Shift Notes,Activity 1 Name,Activity 1 Start Date and Time,Activity 1 End Date and Time";

  it("reports an unknown username and a date in the wrong format", () => {
    const r = parsed(parseShiftCsv(csv(T, "nobody@example.com,03/09/2026 09:00:00,03/09/2026 17:00:00,UTC+05:30,,,,", "agent1001@example.com,2026-03-09 09:00,03/09/2026 17:00:00,UTC-04:00,,,,"), ctx));
    expect(r.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, "Username", "UNKNOWN_AGENT"],
      [3, "Shift Start Date and Time", "BAD_DATE"],
    ]);
    expect(r.errors[1].message).toContain("mm/dd/yyyy hh:mm:ss");
  });

  it("reports a break activity outside the shift", () => {
    const r = parsed(parseShiftCsv(csv(T, "agent1001@example.com,03/09/2026 09:00:00,03/09/2026 17:00:00,UTC-04:00,,Lunch,03/09/2026 16:45:00,03/09/2026 17:15:00"), ctx));
    expect(r.errors).toEqual([expect.objectContaining({ row: 2, column: "Activity 1 Start Date and Time", code: "BREAK_OUTSIDE_SHIFT" })]);
  });

  it("falls back to the home site's zone without a Local Time Zone", () => {
    const r = parsed(parseShiftCsv(csv(T, "agent1001@example.com,03/08/2026 02:30:00,03/08/2026 10:00:00,,,,,"), ctx));
    expect(r.errors.map((e) => [e.column, e.code])).toEqual([["Shift Start Date and Time", "DST_NONEXISTENT"]]);
  });
});

describe("header sets and mappings", () => {
  it("asks for a mapping for an unknown header set, with a suggestion and a stable key", () => {
    const text = csv("Employee ID,Shift Start,Shift End,Comment", "AGENT-1001,2026-03-09T09:00-04:00,2026-03-09T17:00-04:00,hi");
    const r = parseShiftCsv(text, ctx);
    expect(r.ok).toBe(false);
    if (r.ok || !r.needsMapping) throw new Error("expected needsMapping");
    expect(r.headers).toEqual(["Employee ID", "Shift Start", "Shift End", "Comment"]);
    expect(r.suggested).toEqual({ agentId: "Employee ID", start: "Shift Start", end: "Shift End", notes: "Comment" });
    expect(r.headerKey).toMatch(/^hs1-4-[0-9a-f]{14}$/);

    const mapped = parsed(parseShiftCsv(text, ctx, { mapping: { agentId: "Employee ID", start: "Shift Start", end: "Shift End", notes: "Comment" } }));
    expect(mapped.format).toBe("mapped");
    expect(mapped.headerKey).toBe(r.headerKey);
    expect(mapped.rows[0]).toMatchObject({ agentId: "AGENT-1001", notes: "hi" });
  });

  it("refuses a mapping that names a missing column or leaves out a required field", () => {
    const text = csv("Employee ID,Shift Start,Shift End", "AGENT-1001,2026-03-09T09:00-04:00,2026-03-09T17:00-04:00");
    const a = parseShiftCsv(text, ctx, { mapping: { agentId: "Employee ID", start: "Begin", end: "Shift End" } });
    expect(a).toMatchObject({ ok: false, fileError: { code: "BAD_MAPPING" } });
    const b = parseShiftCsv(text, ctx, { mapping: { agentId: "Employee ID", start: "Shift Start" } });
    expect(b).toEqual({ ok: false, fileError: { code: "BAD_MAPPING", message: "Map a column to end." } });
  });

  it("refuses two columns that both mean the same field", () => {
    const r = parseShiftCsv(csv("agentId,start,end,Start", "AGENT-1001,2026-03-09T09:00-04:00,2026-03-09T17:00-04:00,x"), ctx);
    expect(r).toEqual({ ok: false, fileError: { code: "DUPLICATE_COLUMN", message: 'Columns B and D are both "start"; keep one of them.' } });
  });
});

describe("structural checks only (no reference data)", () => {
  it("accepts any agent and site, and needs a zone for local times", () => {
    const r = parsed(
      parseShiftCsv(
        csv(
          HEADER,
          "ANYONE,2026-03-09T09:00-04:00,2026-03-09T17:00-04:00,WHATEVER:2,,,SITE-X,",
          "SOMEONE,2026-03-09T09:00-04:00,2026-03-09T23:00-04:00,,,,,",
          "ANYONE,2026-03-10 09:00,2026-03-10 17:00,,,,,",
        ),
        structuralImportContext(),
      ),
    );
    expect(r.rows.map((x) => [x.agentId, x.siteId, x.skills])).toEqual([
      ["ANYONE", "SITE-X", [{ skillId: "WHATEVER", proficiency: 2 }]],
      ["SOMEONE", "", []],
    ]);
    expect(r.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [4, "start", "NO_TIME_ZONE"],
      [4, "end", "NO_TIME_ZONE"],
    ]);
  });

  it("treats a null catalog as no reference data", () => {
    const r = parsed(parseShiftCsv(csv(HEADER, "AGENT-9999,2026-03-09T09:00-04:00,2026-03-09T17:00-04:00,,,,,"), { ...ctx, catalog: null }));
    expect(r.errors).toEqual([]);
  });
});
