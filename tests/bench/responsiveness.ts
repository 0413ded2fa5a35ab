import http from "node:http";
import type { AddressInfo } from "node:net";
import { Worker } from "node:worker_threads";

/**
 * Response times of a trivial request to an HTTP server on this process while `work` runs,
 * probed every 25 ms from a worker thread (its clock does not wait for this event loop).
 */
export async function probeResponsiveness(work: () => Promise<unknown>): Promise<{ p50: number; p95: number; max: number; count: number }> {
  const server = http.createServer((_req, res) => res.end("ok"));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  const probe = new Worker(
    `const { parentPort, workerData } = require("node:worker_threads");
     const http = require("node:http");
     const agent = new http.Agent({ keepAlive: true });
     let stop = false;
     const out = [];
     parentPort.on("message", () => { stop = true; });
     (async () => {
       while (!stop) {
         const t0 = performance.now();
         await new Promise((r) => http.get({ host: "127.0.0.1", port: workerData.port, path: "/", agent }, (res) => { res.resume(); res.on("end", r); }).on("error", r));
         out.push(performance.now() - t0);
         await new Promise((r) => setTimeout(r, 25));
       }
       parentPort.postMessage(out);
       agent.destroy();
     })();`,
    { eval: true, workerData: { port } },
  );
  try {
    await work();
  } finally {
    probe.postMessage("stop");
  }
  const times: number[] = await new Promise((r) => probe.once("message", r));
  await probe.terminate();
  await new Promise((r) => server.close(r));
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))] * 10) / 10;
  return { p50: at(0.5), p95: at(0.95), max: Math.round((times[times.length - 1] ?? 0) * 10) / 10, count: times.length };
}
