/**
 * `npm run cxone:flow` end to end: runFlow (the CLI's main) against the simulator with
 * the demo center, clean and with faults on, and the one-line failures.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { demoSimData } from "@/scripts/cxone-flow/demo";
import { EXIT, runFlow, type FlowIO } from "@/scripts/cxone-flow/run";
import { startSimulator, type RunningSimulator } from "@/lib/cxone/simulator";
import { generateDemo } from "@/lib/demo/generate";

const WEEK = "2026-03-02";
const CREDS = ["--client-id", "sim-client", "--client-secret", "sim-secret"];
const WINDOW = ["--from", "2026-03-02", "--to", "2026-03-08"];

/** In-memory files and captured output. */
function memoryIO(files: Map<string, string>, extra: Partial<FlowIO> = {}) {
  const out: string[] = [];
  let err = "";
  const io: FlowIO = {
    out: (l) => out.push(l),
    err: { write: (c: string) => (err += c) },
    env: { LOG_LEVEL: "warn" },
    readFile: async (p) => {
      const t = files.get(p);
      if (t === undefined) throw new Error(`ENOENT: ${p}`);
      return t;
    },
    writeFile: async (p, t) => void files.set(p, t),
    ...extra,
  };
  return { io, out, stderr: () => err, lastErrLine: () => err.trim().split("\n").pop() ?? "" };
}

const files = new Map<string, string>();
/** The demo week's size (the demo generator may be retuned). */
const DEMO_SHIFTS = generateDemo({ weekStart: WEEK }).shifts.length;
const DEMO_BATCHES = Math.ceil(DEMO_SHIFTS / 500);
let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({
    data: demoSimData({ weekStart: WEEK }),
    clients: [
      { clientId: "sim-client", clientSecret: "sim-secret", scopes: ["wfm:schedule:read", "wfm:schedule:write", "wfm:optimization:read", "wfm:optimization:write"] },
      { clientId: "no-optimize", clientSecret: "s", scopes: ["wfm:schedule:read", "wfm:schedule:write", "wfm:optimization:read"] },
    ],
    faults: { job: { queuedMs: 30, runningMs: 30 } },
  });
  const m = memoryIO(files);
  expect(await runFlow(["--demo-shifts-out", "/mem/demo.csv", "--demo-week", WEEK], m.io)).toBe(EXIT.OK);
  expect(m.out[0]).toBe(`Wrote ${DEMO_SHIFTS} demo shifts for the week of 2026-03-02 to /mem/demo.csv.`);
});
afterAll(async () => {
  await sim?.close();
});
beforeEach(() => {
  sim.control.resetFaults();
  sim.control.resetStats();
});

