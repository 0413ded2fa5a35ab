/**
 * CSV export that is safe to open in a spreadsheet: every text cell that starts
 * with = + - @ tab or CR is prefixed with ' (and quoted), so a cell such as
 * =HYPERLINK("http://evil","click") is shown as text, never evaluated.
 */
import Papa from "papaparse";
import type { RowError } from "../schemas/imports";

/**
 * papaparse's own escapeFormulae pattern is /^[=+\-@\t\r].*$/, whose `.` stops at a
 * newline, so a multi-line formula cell would slip through; ours looks at the first
 * character only.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvColumn = string | { key: string; header?: string };

export interface SafeCsvOptions {
  /** Prefix a UTF-8 BOM so Excel reads accents correctly when the file is opened directly. */
  bom?: boolean;
  delimiter?: string;
}

function cellValue(v: unknown): unknown {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v.toISOString();
  if (typeof v === "object") return JSON.stringify(v);
  return v;
}

/** safeCsv([{a: "=1+1"}], ["a"]) → "a\r\n\"'=1+1\"" */
export function safeCsv(rows: readonly Record<string, unknown>[], columns: readonly CsvColumn[], options: SafeCsvOptions = {}): string {
  const cols = columns.map((c) => (typeof c === "string" ? { key: c, header: c } : { key: c.key, header: c.header ?? c.key }));
  const data = rows.map((r) => cols.map((c) => cellValue(r[c.key])));
  const csv = Papa.unparse(
    { fields: cols.map((c) => c.header), data },
    { escapeFormulae: FORMULA_START, newline: "\r\n", delimiter: options.delimiter ?? "," },
  );
  return options.bom ? `\uFEFF${csv}` : csv;
}

/** The planner's error report: Row, Column, Value, Code, Message. */
export function errorReportCsv(errors: readonly RowError[], options: SafeCsvOptions = {}): string {
  return safeCsv(
    errors as unknown as readonly Record<string, unknown>[],
    [
      { key: "row", header: "Row" },
      { key: "column", header: "Column" },
      { key: "value", header: "Value" },
      { key: "code", header: "Code" },
      { key: "message", header: "Message" },
    ],
    options,
  );
}
