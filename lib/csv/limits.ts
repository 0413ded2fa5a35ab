/**
 * Whole-file limits of CSV imports. The browser checks the byte count before it
 * reads a file; the server checks it again before it parses. The limits live in
 * tokenize.mjs, which the upload worker runs as plain JavaScript.
 */
export { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, checkImportSize, checkRowCount, utf8ByteLength } from "./tokenize.mjs";

/** onProgress is called after every this many data rows, and once at the end. */
export const PROGRESS_EVERY = 5_000;
