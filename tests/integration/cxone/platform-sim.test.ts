/**
 * The NICE platform profile against the simulator over real HTTP: discovery, both
 * sign-ins and their refusals, each paging style, schedule export in 7-day windows,
 * contact history, the extraction throttle and an expired download URL.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  CxoneAuthError,
  CxoneDiscoveryError,
  CxoneDownloadExpiredError,
  CxonePermissionError,
  compareSchedules,
  createPlatformClient,
  type PlatformConfigInput,
} from "@/lib/cxone";
import { DEFAULT_PLATFORM_USER, simUserId, startSimulator, type RunningSimulator } from "@/lib/cxone/simulator";
import { demoSimData } from "@/scripts/cxone-flow/demo";

const WEEK = "2026-03-02";
let sim: RunningSimulator;
/** One fake clock shared by the client and the simulator: the 30 s throttle passes without waiting. */
let clock = Date.parse("2026-03-05T12:00:00Z");
const fakeTime = { now: () => clock, sleep: async (ms: number) => void (clock += ms), random: () => 0 };
const logs: string[] = [];
const logger = { debug() {}, info: (_o: object, m?: string) => void logs.push(m ?? ""), warn: (_o: object, m?: string) => void logs.push(m ?? "") };

const base = (): PlatformConfigInput => ({
  issuer: sim.url,
  tenantId: "sim-tenant",
  apiHostTemplate: "http://{domain}/api-{area}",
  accessKeyId: "sim-access-key",
  accessKeySecret: "sim-access-secret",
  clientId: "sim-app",
  clientSecret: "sim-app-secret",
  backoffBaseMs: 1,
  retryAfterJitterMs: 0,
});

beforeAll(async () => {
  sim = await startSimulator({
    profile: "platform",
    now: () => clock,
    data: demoSimData({ weekStart: WEEK, includeShifts: true }),
    platform: {
      users: [DEFAULT_PLATFORM_USER, { accessKeyId: "agent-key", accessKeySecret: "agent-secret", role: "Agent", permissions: [] }],
      downloadTtlMs: 60_000,
    },
  });
});
afterAll(async () => {
  await sim?.close();
});
beforeEach(() => {
  sim.control.resetFaults();
  sim.control.resetStats();
  logs.length = 0;
});

describe("discovery and sign-in", () => {
  it("finds the tenant's API host from its area and signs in with the password grant", async () => {
    const cx = await createPlatformClient(base(), fakeTime);
    expect(cx.apiBaseUrl).toBe(`${sim.url}/api-na1`);
    expect(cx.connection.discovery.tokenEndpoint).toBe(`${sim.url}/auth/token`);
    expect((await cx.listSkills()).length).toBeGreaterThan(0);
    expect(sim.control.stats().log.some((e) => e.path === "/auth/token" && e.status === 200)).toBe(true);
  });

  it("signs in with the JSON access-key endpoint when no application is registered", async () => {
    const noApp = { ...base(), clientId: undefined, clientSecret: undefined };
    const cx = await createPlatformClient(noApp, fakeTime);
    await cx.listSkills();
    expect(sim.control.stats().log.some((e) => e.path === "/authentication/v1/token/access-key" && e.status === 200)).toBe(true);
  });

  it("says the tenant id is unknown", async () => {
    await expect(createPlatformClient({ ...base(), tenantId: "nobody" }, fakeTime)).rejects.toThrow(/does not know the tenant id "nobody"/);
  });

  it("says discovery answered something unexpected", async () => {
    const odd = await startSimulator({ profile: "platform", platform: { discoveryFault: "no-area" } });
    try {
      const err = await createPlatformClient({ ...base(), issuer: odd.url }, fakeTime).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CxoneDiscoveryError);
      expect((err as Error).message).toMatch(/answered something unexpected: .*"region":"somewhere".* instead of an area/);
    } finally {
      await odd.close();
    }
  });

  it("names the wrong credential: the access key secret, the key id, or the application", async () => {
    const secret = await (await createPlatformClient({ ...base(), accessKeySecret: "nope" }, fakeTime)).listSkills().catch((e: unknown) => e);
    expect(secret).toBeInstanceOf(CxoneAuthError);
    expect((secret as Error).message).toMatch(/refused the access key .*The access key secret does not match the access key id/);
    const id = await (await createPlatformClient({ ...base(), accessKeyId: "ghost" }, fakeTime)).listSkills().catch((e: unknown) => e);
    expect((id as Error).message).toMatch(/Unknown access key id "ghost"/);
    const app = await (await createPlatformClient({ ...base(), clientSecret: "nope" }, fakeTime)).listSkills().catch((e: unknown) => e);
    expect((app as Error).message).toMatch(/registered application's client id or client secret/);
  });

  it("names the role and the permission it lacks", async () => {
    const cx = await createPlatformClient({ ...base(), accessKeyId: "agent-key", accessKeySecret: "agent-secret" }, fakeTime);
    const err = await cx.contactHistory({ startDate: WEEK, endDate: WEEK }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CxonePermissionError);
    expect((err as CxonePermissionError).scope).toBe("WFM Data — View");
    expect((err as Error).message).toMatch(/role "Agent" lacks the permission "WFM Data — View"/);
  });

  it("signs in again after the tokens are revoked", async () => {
    const cx = await createPlatformClient(base(), fakeTime);
    await cx.listSkills();
    sim.control.revokeTokens();
    expect((await cx.listSkills()).length).toBeGreaterThan(0);
    expect(cx.connection.tokens.refreshCount).toBe(2);
  });
});

