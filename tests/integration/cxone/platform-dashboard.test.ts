/**
 * The dashboard's CXone use cases against the simulator over real HTTP, on each test
 * database: "Test connection" per capability for both profiles (and its faults: unknown
 * tenant, unexpected discovery, wrong access key, wrong app secret, a role without WFM
 * permissions), agent/skill sync previewed then applied (nothing changes before), the
 * schedule export compared with ours in 7-day windows, and the template push with commas.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { startSimulator, type RunningSimulator } from "@/lib/cxone/simulator";
import { demoSimData } from "@/scripts/cxone-flow/demo";
import type { OpenedDb } from "@/lib/db/client";
import { agents, agentSkills, auditLog, shifts, skills } from "@/lib/db/schema";
import type { CurrentUser } from "@/lib/auth/checks";
import { saveCxoneConnection, saveCxonePlatformConnection } from "@/lib/services/settings/cxone-connection";
import { testCxoneCapabilities } from "@/lib/services/cxone/test-capabilities";
import { getCxoneProfileOffer } from "@/lib/services/cxone/profile-offer";
import { requireCxoneClient } from "@/lib/services/backends/cxone-client";
import { previewReferenceSync } from "@/lib/services/cxone/preview-reference-sync";
import { applyReferenceSync } from "@/lib/services/cxone/apply-reference-sync";
import { compareCxoneSchedule } from "@/lib/services/cxone/compare-schedule";
import { exportCxoneTemplate } from "@/lib/services/cxone/export-template";
import { resetEnvCache } from "@/lib/env";
import type { SimData } from "@/lib/cxone/simulator";
import type { CxoneCapabilityReport } from "@/lib/types/cxone";
import { TEST_DRIVERS } from "../support/db";
import { DEMO_WEEK, openSeeded } from "../support/demo";

const admin: CurrentUser = { id: "00000000-0000-4000-8000-000000000001", email: "admin@test", name: "Admin", role: "admin", siteIds: [] };
const planner: CurrentUser = { ...admin, email: "planner@test", role: "planner" };
const supervisor: CurrentUser = { ...admin, email: "sup@test", role: "supervisor", siteIds: ["NYC"] };
const actor = { id: null, label: "admin@test" };
const deps = { sleep: async () => {}, random: () => 0 };
const state = (r: CxoneCapabilityReport) => Object.fromEntries(r.checks.map((c) => [c.key, c.state]));
const msg = (r: CxoneCapabilityReport, key: string) => r.checks.find((c) => c.key === key)!.message;

/** CXone as the simulator serves it: the demo center with a few differences from ours. */
function tenantData(): { data: SimData; renamed: string; dropped: string; reskilled: string; movedShift: string; droppedShift: string } {
  const data = demoSimData({ weekStart: DEMO_WEEK, includeShifts: true });
  const list = [...data.agents!];
  const [renamed, dropped, reskilled] = [list[0], list[1], list[2]];
  const newSkill = { id: "SKILL-CHAT-NEW", name: "Chat, new", parentId: null, equivalenceGroup: null };
  data.skills = [...data.skills!, newSkill];
  data.agents = [
    { ...renamed, name: `${renamed.name} Jr` },
    { ...reskilled, skills: [{ skillId: newSkill.id, proficiency: 4 }] },
    ...list.slice(3),
    { ...list[3], id: "CX-NEW-1", username: "new.hire", name: "New Hire", skills: [{ skillId: newSkill.id, proficiency: 2 }] },
  ];
  // Schedule: one shift moved by 30 minutes, one missing in CXone, one only in CXone.
  const all = [...data.shifts!].sort((a, b) => a.start - b.start);
  const moved = all.find((s) => s.agentId === list[4].id)!;
  const gone = all.find((s) => s.agentId === list[5].id)!;
  const extraDay = Date.parse(`${DEMO_WEEK}T00:00:00Z`) + 13 * 86_400_000; // the following week: nothing of ours there
  data.shifts = [
    ...all.filter((s) => s !== moved && s !== gone && s.agentId !== dropped.id),
    { ...moved, id: "moved", start: moved.start + 1_800_000, end: moved.end + 1_800_000 },
    { ...moved, id: "extra", start: extraDay + 9 * 3_600_000, end: extraDay + 17 * 3_600_000, breaks: [] },
  ];
  return { data, renamed: renamed.id, dropped: dropped.id, reskilled: reskilled.id, movedShift: moved.agentId, droppedShift: gone.agentId };
}

