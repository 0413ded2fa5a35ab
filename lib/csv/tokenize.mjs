/**
 * The part of reading a CSV whose cost an attacker controls: whole-file limits, blank and
 * binary sniffing, delimiter detection, the linear shape pre-scan and papaparse's chunked
 * parse. Plain JavaScript on purpose: the upload worker (lib/api/csv-read-worker.mjs) runs this same
 * file under a Next production build, vitest and tsx without a TypeScript loader, and the
 * browser preview and read.ts import it too, so there is one reader, not two.
 * Pure: no node:, no I/O, no clock. Types: tokenize.d.mts.
 */
import Papa from "papaparse";

// ── Whole-file limits ──

/** 50 MiB. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** Data rows (the header and blank lines not counted). */
export const MAX_IMPORT_ROWS = 200_000;

const nf = new Intl.NumberFormat("en-US");

/** checkImportSize(60 * 2 ** 20) → FILE_TOO_LARGE; checkImportSize(1000) → null */
export function checkImportSize(bytes) {
  if (bytes > MAX_IMPORT_BYTES) {
    return {
      code: "FILE_TOO_LARGE",
      message: `The file is ${(bytes / 1048576).toFixed(1)} MiB; the limit is ${MAX_IMPORT_BYTES / 1048576} MiB. Split it into smaller files.`,
    };
  }
  return null;
}

export function checkRowCount(rows) {
  if (rows > MAX_IMPORT_ROWS) {
    return {
      code: "TOO_MANY_ROWS",
      message: `The file has ${nf.format(rows)} data rows; the limit is ${nf.format(MAX_IMPORT_ROWS)}. Split it into smaller files.`,
    };
  }
  return null;
}

/** UTF-8 byte length of a string without allocating (a lone surrogate counts as 3, as TextEncoder writes U+FFFD). */
export function utf8ByteLength(text) {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

// ── Shape: bounded cells, rows and columns ──
//
// papaparse streams in chunks and re-reads a record that spans a chunk boundary on every
// chunk, so a single huge quoted cell (or a header of a million columns) costs quadratic
// time and memory; with every record bounded here, each chunk re-reads at most one bounded
// record and the whole parse stays linear. The limits are far above any real shift, demand
// or trade file (the widest has about 15 columns; the longest cell is a note of 1,000 characters).

/** Characters in one cell. */
export const MAX_CELL_CHARS = 10_000;
/** Columns in one row (the header included). */
export const MAX_COLUMNS = 200;
/** Characters in one row, its quotes and delimiters included. */
export const MAX_ROW_CHARS = 100_000;

/**
 * scanCsvShape('a,b\n1,2\n', ",") → null; a cell of 20,000 characters in row 3 →
 * CELL_TOO_LONG naming row 3 and its column. Row numbers are the spreadsheet's: the first
 * line is row 1 and a quoted line break stays inside its row.
 */
export function scanCsvShape(text, delimiter) {
  const sep = delimiter.charCodeAt(0);
  const n = text.length;
  let row = 1;
  let rowStart = 0;
  let cellStart = 0;
  let column = 1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // A quoted run: jump to its closing quote natively ("" inside it closes and reopens,
      // which lands on the same cell). Quoted line breaks stay in the row.
      const close = text.indexOf('"', i + 1);
      if (close === -1) return n - cellStart > MAX_CELL_CHARS || n - rowStart > MAX_ROW_CHARS ? unclosedQuote(row) : null;
      i = close;
      if (i - cellStart > MAX_CELL_CHARS) return cellTooLong(row, column);
      if (i - rowStart > MAX_ROW_CHARS) return rowTooLong(row);
    } else if (c === sep) {
      if (i - cellStart > MAX_CELL_CHARS) return cellTooLong(row, column);
      if (++column > MAX_COLUMNS) return tooManyColumns(row);
      cellStart = i + 1;
    } else if (c === 10 || c === 13) {
      if (i - cellStart > MAX_CELL_CHARS) return cellTooLong(row, column);
      if (i - rowStart > MAX_ROW_CHARS) return rowTooLong(row);
      if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) i++;
      row++;
      column = 1;
      rowStart = cellStart = i + 1;
    }
  }
  if (n - cellStart > MAX_CELL_CHARS) return cellTooLong(row, column);
  if (n - rowStart > MAX_ROW_CHARS) return rowTooLong(row);
  return null;
}

function cellTooLong(row, column) {
  return {
    code: "CELL_TOO_LONG",
    message: `Row ${nf.format(row)}: the cell in column ${nf.format(column)} is longer than ${nf.format(MAX_CELL_CHARS)} characters (a quote that is never closed makes the rest of the file one cell). Nothing was imported.`,
  };
}

function unclosedQuote(row) {
  return {
    code: "UNCLOSED_QUOTE",
    message: `Row ${nf.format(row)}: a quote opened in this row is never closed, so the rest of the file would be read as one cell. Close the quote (write a quote inside a cell as "") and upload again. Nothing was imported.`,
  };
}

