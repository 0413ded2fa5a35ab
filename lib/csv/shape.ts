/**
 * The shape limits of a CSV, checked in one linear, quote-aware pass before papaparse
 * sees the text. papaparse streams in chunks and re-reads a record that spans a chunk
 * boundary on every chunk, so a single huge quoted cell (or a header of a million
 * columns) costs quadratic time and memory; with every record bounded here, each chunk
 * re-reads at most one bounded record and the whole parse stays linear.
 *
 * The limits are far above any real shift, demand or trade file (our widest file has
 * about 15 columns; the longest cell is a note of 1,000 characters).
 */
import type { FileError } from "../schemas/imports";

/** Characters in one cell. */
export const MAX_CELL_CHARS = 10_000;
/** Columns in one row (the header included). */
export const MAX_COLUMNS = 200;
/** Characters in one row, its quotes and delimiters included. */
export const MAX_ROW_CHARS = 100_000;

const nf = new Intl.NumberFormat("en-US");

/**
 * scanCsvShape('a,b\n1,2\n', ",") → null; a cell of 20,000 characters in row 3 →
 * CELL_TOO_LONG naming row 3 and its column. Row numbers are the spreadsheet's: the first
 * line is row 1 and a quoted line break stays inside its row.
 */
export function scanCsvShape(text: string, delimiter: string): FileError | null {
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

function cellTooLong(row: number, column: number): FileError {
  return {
    code: "CELL_TOO_LONG",
    message: `Row ${nf.format(row)}: the cell in column ${nf.format(column)} is longer than ${nf.format(MAX_CELL_CHARS)} characters (a quote that is never closed makes the rest of the file one cell). Nothing was imported.`,
  };
}

function unclosedQuote(row: number): FileError {
  return {
    code: "UNCLOSED_QUOTE",
    message: `Row ${nf.format(row)}: a quote opened in this row is never closed, so the rest of the file would be read as one cell. Close the quote (write a quote inside a cell as "") and upload again. Nothing was imported.`,
  };
}

function rowTooLong(row: number): FileError {
  return {
    code: "ROW_TOO_LONG",
    message: `Row ${nf.format(row)} is longer than ${nf.format(MAX_ROW_CHARS)} characters. Nothing was imported.`,
  };
}

function tooManyColumns(row: number): FileError {
  return {
    code: "TOO_MANY_COLUMNS",
    message: `Row ${nf.format(row)} has more than ${nf.format(MAX_COLUMNS)} columns; a shift, demand or trade file has at most a few dozen. Check the delimiter. Nothing was imported.`,
  };
}