describe.each(TEST_DRIVERS)("CXone on the dashboard on $name", (driver) => {
  let sim: RunningSimulator;
  let seedSim: RunningSimulator;
  let o: OpenedDb;
  let t: ReturnType<typeof tenantData>;
  const platform = (over: Partial<Parameters<typeof saveCxonePlatformConnection>[1]> = {}) =>
    saveCxonePlatformConnection(o.db, { issuer: sim.url, tenantId: "sim-tenant", accessKeyId: "sim-access-key", accessKeySecret: "sim-access-secret", clientId: "sim-app", clientSecret: "sim-app-secret", ...over }, actor);

  beforeAll(async () => {
    process.env.CXONE_API_HOST_TEMPLATE = "http://{domain}/api-{area}";
    resetEnvCache();
    t = tenantData();
    sim = await startSimulator({
      profile: "platform",
      data: t.data,
      platform: { users: [{ accessKeyId: "agent-key", accessKeySecret: "agent-secret", role: "Agent", permissions: [] }, { accessKeyId: "sim-access-key", accessKeySecret: "sim-access-secret", role: "Scheduling Manager", permissions: ["Admin API: Agents and Skills — View", "WFM Schedules — View (Schedule Export)", "WFM Data — View", "Data Extraction — Create jobs"] }] },
    });
    seedSim = await startSimulator({ data: demoSimData({ weekStart: DEMO_WEEK }) });
    o = (await openSeeded(driver.open)).opened;
  });
  afterAll(async () => {
    await o?.close();
    await sim?.close();
    await seedSim?.close();
    delete process.env.CXONE_API_HOST_TEMPLATE;
    resetEnvCache();
  });

  it("offers nothing without a connection but the template file, and says why", async () => {
    const offer = await getCxoneProfileOffer(o.db);
    expect(offer.profile).toBeNull();
    expect(offer.features.templateFile.available).toBe(true);
    expect(offer.features.referenceSync).toEqual({ available: false, reason: expect.stringMatching(/No CXone connection yet/) });
  });

  it("seed profile: Test connection proves sign-in, import, coverage and optimization, and says the platform reads are not offered", async () => {
    await saveCxoneConnection(o.db, { region: "CUSTOM", baseUrl: seedSim.url, clientId: "sim-client", clientSecret: "sim-secret" }, actor);
    const r = await testCxoneCapabilities(o.db, admin);
    expect(r.profile).toBe("seed");
    expect(state(r)).toEqual({ discovery: "not_offered", signIn: "ok", agentsRead: "not_offered", skillsRead: "not_offered", scheduleExport: "not_offered", contactHistory: "not_offered", importEndpoint: "ok", coverageRead: "ok", optimization: "ok" });
    expect(msg(r, "scheduleExport")).toMatch(/seed's WFM API cannot export a schedule/);
    expect(r.ok).toBe(true);
    const offer = await getCxoneProfileOffer(o.db);
    expect(offer.features.pushShifts.available).toBe(true);
    expect(offer.features.scheduleCompare.reason).toMatch(/cannot export a schedule/);
    await expect(testCxoneCapabilities(o.db, planner)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("platform profile: discovery, sign-in and every documented read ok; the import endpoint not offered, with why", async () => {
    await platform();
    const r = await testCxoneCapabilities(o.db, admin, { deps });
    expect(state(r)).toEqual({ discovery: "ok", signIn: "ok", agentsRead: "ok", skillsRead: "ok", scheduleExport: "ok", contactHistory: "ok", importEndpoint: "not_offered", coverageRead: "not_offered", optimization: "not_offered" });
    expect(msg(r, "discovery")).toMatch(/area na1/);
    expect(msg(r, "signIn")).toMatch(/password grant/);
    expect(msg(r, "importEndpoint")).toMatch(/CSV template import/);
    expect(r.ok).toBe(true);
    const offer = await getCxoneProfileOffer(o.db);
    expect(offer.profile).toBe("platform");
    expect(offer.features.pushShifts).toEqual({ available: false, reason: expect.stringMatching(/download the template file/) });
    expect(offer.features.referenceSync.available).toBe(true);
    // The cxone backend's seed-only calls say why, not "not configured".
    await expect(requireCxoneClient(o.db)).rejects.toThrow(/NICE platform profile has no shift import, coverage or optimization API/);
  });

  it("names what is wrong: unknown tenant, discovery answering something unexpected, wrong access key, wrong app secret, a role without WFM permissions", async () => {
    await platform({ tenantId: "no-such-tenant" });
    let r = await testCxoneCapabilities(o.db, admin, { deps });
    expect(state(r).discovery).toBe("failed");
    expect(msg(r, "discovery")).toMatch(/does not know the tenant id "no-such-tenant"/);
    expect(state(r).agentsRead).toBe("not_checked");

    const odd = await startSimulator({ profile: "platform", platform: { discoveryFault: "no-area" } });
    try {
      await platform({ issuer: odd.url });
      r = await testCxoneCapabilities(o.db, admin, { deps });
      expect(state(r).discovery).toBe("failed");
      expect(msg(r, "discovery")).toMatch(/answered something unexpected.*Enter the API host by hand instead/);
    } finally {
      await odd.close();
    }

    await platform({ accessKeySecret: "wrong" });
    r = await testCxoneCapabilities(o.db, admin, { deps });
    expect(state(r).signIn).toBe("failed");
    expect(msg(r, "signIn")).toMatch(/refused the access key/);

    await platform({ clientSecret: "wrong" });
    r = await testCxoneCapabilities(o.db, admin, { deps });
    expect(msg(r, "signIn")).toMatch(/registered application's client id or client secret/);

    await platform({ accessKeyId: "agent-key", accessKeySecret: "agent-secret" });
    r = await testCxoneCapabilities(o.db, admin, { deps });
    expect(state(r)).toMatchObject({ signIn: "ok", agentsRead: "missing_permission", scheduleExport: "missing_permission", contactHistory: "missing_permission" });
    expect(msg(r, "agentsRead")).toMatch(/role lacks the permission "Admin API: Agents and Skills — View"/);
    expect(r.ok).toBe(false);
    await expect(previewReferenceSync(o.db, planner, { deps })).rejects.toMatchObject({ code: "UPSTREAM", message: expect.stringMatching(/Admin API: Agents and Skills — View/) });
    await platform();
  });

  it("previews the agent and skill sync without changing anything, then applies it on confirmation, audited", async () => {
    const before = { agents: await o.db.select().from(agents), skills: await o.db.select().from(skills), links: await o.db.select().from(agentSkills) };
    const p = await previewReferenceSync(o.db, planner, { deps });
    expect(p.skills.added).toEqual([{ skillId: "SKILL-CHAT-NEW", name: "Chat, new" }]);
    expect(p.agents.added).toEqual([expect.objectContaining({ agentId: "CX-NEW-1", username: "new.hire", name: "New Hire" })]);
    expect(p.agents.missing.map((a) => a.agentId)).toEqual([t.dropped]);
    const changed = new Map(p.agents.changed.map((a) => [a.agentId, a.changes.join(" | ")]));
    expect(changed.get(t.renamed)).toMatch(/^name: .* → .* Jr$/);
    expect(changed.get(t.reskilled)).toMatch(/skills: \+SKILL-CHAT-NEW:4 −/);
    expect(changed.size).toBe(2);
    // Nothing changed by the preview.
    expect(await o.db.select().from(agents)).toEqual(before.agents);
    expect(await o.db.select().from(skills)).toEqual(before.skills);
    expect(await o.db.select().from(agentSkills)).toEqual(before.links);

    await expect(applyReferenceSync(o.db, supervisor, { fingerprint: p.fingerprint })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(applyReferenceSync(o.db, planner, { fingerprint: "0123456789abcdef" }, { deps })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(applyReferenceSync(o.db, planner, { fingerprint: p.fingerprint }, { deps })).rejects.toThrow(/Choose the home site for the 1 new agent/);
    expect(await o.db.select().from(agents)).toEqual(before.agents);

    const site = before.agents[0].homeSiteId;
    const applied = await applyReferenceSync(o.db, planner, { fingerprint: p.fingerprint, newAgentSiteId: site }, { deps });
    expect(applied).toEqual({ skillsAdded: 1, skillsRenamed: 0, agentsAdded: 1, agentsChanged: 2 });
    const [hire] = await o.db.select().from(agents).where(eq(agents.id, "CX-NEW-1"));
    expect(hire).toMatchObject({ username: "new.hire", homeSiteId: site, active: true });
    expect(await o.db.select().from(agentSkills).where(eq(agentSkills.agentId, t.reskilled))).toEqual([{ agentId: t.reskilled, skillId: "SKILL-CHAT-NEW", proficiency: 4 }]);
    // The dropped agent stays (shifts refer to it).
    expect(await o.db.select().from(agents).where(eq(agents.id, t.dropped))).toHaveLength(1);
    const [audit] = await o.db.select().from(auditLog).where(eq(auditLog.action, "cxone.reference.synced"));
    expect(audit.details).toMatchObject({ agentsAdded: 1, skillIdsAdded: ["SKILL-CHAT-NEW"], newAgentSiteId: site });
    // A second preview finds only what stays by decision: the dropped agent missing.
    const again = await previewReferenceSync(o.db, planner, { deps });
    expect(again.agents.added.length + again.agents.changed.length + again.skills.added.length).toBe(0);
  });

  it("compares CXone's schedule with ours over 15 days: 3 export windows per agent, nothing overwritten", async () => {
    const ours = await o.db.select().from(shifts);
    const progress: number[] = [];
    const r = await compareCxoneSchedule(o.db, planner, { startDate: DEMO_WEEK, endDate: "2026-12-07" }, { deps, onProgress: (p) => progress.push(p.done) });
    expect(r.windows).toEqual([
      { startDate: "2026-11-23", endDate: "2026-11-29" },
      { startDate: "2026-11-30", endDate: "2026-12-06" },
      { startDate: "2026-12-07", endDate: "2026-12-07" },
    ]);
    expect(r.requests).toBe(r.agents * 3);
    expect(progress).toHaveLength(r.requests);
    expect(r.differentTimes).toEqual([expect.objectContaining({ agentId: t.movedShift })]);
    expect(Date.parse(r.differentTimes[0].cxone.start) - Date.parse(r.differentTimes[0].ours.start)).toBe(1_800_000);
    expect(r.onlyCxone).toEqual([expect.objectContaining({ agentId: t.movedShift, start: "2026-12-06T09:00:00.000Z" })]);
    const onlyOurs = new Set(r.onlyOurs.map((s) => s.agentId));
    expect(onlyOurs).toEqual(new Set([t.droppedShift, t.dropped]));
    expect(r.same).toBeGreaterThan(100);
    expect(await o.db.select().from(shifts)).toEqual(ours);
    await expect(compareCxoneSchedule(o.db, planner, { startDate: DEMO_WEEK, endDate: "2027-02-01" }, { deps })).rejects.toThrow(/at most 35 days/);
  });

  it("exports our shifts as CXone's template: commas replaced with a warning per field, publish state explained, one row per shift", async () => {
    const [first] = await o.db.select().from(shifts).where(eq(shifts.agentId, t.renamed)).limit(1);
    await o.db.update(shifts).set({ notes: "Cover, then coach" }).where(eq(shifts.id, first.id));
    const site = first.siteId;
    const day = first.startsAt.toISOString().slice(0, 10);
    const e = await exportCxoneTemplate(o.db, planner, { from: day, to: day, siteId: site, publishState: "unpublished", unitName: "Tier 1" });
    expect(e.pushedBy).toBe("file");
    expect(e.csv.split("\r\n")[0]).toMatch(/^Username,Shift Start Date and Time,/);
    expect(e.warnings).toEqual([expect.objectContaining({ column: "Shift Notes", code: "COMMA_REPLACED", before: "Cover, then coach", after: "Cover; then coach" })]);
    expect(e.publishState).toMatch(/"Tier 1" is unpublished: the imported shifts wait/);
    expect(e.instructions).toMatch(/1 field was changed/);
    // No quoting anywhere: every line has exactly the header's number of cells.
    const lines = e.csv.trimEnd().split("\r\n");
    const width = lines[0].split(",").length;
    expect(lines.every((l) => l.split(",").length === width)).toBe(true);
    expect(lines.filter((l) => l.includes("Cover; then coach"))).toHaveLength(1);
    expect(e.rows).toBe(lines.length - 1);
    await expect(exportCxoneTemplate(o.db, supervisor, { from: day, to: day })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(exportCxoneTemplate(o.db, planner, { from: "2031-01-01", to: "2031-01-02" })).rejects.toThrow(/No shifts start between 2031-01-01 and 2031-01-02/);
    const [audit] = await o.db.select().from(auditLog).where(eq(auditLog.action, "cxone.template.exported"));
    expect(audit.details).toMatchObject({ rows: e.rows, fieldsChanged: 1, pushedBy: "file" });
  });
});
