import { describe, expect, it } from "vitest";
import {
  MAX_IMPORT_BYTES,
  MAX_IMPORT_ROWS,
  checkImportSize,
  parseDemandCsv,
  parseShiftCsv,
  readCsvTable,
  utf8ByteLength,
} from "@/lib/csv";
import { syntheticImportContext } from "@/tests/fixtures/csv/context";
import { csv } from "@/tests/fixtures/csv/files";
import { generateCanonicalShifts, toCanonicalCsv } from "@/tests/fixtures/csv/generate";

const ctx = syntheticImportContext();
const fileError = (text: string) => {
  const r = parseShiftCsv(text, ctx);
  if (r.ok || r.needsMapping) throw new Error(`expected a file error, got ${JSON.stringify(r).slice(0, 300)}`);
  return r.fileError;
};

describe("whole-file errors: one clear message, nothing parsed", () => {
  it("EMPTY_FILE for nothing, blank lines or a lone BOM", () => {
    for (const text of ["", "\n\n  \r\n", "\uFEFF", "\uFEFF\r\n"]) {
      expect(fileError(text)).toEqual({ code: "EMPTY_FILE", message: "The file is empty." });
    }
  });

  it("HEADER_ONLY for a header without data rows", () => {
    expect(fileError("agentId,start,end\n\n\n")).toEqual({ code: "HEADER_ONLY", message: "The file has a header row but no data rows." });
    expect(fileError("agentId,start,end")).toMatchObject({ code: "HEADER_ONLY" });
  });

  it("BINARY_FILE for NUL bytes, an Excel workbook or UTF-16 text", () => {
    expect(fileError("agentId,start,end\nAGENT-1001,\u0000\u0000,x\n")).toMatchObject({ code: "BINARY_FILE" });
    const xlsx = "PK\u0003\u0004\u0014\u0000\u0006\u0000\b\u0000\u0000\u0000!\u0000b\u00ee\u009dh^\u0001\u0000\u0000\u0090\u0004\u0000\u0000\u0013\u0000\b\u0002[Content_Types].xml";
    expect(fileError(xlsx).message).toContain("CSV UTF-8");
    const utf16 = "\uFFFD\uFFFD" + [..."agentId,start,end\n"].map((c) => `${c}\u0000`).join("");
    expect(fileError(utf16)).toMatchObject({ code: "BINARY_FILE", message: expect.stringContaining("UTF-16") });
    const controls = "agentId,start,end\n" + "\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u000e\u000f\u0010".repeat(5);
    expect(fileError(controls)).toMatchObject({ code: "BINARY_FILE" });
  });

  it("WRONG_DELIMITER when one column is found and its header holds another separator", () => {
    expect(fileError("agentId|start|end\nAGENT-1001|2026-03-09T09:00Z|2026-03-09T17:00Z\n")).toEqual({
      code: "WRONG_DELIMITER",
      message:
        'Only one column was found: the header "agentId|start|end" seems to be separated by "|". Save the file with commas, semicolons or tabs between columns.',
    });
  });

  it("FILE_TOO_LARGE above 50 MiB, by byte count or by the text itself", () => {
    expect(MAX_IMPORT_BYTES).toBe(50 * 1024 * 1024);
    expect(checkImportSize(MAX_IMPORT_BYTES)).toBeNull();
    expect(checkImportSize(MAX_IMPORT_BYTES + 1)).toMatchObject({ code: "FILE_TOO_LARGE" });
    expect(checkImportSize(60 * 1024 * 1024)?.message).toBe("The file is 60.0 MiB; the limit is 50 MiB. Split it into smaller files.");
    expect(fileError("x".repeat(MAX_IMPORT_BYTES + 1))).toMatchObject({ code: "FILE_TOO_LARGE" });
    // 20 Mi characters of three-byte text is 60 MiB of UTF-8.
    expect(fileError("€".repeat(20 * 1024 * 1024))).toMatchObject({ code: "FILE_TOO_LARGE" });
  });

  it("counts UTF-8 bytes like TextEncoder", () => {
    for (const s of ["abc", "é", "€", "😀", "a\uD800b", "Zoë's shift – 09:00"]) {
      expect(utf8ByteLength(s)).toBe(new TextEncoder().encode(s).length);
    }
  });

  it(`TOO_MANY_ROWS above ${MAX_IMPORT_ROWS.toLocaleString("en-US")} data rows`, () => {
    const rows = "AGENT-1001,2026-03-09T09:00Z,2026-03-09T17:00Z\n".repeat(MAX_IMPORT_ROWS + 1);
    expect(fileError(`agentId,start,end\n${rows}`)).toEqual({
      code: "TOO_MANY_ROWS",
      message: "The file has 200,001 data rows; the limit is 200,000. Split it into smaller files.",
    });
    const d = parseDemandCsv(`skillId,intervalStart,requiredAgents\n${"SKILL_SALES,2026-03-09T09:00Z,1\n".repeat(MAX_IMPORT_ROWS + 1)}`, { catalog: null });
    expect(d).toMatchObject({ ok: false, fileError: { code: "TOO_MANY_ROWS" } });
  });
});