describe("cxone:flow", () => {
  it("runs the seed's workflow on the demo week and prints recommendations per agent", async () => {
    const m = memoryIO(files);
    const code = await runFlow(["--base-url", sim.url, ...CREDS, "--shifts", "/mem/demo.csv", ...WINDOW, "--poll-interval-ms", "20"], m.io);
    expect(m.stderr()).not.toMatch(/^cxone:flow:/m);
    expect(code).toBe(EXIT.OK);
    const text = m.out.join("\n");
    expect(text).toContain(`Parsed ${DEMO_SHIFTS} shifts from /mem/demo.csv (canonical format).`);
    expect(text).toContain(`Validate-only import: ${DEMO_SHIFTS} valid, 0 refused.`);
    expect(text).toContain(`Import: ${DEMO_SHIFTS} imported, 0 refused (${DEMO_BATCHES} batches).`);
    expect(text).toMatch(/Coverage .*: 42 records over 1 page/);
    expect(text).toMatch(/Coverage gaps \(below 85 %, HIGH below 70 %\)/);
    expect(text).toMatch(/Optimization job opt-[\w-]+ COMPLETED \(engine greedy\): \d+ agent\(s\) with recommendations/);
    expect(text).toMatch(/Agent AGENT-\d{4}: \d+ recommended shift\(s\), [\d.]+ h.*compliance score \d\.\d\d/);
    expect(text).toMatch(/Projected coverage improvement: [\d.]+ %/);
    const stats = sim.control.stats();
    expect(stats.appliedImports).toBe(DEMO_BATCHES);
    expect(stats.jobsCreated).toBe(1);
  });

  it("still completes with faults on: 429s, a short token lifetime and latency", async () => {
    sim.control.setFaults({
      seed: 42,
      latencyMs: 3,
      latencyJitterMs: 4,
      // Tokens live 250 ms (the client is told 1 s); the job alone takes 600 ms, so tokens expire mid-run.
      tokenLifetimeMs: 250,
      job: { queuedMs: 300, runningMs: 300 },
      // At most 4 rate-limited answers in the run: never 5 in a row for one request, so the run must succeed.
      rateLimit: { rate: 0.3, times: 4, retryAfter: { seconds: 1, format: "seconds" }, endpoints: ["token", "import", "coverage", "run", "job"] },
    });
    const slept: number[] = [];
    const m = memoryIO(files, {
      env: { LOG_LEVEL: "warn", CXONE_BASE_URL: sim.url, CXONE_CLIENT_ID: "sim-client", CXONE_CLIENT_SECRET: "sim-secret" },
      // Waits are recorded at full length and served 100× faster.
      clientDeps: { sleep: (ms) => new Promise((r) => setTimeout(r, ms / 100, slept.push(ms))) },
    });
    // The weekend only: the same import, fewer days for coverage and the optimizer.
    const code = await runFlow(["--shifts", "/mem/demo.csv", "--from", "2026-03-07", "--to", "2026-03-08", "--poll-interval-ms", "20", "--page-size", "5"], m.io);
    expect(m.stderr()).not.toMatch(/^cxone:flow:/m);
    expect(code).toBe(EXIT.OK);
    expect(m.out.join("\n")).toMatch(/Agent AGENT-\d{4}: \d+ recommended shift/);
    const stats = sim.control.stats();
    expect(stats.statuses["429"]).toBeGreaterThan(0);
    expect(stats.tokensIssued).toBeGreaterThan(1);
    // Every 429 answered with Retry-After: 1 was waited out for at least a second.
    const rateLimitWaits = slept.filter((ms) => ms >= 1000);
    expect(rateLimitWaits.length).toBeGreaterThanOrEqual(stats.statuses["429"]);
    expect(stats.jobsCreated).toBe(1);
  });

  it("stops with a message when there are no gaps", async () => {
    const empty = await startSimulator();
    try {
      const m = memoryIO(files);
      const code = await runFlow(["--base-url", empty.url, ...CREDS, "--shifts", "/mem/demo.csv", ...WINDOW], m.io);
      expect(code).toBe(EXIT.OK);
      expect(m.out.at(-1)).toMatch(/^No coverage gaps .* Optimization skipped\.$/);
      expect(empty.control.stats().jobsCreated).toBe(0);
      // --json: stdout is the result alone.
      const j = memoryIO(files);
      expect(await runFlow(["--base-url", empty.url, ...CREDS, "--shifts", "/mem/demo.csv", ...WINDOW, "--json"], j.io)).toBe(EXIT.OK);
      expect(j.out.map((l) => JSON.parse(l))).toEqual([{ gaps: [], result: null }]);
    } finally {
      await empty.close();
    }
  });
});

