/**
 * Hostile uploads (issue 16, item 1) replayed against the real route handlers and database:
 * a 40 MB file with one quoted cell, a 10 MB cell of `""` pairs, a header of a million
 * columns. Each gets a clear 4xx naming the row, another request is answered while it is
 * in flight, and the server imports a good file afterwards. Only the session is replaced
 * (next-auth needs a live request). The reader's time budget and heap ceiling are proved
 * on the reader itself, with limits small enough to be reached.
 */
import { describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/current-user";
import { routeCtx as ctx, setUpRouteTests } from "./support/route-harness";

const planner: CurrentUser = { id: "00000000-0000-4000-8000-000000000003", email: "planner@test", name: "Planner", role: "planner", siteIds: [] };
const ORIGIN = "http://127.0.0.1:3400";
const MiB = 1024 * 1024;
setUpRouteTests({ folderPrefix: "shiftboard-upload-", user: planner });

/** `head`, then `fill` repeated to `bytes` in all, then `tail`: built as bytes, never as one test-side string. */
function fileOf(head: string, fill: string, bytes: number, tail: string): Uint8Array {
  const out = Buffer.alloc(bytes);
  const h = Buffer.from(head);
  const t = Buffer.from(tail);
  h.copy(out, 0);
  out.fill(fill, h.length, bytes - t.length);
  t.copy(out, bytes - t.length);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/** A request body handed over 1 MiB at a time; `sent` resolves once the last byte is taken. */
function streamed(bytes: Uint8Array): { body: ReadableStream<Uint8Array>; sent: Promise<void> } {
  let done!: () => void;
  const sent = new Promise<void>((r) => (done = r));
  let at = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      if (at >= bytes.length) {
        c.close();
        done();
        return;
      }
      c.enqueue(bytes.subarray(at, at + MiB));
      at += MiB;
    },
  });
  return { body, sent };
}

type Handler = (req: Request, c: typeof ctx) => Promise<Response>;

/**
 * Posts `bytes` to a handler and, once the whole body is sent, asks GET /api/v1/me. Returns
 * the hostile answer and the order in which the two were answered.
 */
async function hostileUpload(handler: Handler, url: string, bytes: Uint8Array) {
  const { GET: me } = await import("@/app/api/v1/me/route");
  const order: string[] = [];
  const { body, sent } = streamed(bytes);
  const init = { method: "POST", headers: { origin: ORIGIN, "content-type": "text/csv" }, body, duplex: "half" } as RequestInit;
  const upload = handler(new Request(`${ORIGIN}${url}`, init), ctx).then((r) => {
    order.push("upload");
    return r;
  });
  await sent;
  const meRes = await me(new Request(`${ORIGIN}/api/v1/me`), ctx);
  order.push("me");
  expect(meRes.status).toBe(200);
  expect((await meRes.json()).email).toBe(planner.email);
  const res = await upload;
  return { res, order, body: (await res.json()) as { code: string; detail: string; fileErrorCode?: string } };
}

