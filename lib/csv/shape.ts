/**
 * The shape limits of a CSV (cell ≤ 10,000 characters, row ≤ 100,000, ≤ 200 columns, an
 * unclosed quote named by its row), checked in one linear, quote-aware pass before
 * papaparse sees the text. The scan lives in tokenize.mjs, which the upload worker runs.
 */
export { MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROW_CHARS, scanCsvShape } from "./tokenize.mjs";
