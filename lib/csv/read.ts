/**
 * From text to a table: BOM, blank file, binary sniffing, delimiter detection,
 * papaparse, blank-line skipping and the row limit. Row numbers are what a
 * spreadsheet shows: the header is row 1, a blank line still takes a row, and a
 * quoted cell spanning several lines stays in one row.
 */
import type { FileError, RowError } from "../schemas/imports";
import { clip, isBlankRecord, tokenizeCsv } from "./tokenize.mjs";

export { clip, isBlankRecord };

/**
 * A file read by the upload worker (lib/api/csv-upload.ts): the non-blank records after the
 * header, passed back as one NUL-joined string and two typed arrays, which cross the thread
 * boundary in one copy instead of a million small strings. A CSV never holds NUL (the binary
 * sniff refuses it), so the join is unambiguous.
 */
export interface TokenizedCsv {
  kind: "tokenized";
  headers: string[];
  delimiter: string;
  /** Every record's cells, joined by NUL, records one after the other. */
  cells: string;
  /** Cells in each record. */
  counts: Int32Array;
  /** Spreadsheet row of each record. */
  rows: Int32Array;
  /** papaparse's quote problem by record index. */
  quotes: [number, string][];
}

/** What the readers take: the file's text, or the records the upload worker read from it. */
export type CsvInput = string | TokenizedCsv;

export interface CsvTable {
  delimiter: string;
  /** Header cells, trimmed. */
  headers: string[];
  /** Data records, blank ones removed. */
  records: string[][];
  /** Spreadsheet row number of each record in `records`. */
  rowNumbers: number[];
  /** Records papaparse could not read cleanly (bad quotes), keyed by index in `records`. */
  quoteErrors: Map<number, RowError>;
}

export type ReadResult = { ok: true; table: CsvTable } | { ok: false; fileError: FileError };

/** Receives a file as it is parsed, one record at a time (memory stays flat on 50 MiB files). */
export interface CsvSink {
  /** The header cells (trimmed). Return false to stop reading (e.g. the header set needs a mapping). */
  header(headers: string[], delimiter: string): boolean;
  /** A non-blank data record, its spreadsheet row number, and a quote problem papaparse found in it. */
  record(rec: string[], row: number, quoteError: RowError | null): void;
}

export type StreamResult =
  | { ok: true; headers: string[]; delimiter: string; rowCount: number; stopped: boolean }
  | { ok: false; fileError: FileError };

function quoteError(code: string, row: number): RowError {
  return {
    row,
    column: null,
    value: null,
    code: code === "MissingQuotes" ? "UNCLOSED_QUOTE" : "BAD_QUOTES",
    message:
      code === "MissingQuotes"
        ? `Row ${row}: a quote opened in this row is never closed, so the rest of the file was read as one cell.`
        : `Row ${row}: a quote in this row is misplaced (text after a closing quote, or a quote closed lines later), so the lines after it may have been read into this row; write a quote inside a cell as "".`,
  };
}

/**
 * Checks the whole file (size, blank, binary, delimiter, shape), then streams its records
 * to `sink`, or explains in one sentence why the file cannot be read. Given the upload
 * worker's records, replays them: the checks ran in the worker.
 */
export function streamCsv(input: CsvInput, sink: CsvSink): StreamResult {
  if (typeof input !== "string") return replay(input, sink);
  return tokenizeCsv(input, {
    header: (headers, delimiter) => sink.header(headers, delimiter),
    record: (rec, row, code) => sink.record(rec, row, code ? quoteError(code, row) : null),
  });
}

function replay(csv: TokenizedCsv, sink: CsvSink): StreamResult {
  const { headers, delimiter, counts, rows } = csv;
  if (!sink.header(headers, delimiter)) return { ok: true, headers, delimiter, rowCount: 0, stopped: true };
  const cells = csv.cells.split("\0");
  const quotes = new Map(csv.quotes);
  let at = 0;
  for (let i = 0; i < counts.length; i++) {
    const rec = cells.slice(at, at + counts[i]);
    at += counts[i];
    const code = quotes.size > 0 ? quotes.get(i) : undefined;
    sink.record(rec, rows[i], code ? quoteError(code, rows[i]) : null);
  }
  return { ok: true, headers, delimiter, rowCount: counts.length, stopped: false };
}

/** Reads the whole file into memory as a table (for small files and tools; imports stream). */
export function readCsvTable(input: CsvInput): ReadResult {
  const records: string[][] = [];
  const rowNumbers: number[] = [];
  const quoteErrors = new Map<number, RowError>();
  const r = streamCsv(input, {
    header: () => true,
    record: (rec, row, qe) => {
      if (qe) quoteErrors.set(records.length, qe);
      records.push(rec);
      rowNumbers.push(row);
    },
  });
  if (!r.ok) return r;
  return { ok: true, table: { delimiter: r.delimiter, headers: r.headers, records, rowNumbers, quoteErrors } };
}

