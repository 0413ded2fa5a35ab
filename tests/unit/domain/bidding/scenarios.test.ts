/** Seed 004's bidding traps, each with the outcome the seed says is right. */
import { describe, expect, it } from "vitest";
import { biddableLines, canOpenWindow, lint, resolveAwards, type LintContext } from "@/lib/domain/bidding";
import { agent, bid, catalog, CLOSES, HOUR, line, local, OPENS, SITES, scope } from "./fixtures";

const sitesMap = new Map(SITES.map((s) => [s.id, s]));
const ctx = (o: Partial<LintContext> = {}): LintContext => ({
  sites: SITES,
  catalog,
  skillSites: new Map([["SKILL_GENERAL_SUPPORT", ["NYC", "LON"]]]),
  ...o,
});
const base = { sites: SITES, catalog, schedule: [] };

describe("scope leakage via a skill shared by NYC and LON", () => {
  it("refuses a scope that names the shared skill without a location", () => {
    const leaky = { ...scope({ id: "S" }), locations: [] };
    const errors = canOpenWindow("S", [leaky], ctx()).errors;
    expect(errors.map((e) => e.code)).toEqual(["ScopeLeakage"]);
    expect(errors[0].fields).toEqual(["locations"]);
    expect(errors[0].message).toContain("NYC and LON");
  });

  it("with the location, a higher-priority LON agent can neither see nor win the NYC line", () => {
    const nyc = scope({ id: "NYC-W1", locations: ["NYC"] });
    expect(canOpenWindow("NYC-W1", [nyc], ctx()).ok).toBe(true);
    const lonVeteran = agent("LON1", "LON", { hireDate: "2015-01-01" });
    const nycJunior = agent("NYC9", "NYC", { hireDate: "2024-01-01" });
    const L = line("L-NYC", "NYC");
    expect(biddableLines(nyc, lonVeteran, [L], sitesMap, catalog)).toEqual([]);
    expect(biddableLines(nyc, nycJunior, [L], sitesMap, catalog)).toEqual([L]);
    const r = resolveAwards({ ...base, scopes: [nyc], lines: [L], agents: [lonVeteran, nycJunior], bids: [bid("LON1", "NYC-W1", ["L-NYC"]), bid("NYC9", "NYC-W1", ["L-NYC"])] });
    expect(r.awards).toEqual([{ agentId: "NYC9", lineId: "L-NYC", scopeId: "NYC-W1", wave: 1, via: "priority" }]);
    const lon = r.outcomes.find((o) => o.agentId === "LON1")!;
    expect(lon.preferences[0].reason).toMatchObject({ kind: "Ineligible", condition: "NotInScope" });
  });
});

