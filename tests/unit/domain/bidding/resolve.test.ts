import { describe, expect, it } from "vitest";
import { awardsToDraftShifts, lineInstances, lockStatus, rankHint, resolveAwards } from "@/lib/domain/bidding";
import { mulberry32 } from "@/lib/domain/random";
import { agent, bid, catalog, CLOSES, HOUR, line, local, OPENS, SITES, scope } from "./fixtures";

const base = { sites: SITES, catalog, schedule: [] };

describe("award resolution", () => {
  it("gives each agent, in priority order, their best line with a slot, and explains the rest", () => {
    const s = scope({ id: "S" });
    const lines = [line("L1", "NYC", { label: "Mon–Fri 08:00–16:00" }), line("L2", "NYC", { label: "Mon–Fri 09:00–17:00" }), line("L3", "NYC", { label: "Mon–Fri 10:00–18:00" })];
    const agents = [agent("A", "NYC", { hireDate: "2019-03-04" }), agent("B", "NYC", { hireDate: "2019-07-01" }), agent("C", "NYC", { hireDate: "2024-01-01" })];
    const r = resolveAwards({ ...base, scopes: [s], lines, agents, bids: [bid("C", "S", ["L1", "L2", "L3"]), bid("A", "S", ["L1"]), bid("B", "S", ["L2", "L1"])] });
    expect(r.awards.map((a) => `${a.agentId}:${a.lineId}`)).toEqual(["A:L1", "B:L2", "C:L3"]);
    const c = r.outcomes.find((o) => o.agentId === "C")!;
    expect(c.explanation).toBe(
      "You got your 3rd choice, Mon–Fri 10:00–18:00. Your 1st and 2nd choices were filled by agents ranked above you: tier 1 (hired 2019-03-04), tier 1 (hired 2019-07-01).",
    );
    expect(c.position).toBe(3);
  });

  it("every preference ends with a reason, lines past the award say the line limit was reached", () => {
    const s = scope({ id: "S" });
    const r = resolveAwards({ ...base, scopes: [s], lines: [line("L1", "NYC"), line("L2", "NYC")], agents: [agent("A", "NYC")], bids: [bid("A", "S", ["L1", "L2"])] });
    expect(r.outcomes[0].preferences.map((p) => p.reason.kind)).toEqual(["Awarded", "ConstraintExceeded"]);
    expect(r.outcomes[0].preferences[1].reason).toMatchObject({ constraint: "maxLinesPerAgent" });
  });

  it("rounds: with two lines allowed, a 2-day and a 3-day line fill a 5-shift week; a third line exceeds maxShiftsPerWeek", () => {
    const s = scope({ id: "S", constraints: { maxLinesPerAgent: 3 } });
    const lines = [line("MT", "NYC", { days: [1, 2] }), line("WTF", "NYC", { days: [3, 4, 5] }), line("SAT", "NYC", { days: [6] })];
    const r = resolveAwards({ ...base, scopes: [s], lines, agents: [agent("A", "NYC")], bids: [bid("A", "S", ["MT", "WTF", "SAT"])] });
    expect(r.awards.map((a) => a.lineId)).toEqual(["MT", "WTF"]);
    expect(r.outcomes[0].preferences[2].reason).toMatchObject({ kind: "ConstraintExceeded", constraint: "maxShiftsPerWeek" });
  });

  it("availability is required when the scope says so", () => {
    const s = scope({ id: "S" });
    const mornings = agent("A", "NYC", { availability: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 6 * 60, endMinute: 12 * 60 })) });
    const r = resolveAwards({ ...base, scopes: [s], lines: [line("L", "NYC")], agents: [mornings], bids: [bid("A", "S", ["L"])] });
    expect(r.outcomes[0].preferences[0].reason).toMatchObject({ kind: "ConstraintExceeded", constraint: "requireAvailability" });
    const off = { ...s, constraints: { ...s.constraints, requireAvailability: false } };
    expect(resolveAwards({ ...base, scopes: [off], lines: [line("L", "NYC")], agents: [mornings], bids: [bid("A", "S", ["L"])] }).awards).toHaveLength(1);
  });

  it("drafts and late bids are not awarded, and say so", () => {
    const s = scope({ id: "S" });
    const r = resolveAwards({
      ...base,
      scopes: [s],
      lines: [line("L", "NYC", { slots: 2 })],
      agents: [agent("D", "NYC"), agent("LATE", "NYC")],
      bids: [bid("D", "S", ["L"], { submittedAt: null }), bid("LATE", "S", ["L"], { submittedAt: CLOSES })],
    });
    expect(r.awards).toEqual([]);
    expect(r.outcomes.find((o) => o.agentId === "D")!.explanation).toContain("still a draft");
    expect(r.outcomes.find((o) => o.agentId === "LATE")!.preferences[0].reason).toMatchObject({ condition: "SubmittedAfterClose" });
  });

  it("is deterministic: 60 agents, 20 lines, random ranks — shuffled inputs give identical awards and explanations", () => {
    const rand = mulberry32(99);
    const s = scope({ id: "S", priority: { basis: "performance", rankAtMost: [10], seed: 5 } });
    const lines = Array.from({ length: 20 }, (_, i) => line(`L${i}`, "NYC", { slots: 1 + (i % 3), start: `${String(6 + (i % 10)).padStart(2, "0")}:00`, end: `${String(14 + (i % 10)).padStart(2, "0")}:00` }));
    const agents = Array.from({ length: 60 }, (_, i) => agent(`A${i}`, "NYC", { performanceRank: 1 + Math.floor(rand() * 30), hireDate: `20${10 + (i % 10)}-01-01` }));
    const bids = agents.map((a) => bid(a.id, "S", lines.filter(() => rand() < 0.3).map((l) => l.id), { submittedAt: OPENS + Math.floor(rand() * 3) * HOUR }));
    const shuffle = <T>(xs: T[]) => xs.map((x) => [rand(), x] as const).sort((p, q) => p[0] - q[0]).map((p) => p[1]);
    const r1 = resolveAwards({ ...base, scopes: [s], lines, agents, bids });
    const r2 = resolveAwards({ ...base, scopes: [s], lines: shuffle(lines), agents: shuffle(agents), bids: shuffle(bids) });
    const key = (r: typeof r1) => r.outcomes.map((o) => `${o.agentId}|${o.explanation}`).sort();
    expect(r2.awards).toEqual(r1.awards);
    expect(key(r2)).toEqual(key(r1));
    // No line has a slot left while a bidder who ranked it ended empty-handed for want of a slot.
    for (const o of r1.outcomes) {
      if (r1.awards.some((a) => a.agentId === o.agentId)) continue;
      for (const p of o.preferences) if (p.reason.kind === "TakenByHigherPriority") expect(r1.remainingSlots[p.lineId]).toBe(0);
    }
  });

  it("what a wave leaves rolls to the next; the cleanup wave offers it to everyone", () => {
    const w1 = scope({ id: "W1" });
    const cleanup = scope({ id: "W3", wave: 3, locations: ["NYC", "LON"], bidderSites: ["NYC", "LON"], eligibility: { allowedZones: ["Europe/London"] }, window: { kind: "offsets", openOffsetSeconds: -5 * 86_400, closeOffsetSeconds: -2 * 86_400, timeZone: "America/New_York" } });
    const r = resolveAwards({
      ...base,
      scopes: [cleanup, w1],
      lines: [line("L", "NYC", { slots: 2 })],
      agents: [agent("N", "NYC"), agent("O", "LON")],
      bids: [bid("N", "W1", ["L"]), bid("O", "W3", ["L"], { submittedAt: CLOSES + 3 * 86_400_000 })],
    });
    expect(r.awards.map((a) => `${a.agentId}:w${a.wave}`)).toEqual(["N:w1", "O:w3"]);
    expect(r.remainingSlots.L).toBe(0);
  });
});