describe("hostile uploads are read off the event loop and refused clearly", () => {
  it("a 40 MB shift file with one quoted cell: 400 naming row 2, /me answered meanwhile", async () => {
    const { POST } = await import("@/app/api/v1/imports/shifts/route");
    const file = fileOf('agentId,start,end\nAGENT-1,"', "x", 40 * MiB, '",2030-01-07T17:00:00Z\n');
    const { res, order, body } = await hostileUpload(POST, "/api/v1/imports/shifts?fileName=one-cell.csv", file);
    expect(order).toEqual(["me", "upload"]);
    expect(res.status).toBe(400);
    expect(body.code).toBe("VALIDATION");
    expect(body.detail).toContain("Row 2: the cell in column 2 is longer than 10,000 characters");
  });

  it("a 10 MB demand cell of \"\" pairs: 400 naming row 2, /me answered meanwhile", async () => {
    const { POST } = await import("@/app/api/v1/imports/demand/route");
    const file = fileOf('skillId,intervalStart,requiredAgents\n"', '""', 10 * MiB, '",2030-01-07T09:00:00Z,3\n');
    const { res, order, body } = await hostileUpload(POST, "/api/v1/imports/demand?fileName=quotes.csv", file);
    expect(order).toEqual(["me", "upload"]);
    expect(res.status).toBe(400);
    expect(body.detail).toContain("Row 2: the cell in column 1 is longer than 10,000 characters");
  });

  it("a 7.9 MB shift header of 1,000,000 columns: 400 naming row 1, /me answered meanwhile", async () => {
    const { POST } = await import("@/app/api/v1/imports/shifts/route");
    const header = Array.from({ length: 1_000_000 }, (_, i) => `c${i}`).join(",");
    const file = new TextEncoder().encode(`${header}\n1,2,3\n`);
    const { res, order, body } = await hostileUpload(POST, "/api/v1/imports/shifts?fileName=wide.csv", file);
    expect(order).toEqual(["me", "upload"]);
    expect(res.status).toBe(400);
    expect(body.detail).toContain("Row 1 has more than 200 columns");
  });

  it("a 2 MB trade file of 1,000,000 columns: 400 naming row 1, /me answered meanwhile", async () => {
    const { POST } = await import("@/app/api/v1/trades/bulk/route");
    const file = fileOf("", "a,", 2_000_000, "a\n");
    const { res, order, body } = await hostileUpload(POST, "/api/v1/trades/bulk", file);
    expect(order).toEqual(["me", "upload"]);
    expect(res.status).toBe(400);
    expect(body.detail).toContain("Row 1 has more than 200 columns");
  });

  it("still imports a good file afterwards", async () => {
    const { POST } = await import("@/app/api/v1/imports/shifts/route");
    const res = await POST(
      new Request(`${ORIGIN}/api/v1/imports/shifts?fileName=ok.csv&dryRun=true`, {
        method: "POST",
        headers: { origin: ORIGIN, "content-type": "text/csv" },
        body: "agentId,start,end\nAGENT-1,2030-01-07T09:00:00Z,2030-01-07T17:00:00Z\n",
      }),
      ctx,
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe("validated");
    expect(body.totalRows).toBe(1);
  });
});

describe("the worker's records", () => {
  it("replay to exactly what the in-thread reader reads: row numbers, quoted line breaks, blank lines, quote problems", async () => {
    const { readCsvUpload } = await import("@/lib/api/csv-upload");
    const { readCsvTable } = await import("@/lib/csv/read");
    const text = [
      "\uFEFFagentId;start;end;notes",
      "",
      'AGENT-1;2030-01-07T09:00:00Z;2030-01-07T17:00:00Z;"two\r\nlines; one cell"',
      "AGENT-2;2030-01-07T10:00:00Z;2030-01-07T18:00:00Z;",
      "  ;  ;  ;  ",
      'AGENT-3;2030-01-07T11:00:00Z;2030-01-07T19:00:00Z;"bad "quote" here"',
      'AGENT-4;2030-01-07T12:00:00Z;2030-01-07T20:00:00Z;"never closed',
    ].join("\r\n");
    const inThread = readCsvTable(text);
    const { csv } = await readCsvUpload(new TextEncoder().encode(text));
    const replayed = readCsvTable(csv);
    expect(inThread.ok && replayed.ok).toBe(true);
    expect(replayed).toEqual(inThread);
    if (replayed.ok) {
      expect(replayed.table.rowNumbers).toEqual([3, 4, 6, 7]);
      expect(replayed.table.records[0][3]).toBe("two\r\nlines; one cell");
      expect([...replayed.table.quoteErrors.values()].map((e) => e.code).sort()).toEqual(["BAD_QUOTES", "UNCLOSED_QUOTE"]);
    }
  });
});

describe("the upload reader's budgets", () => {
  it("stops a read past its time budget with a clear 413", async () => {
    const { readCsvUpload } = await import("@/lib/api/csv-upload");
    const file = fileOf("agentId,start,end\n", "AGENT-1,2030-01-07T09:00:00Z,2030-01-07T17:00:00Z\n", 20 * MiB, "\n");
    const e = await readCsvUpload(file, { timeBudgetMs: 1 }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: "TOO_LARGE", status: 413, details: { fileErrorCode: "READ_TIMEOUT" } });
    expect((e as Error & { userMessage: string }).userMessage).toContain("The file took too long to read");
  });

  it("stops a read past its heap ceiling with a clear 413, and the next read works", async () => {
    const { readCsvUpload } = await import("@/lib/api/csv-upload");
    const big = fileOf("agentId,start,end\n", "AGENT-1,2030-01-07T09:00:00Z,2030-01-07T17:00:00Z\n", 40 * MiB, "\n");
    const e = await readCsvUpload(big, { memoryMb: 64 }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: "TOO_LARGE", status: 413, details: { fileErrorCode: "READ_OUT_OF_MEMORY" } });
    expect((e as Error & { userMessage: string }).userMessage).toContain("more than the 64 MiB an upload may use");

    const ok = await readCsvUpload(new TextEncoder().encode("agentId,start,end\nAGENT-1,2030-01-07T09:00:00Z,2030-01-07T17:00:00Z\n"));
    expect(ok.csv.headers).toEqual(["agentId", "start", "end"]);
    expect(Array.from(ok.csv.rows)).toEqual([2]);
    expect(ok.csv.cells.split("\0")).toEqual(["AGENT-1", "2030-01-07T09:00:00Z", "2030-01-07T17:00:00Z"]);
  });
});
