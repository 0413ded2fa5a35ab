/**
 * The words of an import's outcome, as pure functions so the counts read right for one row
 * and for many: "1 row", "Nothing new: 20 already stored".
 */
import type { ShiftImportOutcome } from "@/lib/types/imports";

/** plural(1, "row") → "1 row"; plural(2_000, "shift") → "2,000 shifts" */
export function plural(n: number, word: string): string {
  return `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;
}

type Outcome = Pick<ShiftImportOutcome, "status" | "totalRows" | "validRows" | "importedRows" | "unchangedRows" | "replacedRows" | "skippedRows" | "errors">;

/** The headline of an import's result. */
export function importTitle(r: Outcome): string {
  if (r.status === "committed") {
    if (r.importedRows === 0 && r.unchangedRows > 0) return `Nothing new: ${r.unchangedRows.toLocaleString("en-US")} already stored`;
    return `Imported ${plural(r.importedRows, "shift")}`;
  }
  if (r.status === "validated") {
    if (r.errors.length > 0) return `${plural(r.errors.length, "problem")} found; nothing stored`;
    const valid = r.totalRows === 1 ? "The 1 row is valid" : `All ${plural(r.totalRows, "row")} are valid`;
    return r.unchangedRows > 0 ? `${valid}; ${r.unchangedRows.toLocaleString("en-US")} already stored` : valid;
  }
  return "Nothing imported: the file has errors";
}

/** The line of counts under the headline. */
export function importCounts(r: Outcome): string {
  const base = `${plural(r.totalRows, "row")} · ${r.validRows.toLocaleString("en-US")} valid`;
  if (r.status !== "committed") return base;
  return `${base} · ${r.importedRows.toLocaleString("en-US")} added · ${r.unchangedRows.toLocaleString("en-US")} already stored · ${r.replacedRows.toLocaleString("en-US")} replaced · ${r.skippedRows.toLocaleString("en-US")} skipped`;
}
