/**
 * The browser preview of a shift file: the same parser the server runs, with structural
 * checks only (the browser has no schedule); Validate on the server adds the reference
 * checks (agents, sites, skills, stored shifts).
 */
import { parseShiftCsv, structuralImportContext } from "@/lib/csv";
import type { ColumnMapping, RowError, ValidShiftRow } from "@/lib/schemas/imports";

export interface PreviewRequest {
  text: string;
  mapping?: ColumnMapping;
}

export type PreviewResult =
  | { kind: "fileError"; message: string }
  | { kind: "needsMapping"; headers: string[]; headerKey: string; suggested: Partial<ColumnMapping> }
  | {
      kind: "ok";
      format: string;
      delimiter: string;
      headers: string[];
      headerKey: string;
      mapping: ColumnMapping;
      rowCount: number;
      validCount: number;
      sample: ValidShiftRow[];
      errors: RowError[];
      errorCount: number;
    };

export type PreviewMessage = { type: "progress"; rows: number } | { type: "result"; result: PreviewResult };

export function previewShiftFile(request: PreviewRequest, onProgress?: (rows: number) => void): PreviewResult {
  const r = parseShiftCsv(request.text, structuralImportContext(), { mapping: request.mapping, onProgress });
  if (!r.ok && r.needsMapping) return { kind: "needsMapping", headers: r.headers, headerKey: r.headerKey, suggested: r.suggested };
  if (!r.ok) return { kind: "fileError", message: r.fileError.message };
  return {
    kind: "ok",
    format: r.format,
    delimiter: r.delimiter,
    headers: r.headers,
    headerKey: r.headerKey,
    mapping: r.mapping,
    rowCount: r.rowCount,
    validCount: r.rows.length,
    sample: r.rows.slice(0, 10),
    errors: r.errors.slice(0, 200),
    errorCount: r.errors.length,
  };
}