function rowTooLong(row) {
  return {
    code: "ROW_TOO_LONG",
    message: `Row ${nf.format(row)} is longer than ${nf.format(MAX_ROW_CHARS)} characters. Nothing was imported.`,
  };
}

function tooManyColumns(row) {
  return {
    code: "TOO_MANY_COLUMNS",
    message: `Row ${nf.format(row)} has more than ${nf.format(MAX_COLUMNS)} columns; a shift, demand or trade file has at most a few dozen. Check the delimiter. Nothing was imported.`,
  };
}

// ── Reading: sniff, check, parse ──

/** Characters that separate columns in files we cannot read. */
const FOREIGN_DELIMITERS = ["|", "^", "~", "#", ":"];
/** Characters per papaparse chunk: parsed rows die young, so the garbage collector never copies the whole file. */
const CHUNK_CHARS = 64 * 1024;

/**
 * Checks the whole file (size, blank, binary, delimiter, shape), then hands every non-blank
 * record to `sink` with its spreadsheet row number and the code of a quote problem papaparse
 * found in it ("MissingQuotes", "InvalidQuotes", or null). Returns a file error, or what
 * was read. Row numbers are what a spreadsheet shows: the header is row 1, a blank line
 * still takes a row, a quoted cell spanning several lines stays in one row.
 */
export function tokenizeCsv(input, sink) {
  if (input.length > MAX_IMPORT_BYTES / 3) {
    const sized = checkImportSize(input.length > MAX_IMPORT_BYTES ? input.length : utf8ByteLength(input));
    if (sized) return { ok: false, fileError: sized };
  }
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (isBlank(text)) return { ok: false, fileError: { code: "EMPTY_FILE", message: "The file is empty." } };
  const binary = sniffBinary(text);
  if (binary) return { ok: false, fileError: binary };

  const sniff = sniffHeaderLine(text);
  if (sniff.delimiter === null) {
    const foreign = FOREIGN_DELIMITERS.filter((d) => sniff.line.includes(d)).sort((a, b) => sniff.line.split(b).length - sniff.line.split(a).length);
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

  const st = { headers: null, index: 0, rowCount: 0, stopped: false, fileError: null };
  // In chunk mode papaparse numbers error rows within the chunk and may report a row
  // twice (once at the end of a chunk, again when it re-reads the partial line).
  const quoteCodes = new Map();
  Papa.parse(text, {
    delimiter,
    header: false,
    skipEmptyLines: false,
    dynamicTyping: false,
    chunkSize: CHUNK_CHARS,
    chunk: (results, parser) => {
      const base = st.index; // records seen so far, blank ones included: record i is spreadsheet row i + 1
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
        if (++st.rowCount > MAX_IMPORT_ROWS) {
          st.fileError = checkRowCount(st.rowCount);
          parser.abort();
          return;
        }
        sink.record(rec, at + 1, quoteCodes.size > 0 ? (quoteCodes.get(at) ?? null) : null);
      }
    },
  });

  if (st.fileError) return { ok: false, fileError: st.fileError };
  if (st.headers === null) return { ok: false, fileError: { code: "EMPTY_FILE", message: "The file is empty." } };
  if (!st.stopped && st.rowCount === 0) {
    return { ok: false, fileError: { code: "HEADER_ONLY", message: "The file has a header row but no data rows." } };
  }
  return { ok: true, headers: st.headers, delimiter, rowCount: st.rowCount, stopped: st.stopped };
}

export function isBlankRecord(rec) {
  for (let j = 0; j < rec.length; j++) {
    const c = rec[j];
    if (c !== "" && c.trim() !== "") return false;
  }
  return true;
}

function isBlank(text) {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0xfeff) return false;
  }
  return true;
}

const SNIFF_CHARS = 65_536;

/** NUL bytes, or more than a tenth control characters / U+FFFD in the first 64 KiB, mean not text. */
function sniffBinary(text) {
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
      message: 'The file looks like UTF-16 text or a binary file, not a UTF-8 CSV. Save it as "CSV UTF-8" and upload it again.',
    };
  }
  // No NUL anywhere: the upload worker relies on it to pass records back as NUL-joined text.
  if (nul > 0 || text.indexOf("\0", n) !== -1 || (bad >= 4 && bad > n * 0.1)) {
    return {
      code: "BINARY_FILE",
      message: 'The file is not a text CSV (it looks binary, e.g. an Excel workbook). Save it as "CSV UTF-8" and upload it again.',
    };
  }
  return null;
}

/**
 * The delimiter is read from the header line alone (quote-aware): our headers never
 * contain `,` `;` or tab, while data cells do (skills lists hold `;`), so the header
 * is the reliable witness. The most frequent candidate wins; ties go to , then ; then tab.
 */
function sniffHeaderLine(text) {
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

export function clip(s, max) {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