describe("locks", () => {
  const s = scope({ id: "S", lockDurationHours: 24 });
  const lock = { lineId: "L", lockedAt: OPENS, committedAt: null, releasedAt: null };
  it("hold until their duration, then expire; none survives the close; force release ends it", () => {
    expect(lockStatus(lock, s, CLOSES, OPENS + 23 * HOUR)).toBe("held");
    expect(lockStatus(lock, s, CLOSES, OPENS + 24 * HOUR)).toBe("expired");
    const late = { ...lock, lockedAt: CLOSES - HOUR };
    expect(lockStatus(late, s, CLOSES, CLOSES - 1)).toBe("held");
    expect(lockStatus(late, s, CLOSES, CLOSES)).toBe("releasedAtWaveEnd");
    expect(lockStatus({ ...lock, releasedAt: OPENS + HOUR }, s, CLOSES, OPENS + 2 * HOUR)).toBe("forceReleased");
    expect(lockStatus({ ...lock, committedAt: OPENS + HOUR }, s, CLOSES, CLOSES)).toBe("committed");
  });
});

describe("rank hint while the window is open", () => {
  it("counts agents ranked ahead against the slots the agent can work", () => {
    const s = scope({ id: "S" });
    const lines = [line("L1", "NYC", { slots: 1 }), line("L2", "NYC", { slots: 1 }), line("L3", "NYC", { slots: 2 }), line("L4", "NYC", { slots: 3 })];
    const agents = [agent("V1", "NYC", { hireDate: "2015-01-01" }), agent("V2", "NYC", { hireDate: "2016-01-01" }), agent("ME", "NYC"), agent("J", "NYC", { hireDate: "2025-01-01" })];
    const hint = rankHint({ scope: s, agent: agents[2], agents, lines, sites: SITES, catalog, bids: [], schedule: [], now: OPENS + HOUR });
    // Two agents ahead may take 2 slots; the three smallest lines hold 1 + 1 + 2 = 4 > 2.
    expect(hint).toMatchObject({ ahead: 2, threatenedSlots: 2, linesToRank: 3, workableSlots: 7 });
    expect(hint.message).toContain("Rank at least 3 lines to be sure of one");
    const crowded = rankHint({ scope: s, agent: agents[3], agents: [...agents, ...Array.from({ length: 8 }, (_, i) => agent(`X${i}`, "NYC", { hireDate: "2014-01-01" }))], lines, sites: SITES, catalog, bids: [], schedule: [], now: OPENS });
    expect(crowded.linesToRank).toBeNull();
  });
});

