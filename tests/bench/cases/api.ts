/**
 * What a bearer token costs per API request: GET /api/v1/me through the real apiRoute
 * (token hash lookup in the database, rate limit, permission check against the map,
 * request log, JSON answer) beside a bare handler that only answers the same JSON.
 * 200 requests a side, in process (no HTTP: the socket costs the same for both), on the
 * embedded database. Goal: under 1 ms of overhead per request.
 */
import type { BenchCase } from "../harness";
import type { OpenedDb } from "../../../lib/db/client";

// The request log would print 200 lines a run: keep warnings only.
process.env.LOG_LEVEL ??= "warn";

const REQUESTS = 200;
let opened: OpenedDb | undefined;
let token = "";
let handler: (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

const bare = async () => Response.json({ id: "x", email: "api-token:bench", name: "bench", role: "planner", siteIds: [] });

async function setup() {
  const { openPglite } = await import("../../../lib/db/client");
  const { createApiToken } = await import("../../../lib/services/api-tokens/create");
  const { createApiRateLimiter } = await import("../../../lib/api/rate-limit");
  opened = await openPglite();
  const globals = globalThis as unknown as { __shiftboardDb?: Promise<OpenedDb>; __shiftboardApiRateLimiter?: unknown };
  globals.__shiftboardDb = Promise.resolve(opened);
  // A limit the bench cannot reach: the limiter's cost is measured, not its refusals.
  globals.__shiftboardApiRateLimiter = Promise.resolve(createApiRateLimiter({ points: 1_000_000 }));
  token = (await createApiToken(opened.db, { shell: true }, { name: "bench", role: "planner" }, new Date())).token;
  handler = (await import("../../../app/api/v1/me/route")).GET;
  const res = await handler(request(), { params: Promise.resolve({}) });
  if (res.status !== 200) throw new Error(`GET /api/v1/me answered ${res.status}: ${await res.text()}`);
}

const request = () => new Request("http://127.0.0.1/api/v1/me", { headers: { authorization: `Bearer ${token}` } });

// The harness hands goalMet the medians; the per-request figure is printed from our own timings.
const subjectRuns: number[] = [];
const baselineRuns: number[] = [];
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function timed(runs: number[], fn: () => Promise<void>) {
  const t0 = performance.now();
  await fn();
  runs.push(performance.now() - t0);
}

export const cases: BenchCase[] = [
  {
    name: `api: ${REQUESTS} × GET /api/v1/me with a bearer token (auth + rate limit + permission + log)`,
    baselineName: `${REQUESTS} × bare handler answering the same JSON`,
    setup,
    subject: () =>
      timed(subjectRuns, async () => {
        for (let i = 0; i < REQUESTS; i++) await (await handler(request(), { params: Promise.resolve({}) })).json();
      }),
    baseline: () =>
      timed(baselineRuns, async () => {
        for (let i = 0; i < REQUESTS; i++) {
          request();
          await (await bare()).json();
        }
      }),
    iterations: 7,
    goal: "< 1 ms overhead per request",
    goalMet: (s, b) => (s - b) / REQUESTS < 1,
    extra: () => ({ requests: REQUESTS, overheadMsPerRequest: (median(subjectRuns) - median(baselineRuns)) / REQUESTS, msPerRequest: median(subjectRuns) / REQUESTS }),
    teardown: async () => {
      const globals = globalThis as unknown as { __shiftboardDb?: unknown; __shiftboardApiRateLimiter?: unknown };
      globals.__shiftboardDb = undefined;
      globals.__shiftboardApiRateLimiter = undefined;
      await opened?.close();
    },
  },
];