describe("cxone:flow failures: a non-zero exit and one line that says why", () => {
  it("bad credentials → auth", async () => {
    const m = memoryIO(files);
    const code = await runFlow(["--base-url", sim.url, "--client-id", "sim-client", "--client-secret", "wrong", "--shifts", "/mem/demo.csv", ...WINDOW], m.io);
    expect(code).toBe(EXIT.AUTH);
    expect(m.lastErrLine()).toMatch(/^cxone:flow: authentication failed: .*invalid_client/);
  });

  it("a missing scope → permission, naming the scope", async () => {
    const m = memoryIO(files);
    const code = await runFlow(["--base-url", sim.url, "--client-id", "no-optimize", "--client-secret", "s", "--shifts", "/mem/demo.csv", ...WINDOW], m.io);
    expect(code).toBe(EXIT.PERMISSION);
    expect(m.lastErrLine()).toMatch(/^cxone:flow: permission denied: .*wfm:optimization:write/);
  });

  it("a job that never completes → timeout, naming the job", async () => {
    sim.control.setFaults({ job: { queuedMs: 0, runningMs: 0, neverCompletes: true } });
    const m = memoryIO(files);
    const code = await runFlow(["--base-url", sim.url, ...CREDS, "--shifts", "/mem/demo.csv", ...WINDOW, "--poll-deadline-s", "0.2", "--poll-interval-ms", "30"], m.io);
    expect(code).toBe(EXIT.TIMEOUT);
    const jobId = /Optimization job (opt-[\w-]+) submitted/.exec(m.out.join("\n"))![1];
    expect(m.lastErrLine()).toMatch(new RegExp(`^cxone:flow: timeout: Optimization job ${jobId} did not finish`));
  });

  it("a malformed coverage page → names the field", async () => {
    sim.control.setFaults({ malformedPage: { rate: 1, times: 1 } });
    const m = memoryIO(files);
    const code = await runFlow(["--base-url", sim.url, ...CREDS, "--shifts", "/mem/demo.csv", ...WINDOW], m.io);
    expect(code).toBe(EXIT.MALFORMED_RESPONSE);
    expect(m.lastErrLine()).toMatch(/^cxone:flow: malformed response \(field items\[0\]\.requiredHours\)/);
  });

  it("rate limited on every try → says so", async () => {
    sim.control.setFaults({ rateLimit: { rate: 1, retryAfter: { seconds: 0, format: "seconds" }, endpoints: ["import"] } });
    const m = memoryIO(files, { clientDeps: { sleep: async () => {} } });
    const code = await runFlow(["--base-url", sim.url, ...CREDS, "--shifts", "/mem/demo.csv", ...WINDOW], m.io);
    expect(code).toBe(EXIT.RATE_LIMITED);
    expect(m.lastErrLine()).toMatch(/^cxone:flow: rate limited: /);
    expect(sim.control.stats().requests.import).toBe(5);
  });

  it("CSV rows with errors → nothing is sent", async () => {
    files.set("/mem/bad.csv", "agentId,start,end\nAGENT-1001,2026-03-02T09:00:00Z,2026-03-02T17:00:00Z\nAGENT-1002,2026-03-02T17:00:00Z,2026-03-02T09:00:00Z\n");
    const m = memoryIO(files);
    const code = await runFlow(["--base-url", sim.url, ...CREDS, "--shifts", "/mem/bad.csv"], m.io);
    expect(code).toBe(EXIT.DATA);
    expect(m.out.join("\n")).toMatch(/Row 3/);
    expect(m.lastErrLine()).toMatch(/^cxone:flow: 1 row\(s\) of \/mem\/bad.csv are invalid; nothing was sent to CXone/);
    expect(sim.control.stats().requests.import).toBe(0);
  });

  it("shifts CXone refuses in the validate-only import → their rows, and nothing imported", async () => {
    files.set("/mem/unknown.csv", "agentId,start,end\nAGENT-1001,2026-03-09T09:00:00Z,2026-03-09T17:00:00Z\nAGENT-0001,2026-03-09T09:00:00Z,2026-03-09T17:00:00Z\n");
    const m = memoryIO(files);
    const code = await runFlow(["--base-url", sim.url, ...CREDS, "--shifts", "/mem/unknown.csv"], m.io);
    expect(code).toBe(EXIT.DATA);
    expect(m.out.join("\n")).toMatch(/Row 3 \(agentId\): No agent AGENT-0001 in this tenant \[UNKNOWN_AGENT\]/);
    expect(m.lastErrLine()).toMatch(/refused 1 of 2 shifts in the validate-only import; nothing was imported/);
    expect(sim.control.stats().appliedImports).toBe(0);
  });

  it("usage errors → exit 2", async () => {
    const m = memoryIO(files);
    expect(await runFlow(["--base-url", sim.url, ...CREDS], m.io)).toBe(EXIT.USAGE);
    expect(m.lastErrLine()).toMatch(/--shifts FILE.csv is required/);
    const n = memoryIO(files);
    expect(await runFlow(["--base-url", "http://example.com", ...CREDS, "--shifts", "/mem/demo.csv"], n.io)).toBe(EXIT.USAGE);
    expect(n.lastErrLine()).toMatch(/https/);
  });
});
