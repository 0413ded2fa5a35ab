import "server-only";
import { readCsvTable } from "../../csv/read";
import { normalizeHeader } from "../../csv/headers";
import { AppError } from "../../errors";

/** Reads a small bidding CSV into records keyed by normalized header; missing columns are a file error. */
export function readBiddingCsv(text: string, required: readonly string[]): { row: number; cells: Record<string, string> }[] {
  const read = readCsvTable(text);
  if (!read.ok) throw new AppError("VALIDATION", read.fileError.message);
  const headers = read.table.headers.map(normalizeHeader);
  const missing = required.filter((r) => !headers.includes(normalizeHeader(r)));
  if (missing.length) throw new AppError("VALIDATION", `The CSV lacks the column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} (it has ${read.table.headers.join(", ")}).`);
  return read.table.records.map((rec, i) => ({
    row: read.table.rowNumbers[i],
    cells: Object.fromEntries(headers.map((h, j) => [h, (rec[j] ?? "").trim()])),
  }));
}

export interface CsvRowError {
  row: number;
  column: string | null;
  value: string | null;
  message: string;
}

export function rowErrors(errors: CsvRowError[], what: string): AppError {
  const shown = errors.slice(0, 20).map((e) => `row ${e.row}${e.column ? ` (${e.column}${e.value !== null ? ` "${e.value}"` : ""})` : ""}: ${e.message}`);
  return new AppError("VALIDATION", `Nothing was stored: ${errors.length} row${errors.length > 1 ? "s have" : " has"} errors in the ${what} CSV. ${shown.join("; ")}${errors.length > 20 ? "; …" : ""}`, { rowErrors: errors });
}
