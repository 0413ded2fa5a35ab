/**
 * Reading our NDJSON answers (one JSON object a line, e.g. the schedule comparison's progress):
 * a line may arrive split across chunks, and the last may lack its newline. A failure after
 * the stream started is a `{"type":"error","problem":{…}}` line (lib/api/README.md): it is
 * thrown as the ApiError the same problem would have given as a failed answer.
 */
import { apiError } from "./fetch-json";

export interface NdjsonErrorLine {
  type: "error";
  problem: { status: number; code: string; detail: string; requestId: string };
}

/** Calls `onLine` with each parsed line but an error line, which it throws; resolves at the end of the stream. */
export async function readNdjson<T extends { type: string }>(body: ReadableStream<Uint8Array>, onLine: (line: T) => void): Promise<void> {
  const reader = body.getReader();
  // stream: true keeps a character split across chunks whole.
  const decoder = new TextDecoder();
  let buffer = "";
  const take = (text: string) => {
    if (!text.trim()) return;
    const line = JSON.parse(text) as T | NdjsonErrorLine;
    if (line.type === "error") {
      const { problem } = line as NdjsonErrorLine;
      throw apiError(problem?.status ?? 500, problem);
    }
    onLine(line as T);
  };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    for (const l of lines) take(l);
  }
  take(buffer + decoder.decode());
}