describe("reading", () => {
  it("reads the delimiter from the header, not from cells that hold semicolons", () => {
    const r = readCsvTable(csv("agentId,start,end,skills", "A,1,2,X;Y;Z", "B,1,2,X;Y;Z;W"));
    expect(r.ok && r.table.delimiter).toBe(",");
    const s = readCsvTable(csv("agentId;start;end;notes", "A;1;2;a, b, c"));
    expect(s.ok && s.table.records).toEqual([["A", "1", "2", "a, b, c"]]);
  });

  it("numbers rows as a spreadsheet does across blank lines and multi-line cells", () => {
    const r = readCsvTable(csv("\n", "a,b", "", '1,"x\ny\nz"', "2,w", "", "", "3,v"));
    if (!r.ok) throw new Error("unexpected");
    // blank, blank, header (row 3), blank, 1 (row 5, three lines), 2, blank, blank, 3
    expect(r.table.headers).toEqual(["a", "b"]);
    expect(r.table.rowNumbers).toEqual([5, 6, 9]);
    expect(r.table.records[0]).toEqual(["1", "x\ny\nz"]);
  });

  it("streams big files in chunks without losing rows, cells or row numbers", () => {
    // ~1 MB: several papaparse chunks, with quoted commas and newlines across chunk ends.
    // Rows end in CRLF; a newline inside a quoted cell stays as written (LF).
    const shifts = generateCanonicalShifts(9_000, 7);
    const text = toCanonicalCsv(shifts, { newline: "\r\n" });
    expect(text.length).toBeGreaterThan(800_000);
    const r = parseShiftCsv(text, ctx);
    if (!r.ok) throw new Error("unexpected");
    expect(r.errors).toEqual([]);
    expect(r.rows).toHaveLength(shifts.length);
    let line = 2;
    r.rows.forEach((row, i) => {
      const s = shifts[i];
      expect([row.row, row.agentId, row.start, row.end, row.notes ?? ""]).toEqual([line, s.agentId, s.start, s.end, s.cells.notes]);
      line += 1;
    });
  });

  it("refuses a file whose quote opened far into it is never closed, naming the row", () => {
    // Read on, the rest of the file would be one cell re-parsed chunk after chunk.
    const shifts = generateCanonicalShifts(6_000, 3).map((s) => ({ ...s, cells: { ...s.cells, notes: "" } }));
    const lines = toCanonicalCsv(shifts).split("\n");
    lines[5_000] += '"never closed';
    const r = parseShiftCsv(lines.join("\n"), ctx);
    expect(r).toMatchObject({ ok: false, fileError: { code: "UNCLOSED_QUOTE", message: expect.stringMatching(/^Row 5,001: a quote opened in this row is never closed/) } });
  });

  it("still reports a short unclosed quote at the end on its row and reads the rows before it", () => {
    const shifts = generateCanonicalShifts(20, 3).map((s) => ({ ...s, cells: { ...s.cells, notes: "" } }));
    const lines = toCanonicalCsv(shifts).split("\n");
    lines[19] += '"never closed';
    const r = parseShiftCsv(lines.join("\n"), ctx);
    if (!r.ok) throw new Error("unexpected");
    expect(r.errors).toEqual([expect.objectContaining({ row: 20, code: "UNCLOSED_QUOTE" })]);
    expect(r.rows).toHaveLength(18);
  });

  it("reports a misplaced quote on its row and reads on", () => {
    const r = parseShiftCsv(
      csv(
        "agentId,start,end,notes",
        'AGENT-1001,2026-03-09T09:00Z,2026-03-09T17:00Z,"ok"',
        'AGENT-1002,2026-03-09T09:00Z,2026-03-09T17:00Z,"half"quoted',
        'AGENT-1003,2026-03-09T09:00Z,2026-03-09T17:00Z,"x"',
        "AGENT-1004,2026-03-09T09:00Z,2026-03-09T17:00Z,",
      ),
      ctx,
    );
    if (!r.ok) throw new Error("unexpected");
    // papaparse reads on to the next usable closing quote: lines 3–4 become one row, as in a spreadsheet.
    expect(r.errors).toEqual([expect.objectContaining({ row: 3, code: "BAD_QUOTES" })]);
    expect(r.rows.map((x) => [x.row, x.agentId])).toEqual([
      [2, "AGENT-1001"],
      [4, "AGENT-1004"],
    ]);
  });
});
