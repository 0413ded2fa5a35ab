/** Types of tokenize.mjs (plain JavaScript so the upload worker runs it without a TypeScript loader). */
import type { FileError } from "../schemas/imports";

export declare const MAX_IMPORT_BYTES: number;
export declare const MAX_IMPORT_ROWS: number;
export declare function checkImportSize(bytes: number): FileError | null;
export declare function checkRowCount(rows: number): FileError | null;
export declare function utf8ByteLength(text: string): number;

export declare const MAX_CELL_CHARS: number;
export declare const MAX_COLUMNS: number;
export declare const MAX_ROW_CHARS: number;
export declare function scanCsvShape(text: string, delimiter: string): FileError | null;

/** papaparse's quote problem in a record. */
export type QuoteCode = "MissingQuotes" | "InvalidQuotes" | (string & {});

export interface TokenSink {
  /** The header cells (trimmed). Return false to stop reading. */
  header(headers: string[], delimiter: string): boolean;
  /** A non-blank data record, its spreadsheet row number, and papaparse's quote problem in it. */
  record(rec: string[], row: number, quote: QuoteCode | null): void;
}

export type TokenizeResult =
  | { ok: true; headers: string[]; delimiter: string; rowCount: number; stopped: boolean }
  | { ok: false; fileError: FileError };

export declare function tokenizeCsv(input: string, sink: TokenSink): TokenizeResult;
export declare function isBlankRecord(rec: string[]): boolean;
export declare function clip(s: string, max: number): string;