describe("lines on the calendar and awards as draft shifts", () => {
  it("keeps the local clock across DST and lists each instance as a draft shift", () => {
    const spring = { ...scope({ id: "S" }), period: { start: "2026-03-06", end: "2026-03-09" } };
    const night = line("N", "NYC", { days: [6, 7, 1], start: "22:00", end: "06:00", breaks: [{ startOffsetMinutes: 240, durationMinutes: 30, paid: false }] });
    const inst = lineInstances(night, spring.period, SITES[0]);
    expect(inst.map((i) => i.date)).toEqual(["2026-03-07", "2026-03-08", "2026-03-09"]);
    // Sat 22:00 EST → Sun 06:00 EDT is 7 h on the clock-kept line; Sun 22:00 EDT → Mon 06:00 EDT is 8 h.
    expect(inst.map((i) => (i.end - i.start) / HOUR)).toEqual([7, 8, 8]);
    expect(inst[0].start).toBe(local("America/New_York", "2026-03-07 22:00"));
    const drafts = awardsToDraftShifts([{ agentId: "A", lineId: "N", scopeId: "S", wave: 1, via: "priority" }], {
      scopes: [spring],
      lines: [night],
      sites: SITES,
      agents: [agent("A", "NYC")],
      catalog,
    });
    expect(drafts.map((d) => d.id)).toEqual(["N@2026-03-07#A", "N@2026-03-08#A", "N@2026-03-09#A"]);
    expect(drafts[0]).toMatchObject({ agentId: "A", siteId: "NYC", status: "DRAFT", skills: [{ skillId: "SKILL_GENERAL_SUPPORT", proficiency: 3 }], breaks: night.breaks });
  });
});
