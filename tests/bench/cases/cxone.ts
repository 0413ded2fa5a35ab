/**
 * The CXone client and workflow against the simulator on loopback.
 *
 * 1. Throughput: 2,000 GET coverage (pageSize 1) through the client (token cache, retry
 *    loop, zod parsing), 8 at a time, beside raw fetch of the same URL with the same
 *    bearer token and a bare JSON.parse.
 * 2. The flow for 10,000 shifts (CSV parse → validate-only import → import → coverage
 *    over every page → gaps → optimization → poll) beside its import requests alone
 *    (validate-only + import of the same shifts through the client). The optimizer runs
 *    in the simulator (greedy engine), so its share shows as the difference.
 *
 * Run with `tsx --conditions=react-server` (lib/cxone modules import "server-only").
 * BENCH_LOG=info shows the flow's own logs (timestamps per step) on stderr.
 */
import { createCxoneClient, type CxoneClient, type CxoneShift } from "../../../lib/cxone";
import { shiftsToCsv, demoSimData } from "../../../scripts/cxone-flow/demo";
import { runFlow } from "../../../scripts/cxone-flow/run";
import { startSimulator, type RunningSimulator } from "../../../lib/cxone/simulator";
import { generateDemo } from "../../../lib/demo/generate";
import { addDays } from "../../../lib/domain/time";
import type { Agent, DemandPoint, Shift } from "../../../lib/domain/types";
import type { BenchCase } from "../harness";

const WEEK = "2026-03-02";
const CREDS = { clientId: "sim-client", clientSecret: "sim-secret" };
const REQUESTS = 2_000;
const CONCURRENCY = 8;
const SHIFTS = 10_000;

async function pool(n: number, concurrency: number, task: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) await task(next++);
    }),
  );
}

// ---------------------------------------------------------------- 1. throughput

let sim1: RunningSimulator;
let client1: CxoneClient;
let rawUrl = "";
let rawToken = "";

const throughput: BenchCase = {
  name: `cxone client: ${REQUESTS.toLocaleString("en")} GET coverage (pageSize 1), ${CONCURRENCY} at a time`,
  baselineName: "raw fetch, same URL and token, JSON.parse",
  iterations: 5,
  async setup() {
    sim1 = await startSimulator({ data: demoSimData({ weekStart: WEEK }) });
    client1 = createCxoneClient({ baseUrl: sim1.url, ...CREDS });
    rawToken = await client1.tokens.getToken();
    rawUrl = client1.transport.url("/api/v1/wfm/schedule/coverage", { dateFrom: "2026-03-02T00:00:00Z", dateTo: "2026-03-08T23:59:59Z", groupBy: "skill", pageSize: 1 });
  },
  async subject() {
    await pool(REQUESTS, CONCURRENCY, async () => {
      const page = await client1.getCoverage({ dateFrom: "2026-03-02T00:00:00Z", dateTo: "2026-03-08T23:59:59Z", pageSize: 1 }).next();
      if (page.value?.items.length !== 1) throw new Error("expected one item");
    });
  },
  async baseline() {
    await pool(REQUESTS, CONCURRENCY, async () => {
      const res = await fetch(rawUrl, { headers: { authorization: `Bearer ${rawToken}`, accept: "application/json" } });
      const body = JSON.parse(await res.text()) as { items: unknown[] };
      if (body.items.length !== 1) throw new Error("expected one item");
    });
  },
  goal: "client ≤ 1.5× raw fetch",
  goalMet: (s, b) => s <= 1.5 * b,
  async teardown() {
    await sim1.close();
  },
};

// ---------------------------------------------------------------- 2. the flow at 10,000 shifts

/** 600 agents (the demo team and a copy of it), four demo weeks of their shifts, demand × 2. */
function bigCenter(): { agents: Agent[]; shifts: Shift[]; demand: DemandPoint[]; skills: ReturnType<typeof generateDemo>["skills"]; sites: ReturnType<typeof generateDemo>["sites"] } {
  const weeks = [0, 7, 14, 21].map((d) => generateDemo({ weekStart: addDays(WEEK, d) }));
  const base = weeks[0];
  const twin = (id: string) => id.replace(/^AGENT-(\d+)$/, (_, n: string) => `AGENT-${Number(n) + 1000}`);
  const agents = [...base.agents, ...base.agents.map((a) => ({ ...a, id: twin(a.id), username: `${a.username}b` }))];
  const shifts = weeks
    .flatMap((w) => [...w.shifts, ...w.shifts.map((s) => ({ ...s, id: `${s.id}-b`, agentId: twin(s.agentId) }))])
    .sort((a, b) => a.start - b.start || (a.agentId < b.agentId ? -1 : 1))
    .slice(0, SHIFTS);
  const demand = base.demand.map((d) => ({ ...d, requiredAgents: d.requiredAgents * 2 }));
  return { agents, shifts, demand, skills: base.skills, sites: base.sites };
}

let sim2: RunningSimulator;
let client2: CxoneClient;
let csv = "";
let wire: CxoneShift[] = [];
let window: { from: string; to: string };

function toWire(s: Shift): CxoneShift {
  const iso = (t: number) => new Date(t).toISOString().replace(".000Z", "Z");
  return {
    agentId: s.agentId,
    startDate: iso(s.start),
    endDate: iso(s.end),
    skills: s.skills.map((k) => ({ skillId: k.skillId, proficiencyLevel: k.proficiency })),
    status: s.status,
    breaks: s.breaks.map((b) => ({ startTimeOffset: b.startOffsetMinutes * 60, duration: b.durationMinutes * 60 })),
    metadata: { siteId: s.siteId },
  };
}

const flow: BenchCase = {
  name: `cxone flow: ${SHIFTS.toLocaleString("en")} shifts (CSV, validate, import, coverage, optimize, poll)`,
  baselineName: "the import requests alone (validate-only + import)",
  iterations: 3,
  async setup() {
    const center = bigCenter();
    sim2 = await startSimulator({ data: { agents: center.agents, skills: center.skills, sites: center.sites, demand: center.demand }, faults: { job: { queuedMs: 0, runningMs: 0 } } });
    client2 = createCxoneClient({ baseUrl: sim2.url, ...CREDS });
    csv = shiftsToCsv(center.shifts);
    wire = center.shifts.map(toWire);
    const first = new Date(center.shifts[0].start).toISOString().slice(0, 10);
    const last = new Date(Math.max(...center.shifts.map((s) => s.end)) - 1).toISOString().slice(0, 10);
    window = { from: first, to: last };
  },
  async subject() {
    const out: string[] = [];
    let err = "";
    const code = await runFlow(
      ["--base-url", sim2.url, "--client-id", CREDS.clientId, "--client-secret", CREDS.clientSecret, "--shifts", "/mem/shifts.csv", "--from", window.from, "--to", window.to, "--poll-interval-ms", "20", "--log-level", process.env.BENCH_LOG ?? "silent"],
      {
        out: (l) => out.push(l),
        err: { write: (c: string) => ((err += c), process.env.BENCH_LOG && process.stderr.write(c)) },
        env: {},
        readFile: async () => csv,
        writeFile: async () => {},
      },
    );
    if (code !== 0) throw new Error(`flow exited ${code}: ${err.trim().split("\n").pop()}`);
  },
  async baseline() {
    const check = await client2.importShifts(wire, { validateOnly: true });
    const done = await client2.importShifts(wire);
    if (check.failedCount + done.failedCount > 0) throw new Error("import refused shifts");
  },
  async teardown() {
    await sim2.close();
  },
};

export const cases: BenchCase[] = [throughput, flow];
