import { describe, expect, it } from "vitest";
import { importCounts, importTitle, plural } from "@/components/shifts/import-wording";

const base = { status: "committed" as const, totalRows: 3, validRows: 3, importedRows: 3, unchangedRows: 0, replacedRows: 0, skippedRows: 0, errors: [] };

describe("import wording", () => {
  it("says 1 row, never 1 rows", () => {
    expect(plural(1, "row")).toBe("1 row");
    expect(plural(2_000, "shift")).toBe("2,000 shifts");
    expect(importCounts({ ...base, status: "validated", totalRows: 1, validRows: 1 })).toBe("1 row · 1 valid");
    expect(importTitle({ ...base, status: "validated", totalRows: 1, validRows: 1 })).toBe("The 1 row is valid");
  });

  it("says a re-import added nothing new instead of 'Imported 0 shifts'", () => {
    expect(importTitle({ ...base, importedRows: 0, unchangedRows: 20, totalRows: 20, validRows: 20 })).toBe("Nothing new: 20 already stored");
    expect(importTitle({ ...base, importedRows: 1 })).toBe("Imported 1 shift");
  });

  it("tells a dry run how many rows are stored already", () => {
    expect(importTitle({ ...base, status: "validated", unchangedRows: 3 })).toBe("All 3 rows are valid; 3 already stored");
    expect(importTitle({ ...base, status: "validated", errors: [{ row: 2, column: null, value: null, code: "X", message: "m" }] })).toBe("1 problem found; nothing stored");
  });
});
