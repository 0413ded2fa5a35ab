import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { errorReportCsv, parseShiftCsv, safeCsv, type RowError } from "@/lib/csv";
import { syntheticImportContext } from "@/tests/fixtures/csv/context";
import { csv } from "@/tests/fixtures/csv/files";

describe("safeCsv", () => {
  it("neutralises cells that a spreadsheet would evaluate", () => {
    const out = safeCsv(
      [
        { a: '=HYPERLINK("http://evil.example","click")', b: 1 },
        { a: "+1+1", b: -3 },
        { a: "-2+3", b: null },
        { a: "@SUM(A1:A2)", b: undefined },
        { a: "\t=1", b: true },
        { a: "=1+1\nsecond line", b: "plain" },
      ],
      ["a", { key: "b", header: "B" }],
    );
    expect(out.split("\r\n")).toEqual([
      "a,B",
      `"'=HYPERLINK(""http://evil.example"",""click"")",1`,
      `"'+1+1",-3`,
      `"'-2+3",`,
      `"'@SUM(A1:A2)",`,
      `"'\t=1",true`,
      `"'=1+1\nsecond line",plain`,
    ]);
    // Reading it back gives the text with its guard, never a formula.
    const back = Papa.parse<string[]>(out, { header: false }).data;
    expect(back[1][0]).toBe(`'=HYPERLINK("http://evil.example","click")`);
  });

  it("serialises dates and objects, and can add a BOM", () => {
    const out = safeCsv([{ when: new Date(Date.UTC(2026, 2, 9, 13)), what: { x: 1 } }], ["when", "what"], { bom: true });
    expect(out).toBe('\uFEFFwhen,what\r\n2026-03-09T13:00:00.000Z,"{""x"":1}"');
  });
});

describe("errorReportCsv", () => {
  it("lists Row, Column, Value, Code, Message with formulas escaped", () => {
    const errors: RowError[] = [
      { row: 7, column: "notes", value: '=HYPERLINK("http://evil.example","click")', code: "NOTES_TOO_LONG", message: "Row 7: too long." },
      { row: 9, column: null, value: null, code: "DUPLICATE_ROW", message: "Row 9: duplicates row 2." },
    ];
    expect(errorReportCsv(errors).split("\r\n")).toEqual([
      "Row,Column,Value,Code,Message",
      `7,notes,"'=HYPERLINK(""http://evil.example"",""click"")",NOTES_TOO_LONG,Row 7: too long.`,
      "9,,,DUPLICATE_ROW,Row 9: duplicates row 2.",
    ]);
  });

  it("escapes a formula that reached the report from an uploaded file", () => {
    const formula = `=cmd|' /C calc'!A0`;
    const r = parseShiftCsv(
      csv(`agentId,start,end,status,"${formula}"`, `AGENT-1001,2026-03-09T09:00-04:00,2026-03-09T17:00-04:00,=1+1,x`),
      syntheticImportContext(),
    );
    if (!r.ok) throw new Error("unexpected");
    const report = errorReportCsv([...r.warnings, ...r.errors]);
    expect(report).toContain(`"'${formula}"`);
    expect(report).toContain(`"'=1+1"`);
    expect(report).not.toMatch(/(^|,)=/m);
  });
});
