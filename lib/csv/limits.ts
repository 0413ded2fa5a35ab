/**
 * Whole-file limits of CSV imports. The browser checks the byte count before it
 * reads a file; the server checks it again before it parses.
 */
import type { FileError } from "../schemas/imports";

/** 50 MiB. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
/** Data rows (the header and blank lines not counted). */
export const MAX_IMPORT_ROWS = 200_000;
/** onProgress is called after every this many data rows, and once at the end. */
export const PROGRESS_EVERY = 5_000;

const nf = new Intl.NumberFormat("en-US");

/** checkImportSize(60 * 2 ** 20) → FILE_TOO_LARGE; checkImportSize(1000) → null */
export function checkImportSize(bytes: number): FileError | null {
  if (bytes > MAX_IMPORT_BYTES) {
    return {
      code: "FILE_TOO_LARGE",
      message: `The file is ${(bytes / 1048576).toFixed(1)} MiB; the limit is ${MAX_IMPORT_BYTES / 1048576} MiB. Split it into smaller files.`,
    };
  }
  return null;
}

export function checkRowCount(rows: number): FileError | null {
  if (rows > MAX_IMPORT_ROWS) {
    return {
      code: "TOO_MANY_ROWS",
      message: `The file has ${nf.format(rows)} data rows; the limit is ${nf.format(MAX_IMPORT_ROWS)}. Split it into smaller files.`,
    };
  }
  return null;
}

/** UTF-8 byte length of a string without allocating (a lone surrogate counts as 3, as TextEncoder writes U+FFFD). */
export function utf8ByteLength(text: string): number {
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
