import { z } from "zod";

/**
 * The building block for every free-text input (query parameters, form fields, JSON
 * bodies, CSV cells): a string without control characters. A NUL reaching Postgres
 * fails the query (a 500 instead of a 400), and other control characters let a value
 * look different on screen, in CSV exports and in logs than what was stored.
 *
 * `multiline` admits tab, line feed and carriage return for comments and notes;
 * everything else in C0, DEL and C1 is refused with the position of the first one.
 * Chain the usual checks after it: `safeText().trim().min(1).max(64)`.
 */
export function safeText(options: { multiline?: boolean } = {}) {
  const forbidden = options.multiline ? MULTILINE_FORBIDDEN : SINGLE_LINE_FORBIDDEN;
  return z.string().refine((s) => !forbidden.test(s), {
    error: (issue) => {
      const s = typeof issue.input === "string" ? issue.input : "";
      const at = s.search(forbidden);
      const code = at >= 0 ? s.charCodeAt(at).toString(16).toUpperCase().padStart(4, "0") : "????";
      return `Contains a control character (U+${code}) at position ${at + 1}; remove it.`;
    },
  });
}

// Built with RegExp so the source holds no literal control characters.
const SINGLE_LINE_FORBIDDEN = new RegExp("[\\u0000-\\u001F\\u007F-\\u009F]");
const MULTILINE_FORBIDDEN = new RegExp("[\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]");
