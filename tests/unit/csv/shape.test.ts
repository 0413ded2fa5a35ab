import { describe, expect, it } from "vitest";
import { MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROW_CHARS, scanCsvShape } from "@/lib/csv/shape";
import { readCsvTable } from "@/lib/csv/read";

describe("scanCsvShape", () => {
  it("passes an ordinary file, quoted delimiters and line breaks included", () => {
    expect(scanCsvShape('agentId,notes\nAGENT-1,"late, covers\nthe evening"\r\nAGENT-2,\n', ",")).toBeNull();
  });

  it("names the row and column of a cell over the limit", () => {
    const text = `a,b\n1,2\n3,${"x".repeat(MAX_CELL_CHARS + 1)}\n`;
    expect(scanCsvShape(text, ",")).toEqual({ code: "CELL_TOO_LONG", message: expect.stringMatching(/^Row 3: the cell in column 2 is longer than 10,000 characters/) });
  });

  it("stops a quote that is never closed at the cell limit and names it, not at the end of the file", () => {
    const text = `a,b\nok,"${"y".repeat(MAX_CELL_CHARS * 3)}`;
    expect(scanCsvShape(text, ",")).toMatchObject({ code: "UNCLOSED_QUOTE", message: expect.stringMatching(/^Row 2: a quote opened in this row is never closed/) });
  });

  it("measures a field of doubled quotes as the cell it is", () => {
    const text = `a\n"${'""'.repeat(MAX_CELL_CHARS)}"\n`;
    expect(scanCsvShape(text, ",")).toMatchObject({ code: "CELL_TOO_LONG", message: expect.stringContaining("Row 2") });
  });

  it("refuses a header of more columns than any of our files has", () => {
    const text = `${Array.from({ length: MAX_COLUMNS + 1 }, (_, i) => `c${i}`).join(";")}\n`;
    expect(scanCsvShape(text, ";")).toMatchObject({ code: "TOO_MANY_COLUMNS", message: expect.stringContaining("Row 1 has more than 200 columns") });
    expect(scanCsvShape(text.replace(/;c200\n$/, "\n"), ";")).toBeNull();
  });

  it("refuses a row longer than the row limit even when every cell is short", () => {
    const cells = Array.from({ length: MAX_COLUMNS }, () => "z".repeat(MAX_ROW_CHARS / MAX_COLUMNS + 10));
    expect(scanCsvShape(`h\n${cells.join(",")}`, ",")).toMatchObject({ code: "ROW_TOO_LONG", message: expect.stringContaining("Row 2") });
  });

  it("counts a quoted line break as part of its row, as a spreadsheet does", () => {
    const text = `a,b\n"two\nlines",ok\n4,${"x".repeat(MAX_CELL_CHARS + 1)}\n`;
    expect(scanCsvShape(text, ",")?.message).toMatch(/^Row 3:/);
  });

  it("makes the reader refuse the file before parsing it", () => {
    const r = readCsvTable(`agentId,start\n"${"q".repeat(MAX_CELL_CHARS + 5)}",x\n`);
    expect(r).toMatchObject({ ok: false, fileError: { code: "CELL_TOO_LONG" } });
  });
});
