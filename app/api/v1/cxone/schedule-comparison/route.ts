import { apiRoute } from "@/lib/api/route";
import { compareCxoneSchedule as compareOp } from "@/lib/api/openapi/cxone";
import { toProblem } from "@/lib/api/problem";
import { isAppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { compareCxoneSchedule } from "@/lib/services/cxone/compare-schedule";

/**
 * CXone's schedule against ours, answered as NDJSON so the screen shows the export's progress:
 * `{"type":"progress","done":n,"total":m}` after each export request, then one
 * `{"type":"result",...}` or `{"type":"error","problem":{…}}`: the status is already sent by
 * then, so a failure travels as the same problem every other answer carries (lib/api/problem.ts).
 * Reads only.
 */
export const POST = apiRoute(compareOp.route, async ({ request, db, user, input, requestId }) => {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (o: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(o)}\n`));
      try {
        const result = await compareCxoneSchedule(db, user, input, { signal: request.signal, onProgress: (p) => send({ type: "progress", done: p.done, total: p.total }) });
        send({ type: "result", result });
      } catch (e) {
        if (!isAppError(e) || e.code === "INTERNAL") logger.error({ err: e, requestId }, "schedule comparison failed");
        send({ type: "error", problem: toProblem(e, requestId) });
      }
      controller.close();
    },
  });
  return new Response(stream, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" } });
});