describe("reads and their paging", () => {
  it("reads every agent over top/skip pages, unknown fields passing with a log line", async () => {
    // The page size is configuration: the endpoint map takes a tenant's override.
    const cx = await createPlatformClient({ ...base(), endpoints: { agents: { paging: { kind: "topSkip", top: 25 } } } }, { ...fakeTime, logger });
    const agents = await cx.listAgents();
    const expected = demoSimData({ weekStart: WEEK }).agents!.length;
    expect(agents.length).toBe(expected);
    expect(new Set(agents.map((a) => a.agentId)).size).toBe(expected);
    const pages = sim.control.stats().log.filter((e) => e.endpoint === "agents").length;
    expect(expected).toBeGreaterThan(50);
    expect(pages).toBe(Math.ceil(expected / 25));
    expect(logs).toContain("cxone sent fields we do not read; they pass");
  });

  it("reads contact history over _links.next pages, and a 204 for an empty range is no rows", async () => {
    const cx = await createPlatformClient(base(), fakeTime);
    const rows = await cx.contactHistory({ startDate: "2026-03-02", endDate: "2026-03-03" });
    expect(rows.length).toBeGreaterThan(200);
    expect(sim.control.stats().log.filter((e) => e.endpoint === "contacts").length).toBe(Math.ceil(rows.length / 200));
    expect(rows.every((r) => r.intervalMinutes === 15 && r.averageHandleTimeSeconds === 300 && r.handled === r.offered)).toBe(true);
    expect(await cx.contactHistory({ startDate: "2030-01-01", endDate: "2030-01-01" })).toEqual([]);
    expect(sim.control.stats().log.at(-1)?.status).toBe(204);
  });

  it("exports 16 days as three 7-day windows per agent, never a longer one, and compares with ours", async () => {
    const cx = await createPlatformClient(base(), fakeTime);
    const agents = (await cx.listAgents()).slice(0, 3);
    sim.control.resetStats();
    const progress: number[] = [];
    const res = await cx.exportSchedules({ userIds: agents.map((a) => a.userId), startDate: "2026-02-24", endDate: "2026-03-11", concurrency: 2, onProgress: (p) => progress.push(p.done) });
    expect(res.requests).toBe(9);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(sim.control.stats().statuses["400"]).toBeUndefined();
    const demo = demoSimData({ weekStart: WEEK, includeShifts: true });
    const ours = demo.shifts!.filter((s) => agents.some((a) => a.agentId === s.agentId));
    const byUser = new Map(agents.map((a) => [simUserId(a.agentId), a.agentId]));
    const theirs = res.shifts.map((s) => ({ ...s, agentId: byUser.get(s.userId)! }));
    const cmp = compareSchedules(theirs, [...ours.slice(1), { ...ours[0], end: ours[0].end + 900_000 }]);
    expect(cmp.same.length).toBe(ours.length - 1);
    expect(cmp.onlyCxone.map((s) => s.start)).toEqual([ours[0].start]);
    expect(cmp.onlyOurs.map((s) => s.end)).toEqual([ours[0].end + 900_000]);
  });

  it("waits the extraction throttle out on the injected clock, and an expired download URL says so", async () => {
    const cx = await createPlatformClient(base(), fakeTime);
    const t0 = clock;
    const first = await cx.submitExtraction({ entityName: "contacts", startDate: WEEK, endDate: WEEK });
    const second = await cx.submitExtraction({ entityName: "agents", startDate: WEEK, endDate: WEEK });
    expect(second).not.toBe(first);
    expect(clock - t0).toBeGreaterThanOrEqual(30_000);
    expect(sim.control.stats().statuses["429"]).toBeUndefined();
    const job = await cx.pollExtraction(second);
    expect(await cx.downloadExtraction(job.url)).toContain("agents,2026-03-02");
    clock += 61_000;
    await expect(cx.downloadExtraction(job.url)).rejects.toBeInstanceOf(CxoneDownloadExpiredError);
  });

  it("a caller that ignores the throttle gets a 429 with Retry-After from the simulator", async () => {
    const cx = await createPlatformClient(base(), fakeTime);
    await cx.submitExtraction({ entityName: "contacts", startDate: WEEK, endDate: WEEK });
    const token = await cx.connection.tokens.getToken();
    const res = await fetch(`${cx.apiBaseUrl}/data-extraction/v1/jobs`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ entityName: "x" }) });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBe(30);
  });

  it("rides out 429s on the reads", async () => {
    sim.control.setFaults({ rateLimit: { rate: 1, times: 3, retryAfter: { seconds: 1, format: "seconds" } } });
    const cx = await createPlatformClient(base(), fakeTime);
    expect((await cx.listSkills()).length).toBeGreaterThan(0);
    expect(sim.control.stats().statuses["429"]).toBe(3);
  });
});