describe("circular priority: LON agents get priority on NYC lines if NYC is understaffed", () => {
  const nyc = scope({ id: "NYC-W1", locations: ["NYC"] });
  const crossSame = scope({
    id: "X-W1",
    locations: ["NYC"],
    bidderSites: ["LON"],
    eligibility: { allowedZones: ["Europe/London"] },
    priority: { basis: "tenure", hiredOnOrBefore: [], seed: 7, crossSite: { homeSites: ["LON"], when: "siteUnderstaffed" } },
  });

  it("is refused in the same wave, with a later wave suggested", () => {
    const errors = canOpenWindow("X-W1", [nyc, crossSame], ctx()).errors;
    expect(errors.map((e) => e.code).sort()).toEqual(["CircularPriority", "CircularPriority"]);
    expect(errors.some((e) => e.message.includes("wave 2"))).toBe(true);
    expect(canOpenWindow("NYC-W1", [nyc, crossSame], ctx()).ok).toBe(false);
  });

  it("as a later wave, static, it lints clean and awards the same twice, whatever the input order", () => {
    const wave2 = scope({
      id: "X-W2",
      locations: ["NYC"],
      bidderSites: ["LON", "NYC"],
      wave: 2,
      eligibility: { allowedZones: ["Europe/London"] },
      window: { kind: "offsets", openOffsetSeconds: -6 * 86_400, closeOffsetSeconds: -3 * 86_400, timeZone: "America/New_York" },
      priority: { basis: "tenure", hiredOnOrBefore: [], seed: 7, crossSite: { homeSites: ["LON"], when: "always" } },
    });
    expect(lint([nyc, wave2], ctx()).filter((f) => f.severity === "error")).toEqual([]);
    const agents = [agent("N1", "NYC", { hireDate: "2018-01-01" }), agent("N2", "NYC"), agent("L1", "LON"), agent("L2", "LON", { hireDate: "2017-05-05" })];
    const lines = [line("A", "NYC", { slots: 2 }), line("B", "NYC", { slots: 1 })];
    const w2Submit = CLOSES + 2 * 86_400_000;
    const bids = [
      bid("N1", "NYC-W1", ["A"]),
      bid("N2", "NYC-W1", ["B"]),
      bid("L1", "X-W2", ["A", "B"], { submittedAt: w2Submit }),
      bid("L2", "X-W2", ["B", "A"], { submittedAt: w2Submit }),
    ];
    const r1 = resolveAwards({ ...base, scopes: [nyc, wave2], lines, agents, bids });
    const r2 = resolveAwards({ ...base, scopes: [wave2, nyc], lines: [...lines].reverse(), agents: [...agents].reverse(), bids: [...bids].reverse() });
    expect(r2.awards).toEqual(r1.awards);
    expect(r2.outcomes.map((o) => o.explanation).sort()).toEqual(r1.outcomes.map((o) => o.explanation).sort());
    // NYC's own agents first; the LON pool shares what is left: one slot of A.
    expect(r1.awards.map((a) => `${a.agentId}:${a.lineId}:w${a.wave}`)).toEqual(["N1:A:w1", "N2:B:w1", "L2:A:w2"]);
    const l1 = r1.outcomes.find((o) => o.agentId === "L1")!;
    expect(l1.preferences.map((p) => p.reason.kind)).toEqual(["TakenByHigherPriority", "TakenByHigherPriority"]);
  });
});

describe("bid lock deadlock", () => {
  const s = scope({ id: "S", lockDurationHours: 24 });
  const tier1 = agent("T1", "NYC", { hireDate: "2018-01-01" });
  const tier3 = agent("T3", "NYC", { hireDate: "2024-01-01" });
  const wanted = line("WANTED", "NYC");
  const other = line("OTHER", "NYC");

  it("a tier-1 agent who locks the tier-3 agent's line and never commits blocks nobody", () => {
    const lockedAt = OPENS + 2 * HOUR;
    const bids = [
      bid("T1", "S", ["OTHER"], { lock: { lineId: "WANTED", lockedAt, committedAt: null, releasedAt: null } }),
      bid("T3", "S", ["WANTED"]),
    ];
    const r = resolveAwards({ ...base, scopes: [s], lines: [wanted, other], agents: [tier1, tier3], bids });
    expect(r.awards.map((a) => `${a.agentId}:${a.lineId}`).sort()).toEqual(["T1:OTHER", "T3:WANTED"]);
    const t1 = r.outcomes.find((o) => o.agentId === "T1")!;
    expect(t1.lock).toMatchObject({ lineId: "WANTED", status: "expired", awarded: false });
    expect(t1.explanation).toContain("expired without a commitment");
    expect(r.remainingSlots).toEqual({ WANTED: 0, OTHER: 0 });
  });

  it("without auto-release the lock still ends at wave close, and nothing with an eligible bidder is left", () => {
    const noAuto = { ...s, autoRelease: false };
    const bids = [bid("T1", "S", [], { lock: { lineId: "WANTED", lockedAt: OPENS, committedAt: null, releasedAt: null } }), bid("T3", "S", ["WANTED"])];
    const r = resolveAwards({ ...base, scopes: [noAuto], lines: [wanted], agents: [tier1, tier3], bids });
    expect(r.awards.map((a) => a.agentId)).toEqual(["T3"]);
    expect(r.outcomes.find((o) => o.agentId === "T1")!.lock!.status).toBe("releasedAtWaveEnd");
  });

  it("a lock committed while it held is honoured; one committed after expiry is not", () => {
    const lockedAt = OPENS + HOUR;
    const inTime = [bid("T3", "S", ["WANTED"], { lock: { lineId: "WANTED", lockedAt, committedAt: lockedAt + 2 * HOUR, releasedAt: null } }), bid("T1", "S", ["WANTED"])];
    const r1 = resolveAwards({ ...base, scopes: [s], lines: [wanted], agents: [tier1, tier3], bids: inTime });
    expect(r1.awards).toEqual([{ agentId: "T3", lineId: "WANTED", scopeId: "S", wave: 1, via: "lock" }]);
    expect(r1.outcomes.find((o) => o.agentId === "T1")!.explanation).toContain("by a committed lock");
    const late = [bid("T3", "S", ["WANTED"], { lock: { lineId: "WANTED", lockedAt, committedAt: lockedAt + 25 * HOUR, releasedAt: null } }), bid("T1", "S", ["WANTED"])];
    const r2 = resolveAwards({ ...base, scopes: [s], lines: [wanted], agents: [tier1, tier3], bids: late });
    expect(r2.awards.map((a) => a.agentId)).toEqual(["T1"]);
    expect(r2.outcomes.find((o) => o.agentId === "T3")!.lock!.status).toBe("expired");
  });
});

