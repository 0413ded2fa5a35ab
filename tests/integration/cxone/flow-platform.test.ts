/**
 * `cxone:flow --profile platform` against the simulator's NICE platform profile: sign-in by
 * discovery and access key, the template file as the push, schedule export comparison,
 * contact history → Erlang C coverage, under 429s and a revoked token; and named
 * proficiencies end to end (canonical CSV → parsed rows → the seed's payload and the
 * platform's template and coverage).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseShiftCsv, structuralImportContext } from "@/lib/csv";
import type { FetchLike } from "@/lib/cxone";
import { startSimulator, type RunningSimulator } from "@/lib/cxone/simulator";
import { generateDemo } from "@/lib/demo/generate";
import { demoShiftsCsv, demoSimData } from "@/scripts/cxone-flow/demo";
import { EXIT, runFlow, type FlowIO } from "@/scripts/cxone-flow/run";

const WEEK = "2026-03-02";
const demo = generateDemo({ weekStart: WEEK });
let platform: RunningSimulator;
let seed: RunningSimulator;
const files = new Map<string, string>();

function memoryIO(extra: Partial<FlowIO> = {}) {
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
  return { io, out, text: () => out.join("\n"), stderr: () => err };
}

const platformArgs = () => [
  "--profile", "platform",
  "--issuer", platform.url,
  "--tenant-id", "sim-tenant",
  "--api-host-template", "http://{domain}/api-{area}",
  "--access-key-id", "sim-access-key",
  "--access-key-secret", "sim-access-secret",
  "--client-id", "sim-app",
  "--client-secret", "sim-app-secret",
];
/** Waits recorded and served at once. */
const fastSleep = (slept: number[] = []) => ({ sleep: async (ms: number) => void slept.push(ms), random: () => 0 });

beforeAll(async () => {
  platform = await startSimulator({ profile: "platform", data: demoSimData({ weekStart: WEEK, includeShifts: true }) });
  seed = await startSimulator({ data: demoSimData({ weekStart: WEEK }), faults: { job: { queuedMs: 20, runningMs: 20 } } });
  files.set("/mem/week.csv", demoShiftsCsv(WEEK).csv);
});
afterAll(async () => {
  await platform?.close();
  await seed?.close();
});
beforeEach(() => {
  platform.control.resetFaults();
  platform.control.resetStats();
});