describe("named proficiencies on the seed contract", () => {
  it("the seed client sends names, the simulator stores them as levels; an unknown name is refused naming the four", async () => {
    const { createCxoneClient } = await import("@/lib/cxone");
    const seed = await startSimulator({ data: demoSimData({ weekStart: WEEK }) });
    try {
      const agent = demoSimData({ weekStart: WEEK }).agents![0];
      const skillId = agent.skills[0].skillId;
      const cx = createCxoneClient({ baseUrl: seed.url, clientId: "sim-client", clientSecret: "sim-secret" });
      const shift = (h: number, level: number | string) => ({ agentId: agent.id, startDate: `2026-03-0${h}T08:00:00Z`, endDate: `2026-03-0${h}T16:00:00Z`, skills: [{ skillId, proficiencyLevel: level }], status: "DRAFT" as const, breaks: [] });
      const res = await cx.importShifts([shift(2, 4), shift(3, "expert"), shift(4, 1)]);
      expect(res.status).toBe("COMPLETED");
      expect(seed.control.stats().log.find((e) => e.endpoint === "import")?.proficiencyLevels).toEqual(["ADVANCED", "EXPERT", 1]);
      const stored = seed.control.store.allShifts().map((s) => s.skills[0].proficiency);
      expect(stored.sort()).toEqual([1, 4, 5]);
      const bad = await cx.importShifts([shift(5, "GURU")]);
      expect(bad.errors[0].message).toMatch(/BEGINNER, INTERMEDIATE, ADVANCED, EXPERT \(got "GURU"\)/);
    } finally {
      await seed.close();
    }
  });
});
