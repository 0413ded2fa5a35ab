import "server-only";
import { AppError } from "../errors";

/** JSON bodies above this are refused with 413 (files have their own, larger caps). */
export const DEFAULT_JSON_LIMIT_BYTES = 1024 * 1024;

/**
 * Reads a request body as UTF-8 text under the same cap as `readBodyBytes` (which it reads
 * through): an oversized upload is refused without being held in memory.
 */
export async function readBodyText(request: Request, limitBytes: number, describeLimit: (bytes: number) => string): Promise<{ text: string; bytes: number }> {
  const body = await readBodyBytes(request, limitBytes, describeLimit);
  return { text: new TextDecoder("utf-8").decode(body), bytes: body.byteLength };
}

/**
 * Reads a request body as bytes into one buffer, stopping as soon as it passes `limitBytes`,
 * so an oversized upload is refused without being held in memory. The bytes go to the upload
 * reader's worker as they are (lib/api/csv-upload.ts): the file never becomes one giant
 * string on the server's own thread.
 */
export async function readBodyBytes(request: Request, limitBytes: number, describeLimit: (bytes: number) => string): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > limitBytes) throw new AppError("TOO_LARGE", describeLimit(declared));
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const parts: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > limitBytes) {
      await reader.cancel();
      throw new AppError("TOO_LARGE", describeLimit(bytes));
    }
    parts.push(value);
  }
  const out = new Uint8Array(bytes);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

const kb = (n: number) => (n >= 1048576 ? `${(n / 1048576).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);

/** Parses a JSON body, naming where it breaks; an empty body is named as such. */
export function parseJsonText(text: string): unknown {
  if (text.trim() === "") throw new AppError("VALIDATION", "The request body is empty; send a JSON object.", { issues: [{ path: "body", message: "Empty body." }] });
  try {
    return JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : "not JSON";
    throw new AppError("VALIDATION", `The request body is not valid JSON: ${why}.`, { issues: [{ path: "body", message: why }] });
  }
}

export async function readJsonBody(request: Request, limitBytes = DEFAULT_JSON_LIMIT_BYTES): Promise<{ value: unknown; text: string }> {
  const { text } = await readBodyText(request, limitBytes, (n) => `The body is ${kb(n)}; JSON bodies are limited to ${kb(limitBytes)}.`);
  return { value: parseJsonText(text), text };
}