describe("time-zone eligibility: a Paris agent (UTC+1) and a New York line (UTC−5)", () => {
  // Mon–Fri 18:00–23:00 New York = 00:00–05:00 in Paris the next day.
  const late = line("NYC-LATE", "NYC", { start: "18:00", end: "23:00" });
  const paris = agent("P1", "PAR", { hireDate: "2015-01-01" });

  it("cannot bid unless the scope allows the zone", () => {
    const s = scope({ id: "S", locations: ["NYC"], bidderSites: ["NYC", "PAR"], wave: 1 });
    expect(biddableLines(s, paris, [late], sitesMap, catalog)).toEqual([]);
    const r = resolveAwards({ ...base, scopes: [s], lines: [late], agents: [paris], bids: [bid("P1", "S", ["NYC-LATE"])] });
    expect(r.awards).toEqual([]);
    expect(r.outcomes[0].preferences[0].reason).toMatchObject({ kind: "Ineligible", condition: "TimeZone" });
  });

  it("if allowed, the agent's home-zone rules apply: a 00:00 Paris start is before Paris's 07:00 earliest start", () => {
    const s = scope({ id: "S", locations: ["NYC"], bidderSites: ["PAR"], eligibility: { allowedZones: ["Europe/Paris"] } });
    const r = resolveAwards({ ...base, scopes: [s], lines: [late], agents: [paris], bids: [bid("P1", "S", ["NYC-LATE"])] });
    expect(r.awards).toEqual([]);
    expect(r.outcomes[0].preferences[0].reason).toMatchObject({ kind: "LaborRule", rule: "EarliestStart" });
    expect((r.outcomes[0].preferences[0].reason as { message: string }).message).toContain("(Europe/Paris)");
  });

  it("if allowed, rest is measured on instants against the agent's Paris shift (02:00 → 12:00 Paris is 10 h < 11 h)", () => {
    const s = scope({ id: "S", locations: ["NYC"], bidderSites: ["PAR"], eligibility: { allowedZones: ["Europe/Paris"] } });
    const early = line("NYC-EARLY", "NYC", { start: "06:00", end: "11:00", days: [2] }); // Tue 12:00–17:00 Paris
    const parisShift = {
      id: "own",
      agentId: "P1",
      siteId: "PAR",
      start: local("Europe/Paris", "2026-01-12 20:00"),
      end: local("Europe/Paris", "2026-01-13 02:00"),
      skills: [],
      status: "PUBLISHED" as const,
      breaks: [],
      version: 1,
    };
    const r = resolveAwards({ ...base, schedule: [parisShift], scopes: [s], lines: [early], agents: [paris], bids: [bid("P1", "S", ["NYC-EARLY"])] });
    expect(r.outcomes[0].preferences[0].reason).toMatchObject({ kind: "LaborRule", rule: "RestPeriod" });
  });

  it("a cross-zone allowance without labor rules is a linter error", () => {
    const s = scope({ id: "S", eligibility: { allowedZones: ["Europe/Paris"] }, constraints: { respectLaborRules: false } });
    expect(canOpenWindow("S", [s], ctx()).errors.map((e) => e.code)).toEqual(["CrossZoneWithoutLaborRules"]);
  });
});