describe("cxone:flow --profile platform", () => {
  it("writes the template as the push, compares CXone's schedule with the file and measures coverage from contact history", async () => {
    const m = memoryIO({ clientDeps: fastSleep() });
    const code = await runFlow([...platformArgs(), "--shifts", "/mem/week.csv", "--from", "2026-03-02", "--to", "2026-03-08", "--publish-state", "unpublished"], m.io);
    expect(m.stderr()).not.toMatch(/^cxone:flow:/m);
    expect(code).toBe(EXIT.OK);
    const text = m.text();
    const n = demo.shifts.length;
    expect(text).toContain(`Signed in to the NICE platform at ${platform.url}/api-na1.`);
    expect(text).toContain(`Push: wrote ${n} shifts to /mem/week-cxone-template.csv in CXone's import template`);
    expect(text).toContain("is unpublished: the imported shifts wait in its schedule until a supervisor publishes it");
    expect(text).toMatch(new RegExp(`CXone has ${n} shifts for \\d+ agents \\(\\d+ requests in 7-day windows\\); ${n} match the file, 0 only in CXone, 0 only in the file\\.`));
    expect(text).toMatch(/Contact history: \d+ intervals over \d skill\(s\); coverage measured here: \d+ skill-days\./);
    expect(text).toContain("Optimization skipped: NICE's public APIs have no optimization run");
    // The simulator's platform has no import, coverage or optimization traffic.
    const stats = platform.control.stats();
    expect(stats.requests.import + stats.requests.coverage + stats.requests.run).toBe(0);

    // The template reads back through our own import as the same shifts.
    const back = parseShiftCsv(files.get("/mem/week-cxone-template.csv")!, structuralImportContext());
    if (!back.ok) throw new Error("template did not parse");
    expect(back.format).toBe("cxone");
    expect(back.errors).toEqual([]);
    const usernames = new Map(demo.agents.map((a) => [a.id, a.username.toLowerCase()]));
    const key = (agent: string, s: number, e: number) => `${agent}|${s}|${e}`;
    expect(new Set(back.rows.map((r) => key(r.agentId.toLowerCase(), r.start, r.end)))).toEqual(new Set(demo.shifts.map((s) => key(usernames.get(s.agentId)!, s.start, s.end))));
  });

  it("completes under 429s and a token revoked mid-run, signing in again", async () => {
    platform.control.setFaults({ seed: 7, rateLimit: { rate: 0.4, times: 4, retryAfter: { seconds: 1, format: "seconds" }, endpoints: ["agents", "export", "contacts"] } });
    let revoked = false;
    const revokingFetch: FetchLike = async (input, init) => {
      if (!revoked && input.includes("/schedules/export")) {
        revoked = true;
        platform.control.revokeTokens();
      }
      return fetch(input, init);
    };
    const slept: number[] = [];
    const m = memoryIO({ clientDeps: { ...fastSleep(slept), fetch: revokingFetch } });
    const code = await runFlow([...platformArgs(), "--shifts", "/mem/week.csv", "--from", "2026-03-07", "--to", "2026-03-08", "--template-out", "/mem/weekend.csv"], m.io);
    expect(m.stderr()).not.toMatch(/^cxone:flow:/m);
    expect(code).toBe(EXIT.OK);
    const stats = platform.control.stats();
    expect(stats.statuses["429"]).toBe(4);
    expect(stats.statuses["401"]).toBeGreaterThan(0);
    expect(stats.tokensIssued).toBe(2);
    expect(slept.filter((ms) => ms >= 1000).length).toBeGreaterThanOrEqual(4);
    expect(files.get("/mem/weekend.csv")).toMatch(/^Username,Shift Start Date and Time/);
    expect(m.text()).toContain("Check whether the target scheduling unit is published before importing");
  });

  it("refuses a wrong access key by name and a file naming agents CXone does not have", async () => {
    const bad = memoryIO({ clientDeps: fastSleep() });
    const args = platformArgs();
    args[args.indexOf("sim-access-secret")] = "wrong";
    expect(await runFlow([...args, "--shifts", "/mem/week.csv"], bad.io)).toBe(EXIT.AUTH);
    expect(bad.stderr()).toMatch(/cxone:flow: authentication failed: .*access key/i);

    files.set("/mem/stranger.csv", "agentId,start,end\r\nAGENT-9999,2026-03-03T09:00:00Z,2026-03-03T17:00:00Z\r\n");
    const m = memoryIO({ clientDeps: fastSleep() });
    expect(await runFlow([...platformArgs(), "--shifts", "/mem/stranger.csv"], m.io)).toBe(EXIT.DATA);
    expect(m.text()).toContain("Row 2 (agentId): AGENT-9999 is not an agent in CXone");
    expect(files.has("/mem/stranger-cxone-template.csv")).toBe(false);
  });
});

describe("named proficiencies end to end", () => {
  const agent = demo.agents[0];
  const skillId = "SKILL-EN-TECH-SUPPORT";
  const csv = `agentId,start,end,skills\r\n${agent.id},2026-03-03T09:00:00Z,2026-03-03T17:00:00Z,${skillId}:advanced\r\n`;

  it("reads SKILL:ADVANCED as level 4, sends ADVANCED in the seed's import and counts the skill in the platform's coverage", async () => {
    files.set("/mem/named.csv", csv);
    const parsed = parseShiftCsv(csv, structuralImportContext());
    if (!parsed.ok) throw new Error("did not parse");
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows[0].skills).toEqual([{ skillId, proficiency: 4 }]);

    const bodies: string[] = [];
    const recording: FetchLike = async (input, init) => {
      if (input.includes("/shifts/import") && typeof init.body === "string") bodies.push(init.body);
      return fetch(input, init);
    };
    const s = memoryIO({ clientDeps: { ...fastSleep(), fetch: recording } });
    const code = await runFlow(["--base-url", seed.url, "--client-id", "sim-client", "--client-secret", "sim-secret", "--shifts", "/mem/named.csv", "--poll-interval-ms", "10"], s.io);
    expect(s.stderr()).not.toMatch(/^cxone:flow:/m);
    expect(code).toBe(EXIT.OK);
    expect(bodies.length).toBe(2);
    for (const b of bodies) expect(JSON.parse(b).shifts[0].skills).toEqual([{ skillId, proficiencyLevel: "ADVANCED" }]);
    expect(s.text()).toContain("Import: 1 imported, 0 refused");

    const p = memoryIO({ clientDeps: fastSleep() });
    expect(await runFlow([...platformArgs(), "--shifts", "/mem/named.csv"], p.io)).toBe(EXIT.OK);
    expect(files.get("/mem/named-cxone-template.csv")!.split("\r\n")[1]).toBe(`${agent.username},03/03/2026 09:00:00,03/03/2026 17:00:00,UTC+00:00,Open,`);
    expect(p.text()).toMatch(/coverage measured here: [1-9]\d* skill-days/);
  });
});
