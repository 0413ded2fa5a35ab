import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/client/fetch-json";
import { readNdjson } from "@/lib/client/ndjson";

/** A body handed over in the given pieces, as a slow network would. */
function body(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(c) {
      for (const chunk of chunks) c.enqueue(encoder.encode(chunk));
      c.close();
    },
  });
}

describe("readNdjson", () => {
  it("reads lines split across chunks, skips blank ones, and reads a last line without its newline", async () => {
    const lines: unknown[] = [];
    await readNdjson(body('{"type":"progress","do', 'ne":1,"total":2}\n\n{"type":"progress","done":2,"total":2}\n{"type":"res', 'ult","result":{"same":3}}'), (l) => lines.push(l));
    expect(lines).toEqual([
      { type: "progress", done: 1, total: 2 },
      { type: "progress", done: 2, total: 2 },
      { type: "result", result: { same: 3 } },
    ]);
  });

  it("throws an error line as the ApiError its problem describes, after the lines before it", async () => {
    const lines: unknown[] = [];
    const problem = { type: "urn:shiftboard:problem:upstream", title: "Upstream failure", status: 502, detail: "CXone did not answer.", code: "UPSTREAM", requestId: "req-9", errors: [] };
    const reading = readNdjson(body('{"type":"progress","done":1,"total":4}\n', `${JSON.stringify({ type: "error", problem })}\n`), (l) => lines.push(l));
    await expect(reading).rejects.toBeInstanceOf(ApiError);
    await expect(reading).rejects.toMatchObject({ message: "CXone did not answer.", status: 502, code: "UPSTREAM", requestId: "req-9" });
    expect(lines).toEqual([{ type: "progress", done: 1, total: 4 }]);
  });

  it("says which status an error line without our problem shape stands for", async () => {
    await expect(readNdjson(body('{"type":"error","error":{"message":"old form"}}\n'), () => {})).rejects.toMatchObject({ message: "The server answered 500." });
  });
});
