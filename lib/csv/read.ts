/**
 * From text to a table: BOM, blank file, binary sniffing, delimiter detection,
 * papaparse, blank-line skipping and the row limit. Row numbers are what a
 * spreadsheet shows: the header is row 1, a blank line still takes a row, and a
 * quoted cell spanning several lines stays in one row.
 */
import Papa from "papaparse";
import type { FileError, RowError } from "../schemas/imports";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, checkImportSize, checkRowCount, utf8ByteLength } from "./limits";
import { scanCsvShape } from "./shape";

/** Characters that separate columns in files we cannot read. */
const FOREIGN_DELIMITERS = ["|", "^", "~", "#", ":"];

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

/** Characters per papaparse chunk: parsed rows die young, so the garbage collector never copies the whole file. */
const CHUNK_CHARS = 64 * 1024;

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
 * Checks the whole file (size, blank, binary, delimiter), then streams its records
 * to `sink`, or explains in one sentence why the file cannot be read.
 */
export function streamCsv(input: string, sink: CsvSink): StreamResult {
  if (input.length > MAX_IMPORT_BYTES / 3) {
    const sized = checkImportSize(input.length > MAX_IMPORT_BYTES ? input.length : utf8ByteLength(input));
    if (sized) return { ok: false, fileError: sized };
  }
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (isBlank(text)) {
    return { ok: false, fileError: { code: "EMPTY_FILE", message: "The file is empty." } };
  }
  const binary = sniffBinary(text);
  if (binary) return { ok: false, fileError: binary };

  const sniff = sniffHeaderLine(text);
  if (sniff.delimiter === null) {
    const foreign = FOREIGN_DELIMITERS.filter((d) => sniff.line.includes(d)).sort(
      (a, b) => sniff.line.split(b).length - sniff.line.split(a).length,
    );
    if (foreign.length > 0) {
      return {
        ok: false,
        fileError: {
          code: "WRONG_DELIMITER",
          message: `Only one column was found: the header "${clip(sniff.line, 80)}" seems to be separated by "${foreign[0]}". Save the file with commas, semicolons or tabs between columns.`,
        },
      };
    }
  }
  const delimiter = sniff.delimiter ?? ",";
  // Bounded cells, rows and columns before papaparse: keeps its chunked parse linear.
  const shape = scanCsvShape(text, delimiter);
  if (shape) return { ok: false, fileError: shape };

  const st: { headers: string[] | null; index: number; rowCount: number; stopped: boolean; fileError: FileError | null } = {
    headers: null,
    index: 0, // records seen so far, blank ones included: record i is spreadsheet row i + 1
    rowCount: 0,
    stopped: false,
    fileError: null,
  };
  // In chunk mode papaparse numbers error rows within the chunk and may report a row
  // twice (once at the end of a chunk, again when it re-reads the partial line).
  const quoteCodes = new Map<number, string>();
  const maxRows = MAX_IMPORT_ROWS;

  // papaparse streams a string in chunks synchronously; its typings only admit `chunk` for files.
  const config: Papa.ParseConfig<string[]> & {
    chunkSize: number;
    chunk: (results: Papa.ParseResult<string[]>, parser: Papa.Parser) => void;
  } = {
    delimiter,
    header: false,
    skipEmptyLines: false,
    dynamicTyping: false,
    chunkSize: CHUNK_CHARS,
    chunk: (results, parser) => {
      const base = st.index;
      for (const e of results.errors) {
        // An unclosed quote swallows the rest of the file; say so rather than "malformed quote".
        if (e.type === "Quotes" && typeof e.row === "number" && (e.code === "MissingQuotes" || !quoteCodes.has(base + e.row))) {
          quoteCodes.set(base + e.row, e.code);
        }
      }
      const data = results.data;
      for (let i = 0; i < data.length; i++) {
        const rec = data[i];
        const at = st.index++;
        if (isBlankRecord(rec)) continue;
        if (st.headers === null) {
          const headers = rec.map((c) => c.trim());
          st.headers = headers;
          if (!sink.header(headers, delimiter)) {
            st.stopped = true;
            parser.abort();
            return;
          }
          continue;
        }
        if (++st.rowCount > maxRows) {
          st.fileError = checkRowCount(st.rowCount);
          parser.abort();
          return;
        }
        const code = quoteCodes.size > 0 ? quoteCodes.get(at) : undefined;
        sink.record(rec, at + 1, code ? quoteError(code, at + 1) : null);
      }
    },
  };
  Papa.parse<string[]>(text, config);

  if (st.fileError) return { ok: false, fileError: st.fileError };
  if (st.headers === null) return { ok: false, fileError: { code: "EMPTY_FILE", message: "The file is empty." } };
  if (!st.stopped && st.rowCount === 0) {
    return { ok: false, fileError: { code: "HEADER_ONLY", message: "The file has a header row but no data rows." } };
  }
  return { ok: true, headers: st.headers, delimiter, rowCount: st.rowCount, stopped: st.stopped };
}

/** Reads the whole file into memory as a table (for small files and tools; imports stream). */
export function readCsvTable(input: string): ReadResult {
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

export function isBlankRecord(rec: string[]): boolean {
  for (let j = 0; j < rec.length; j++) {
    const c = rec[j];
    if (c !== "" && c.trim() !== "") return false;
  }
  return true;
}

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0xfeff) return false;
  }
  return true;
}

const SNIFF_CHARS = 65_536;

/** NUL bytes, or more than a tenth control characters / U+FFFD in the first 64 KiB, mean not text. */
function sniffBinary(text: string): FileError | null {
  const n = Math.min(text.length, SNIFF_CHARS);
  let nul = 0;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) nul++;
    else if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || (c >= 0x7f && c <= 0x9f) || c === 0xfffd) bad++;
  }
  if (nul > n * 0.3) {
    return {
      code: "BINARY_FILE",
      message: "The file looks like UTF-16 text or a binary file, not a UTF-8 CSV. Save it as \"CSV UTF-8\" and upload it again.",
    };
  }
  if (nul > 0 || text.indexOf("\0", n) !== -1 || (bad >= 4 && bad > n * 0.1)) {
    return {
      code: "BINARY_FILE",
      message: "The file is not a text CSV (it looks binary, e.g. an Excel workbook). Save it as \"CSV UTF-8\" and upload it again.",
    };
  }
  return null;
}

/**
 * The delimiter is read from the header line alone (quote-aware): our headers never
 * contain `,` `;` or tab, while data cells do (skills lists hold `;`), so the header
 * is the reliable witness. The most frequent candidate wins; ties go to , then ; then tab.
 */
function sniffHeaderLine(text: string): { delimiter: string | null; line: string } {
  let i = 0;
  const n = text.length;
  // Skip blank lines before the header.
  for (;;) {
    let j = i;
    while (j < n && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    if (j < n && (text.charCodeAt(j) === 10 || text.charCodeAt(j) === 13)) {
      i = j + 1;
      continue;
    }
    break;
  }
  const begin = i;
  let inQuotes = false;
  let comma = 0;
  let semi = 0;
  let tab = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (!inQuotes) {
      if (c === 10 || c === 13) break;
      if (c === 44) comma++;
      else if (c === 59) semi++;
      else if (c === 9) tab++;
    }
  }
  const line = text.slice(begin, i);
  const best = Math.max(comma, semi, tab);
  if (best === 0) return { delimiter: null, line };
  return { delimiter: comma === best ? "," : semi === best ? ";" : "\t", line };
}

export function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
