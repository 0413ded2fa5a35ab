/**
 * One scenario per trap of seed 004 that concerns trades, with the outcome DOMAIN.md
 * says is right.
 */
import { describe, expect, it } from "vitest";
import { evaluateTrade, evaluateTrades, type PendingTrade } from "@/lib/domain/trades";
import { agent, demand, local, only, settings, shift, swap, typesOf, world } from "./fixtures";

const NY = "America/New_York";

describe("seed 004: ghost coverage (nested skills)", () => {
  // The shift lists SKILL_SALES; X holds the premium child the model needed 09:00–13:00.
  const x = agent("AGENT-1001", "NYC", [["SKILL_SALES_PREMIUM", 4]]);
  const y = agent("AGENT-1002", "NYC", [["SKILL_SALES", 4]]);
  const ctx = world({
    agents: [x, y],
    shifts: [
      shift("S-X", "AGENT-1001", "NYC", "2026-01-13 09:00", "2026-01-13 17:00", { listed: ["SKILL_SALES"] }),
      shift("S-Y", "AGENT-1002", "NYC", "2026-01-14 09:00", "2026-01-14 17:00", { listed: ["SKILL_SALES"] }),
    ],
    required: {
      SKILL_SALES_PREMIUM: demand([[local(NY, "2026-01-13 09:00"), local(NY, "2026-01-13 13:00"), 2]]),
    },
  });

  it("sends the trade to review with SkillLoss naming the premium skill and its local hours", () => {
    const r = evaluateTrade(swap("T1", "AGENT-1001", "S-X", "AGENT-1002", "S-Y"), ctx, settings());
    expect(r.outcome).toBe("PendingReview");
    expect(typesOf(r)).toEqual(["SkillLoss"]);
    const [loss] = r.violations;
    expect(loss).toMatchObject({
      policy: "AdminReview",
      shiftId: "S-X",
      agentId: "AGENT-1002",
      params: { kind: "child", skillId: "SKILL_SALES_PREMIUM", parentSkillId: "SKILL_SALES" },
    });
    expect(loss.message).toBe("AGENT-1002 lacks SKILL_SALES_PREMIUM, which this shift covered 2026-01-13 09:00–13:00 (America/New_York)");
    expect(r.reviewSiteIds).toEqual(["NYC"]);
  });

  it("does not report the parent skill as missing: SKILL_SALES is met", () => {
    const r = evaluateTrade(swap("T1", "AGENT-1001", "S-X", "AGENT-1002", "S-Y"), ctx, settings());
    expect(only(r, "MissingRequiredSkill")).toEqual([]);
  });
});

describe("seed 004: time zone drift in rest-period validation", () => {
  it("denies a Paris agent (UTC+1) a New York winter shift (UTC−5) that leaves 9 h before their 09:00 shift", () => {
    // 10:00–18:00 in New York is 16:00–00:00 in Paris: a clock-face check ("18:00 → 09:00,
    // 15 h") passes; on instants the rest is 9 h, below the EU 11 h.
    const n = agent("AGENT-NYC", "NYC", ["SKILL_SALES"]);
    const p = agent("AGENT-PAR", "PAR", ["SKILL_SALES"]);
    const ctx = world({
      agents: [n, p],
      shifts: [
        shift("S-N", "AGENT-NYC", "NYC", "2026-01-13 10:00", "2026-01-13 18:00", { listed: ["SKILL_SALES"] }),
        shift("S-P-WED", "AGENT-PAR", "PAR", "2026-01-14 09:00", "2026-01-14 17:00", { listed: ["SKILL_SALES"] }),
        shift("S-P-FRI", "AGENT-PAR", "PAR", "2026-01-16 09:00", "2026-01-16 17:00", { listed: ["SKILL_SALES"] }),
      ],
    });
    const trade = swap("T1", "AGENT-NYC", "S-N", "AGENT-PAR", "S-P-FRI");
    // Cross-site trading on, so the denial is the rest period's alone.
    const r = evaluateTrade(trade, ctx, settings({ allowCrossSiteTrading: true }));
    expect(r.outcome).toBe("Denied");
    const [rest] = only(r, "RestPeriod");
    expect(rest).toMatchObject({
      policy: "Disallow",
      shiftId: "S-N",
      agentId: "AGENT-PAR",
      params: { restHours: 9, minRestHours: 11, otherShiftId: "S-P-WED", side: "after" },
    });
    expect(rest.message).toBe(
      "AGENT-PAR would rest only 9 h between this shift, ending 2026-01-13 18:00 (America/New_York) = 2026-01-14 00:00 (Europe/Paris), " +
        "and their next shift, starting 2026-01-14 09:00 (Europe/Paris); the minimum at PAR is 11 h",
    );
    // With default settings it is denied as well (and cross-site besides).
    const byDefault = evaluateTrade(trade, ctx, settings());
    expect(byDefault.outcome).toBe("Denied");
    expect(typesOf(byDefault)).toContain("RestPeriod");
    expect(typesOf(byDefault)).toContain("CrossSite");
  });

  it("catches the same 9 h for a London agent in summer (UTC+1) taking a New York summer shift (UTC−4)", () => {
    const n = agent("AGENT-NYC", "NYC", ["SKILL_SALES"]);
    const l = agent("AGENT-LON", "LON", ["SKILL_SALES"]);
    const ctx = world({
      now: Date.UTC(2026, 6, 1),
      agents: [n, l],
      shifts: [
        shift("S-N", "AGENT-NYC", "NYC", "2026-07-14 10:00", "2026-07-14 18:00"),
        shift("S-L", "AGENT-LON", "LON", "2026-07-15 08:00", "2026-07-15 16:00"),
      ],
    });
    const r = evaluateTrade(
      { id: "T1", kind: "oneSided", initiatorAgentId: "AGENT-NYC", initiatorShiftId: "S-N", receiverAgentId: "AGENT-LON", receiverShiftId: null },
      ctx,
      settings({ allowCrossSiteTrading: true }),
    );
    expect(r.outcome).toBe("Denied");
    expect(only(r, "RestPeriod")[0].params).toMatchObject({ restHours: 9, minRestHours: 11 });
  });
});

describe("seed 004: cross-site skill hierarchy mismatch", () => {
  const u = agent("AGENT-US", "NYC", ["SKILL_SALES_US"]);
  const k = agent("AGENT-UK", "LON", ["SKILL_SALES_UK"]);
  const ctx = world({
    agents: [u, k],
    shifts: [
      shift("S-US", "AGENT-US", "NYC", "2026-01-13 09:00", "2026-01-13 17:00", { listed: ["SKILL_SALES_US"] }),
      shift("S-UK", "AGENT-UK", "LON", "2026-01-15 09:00", "2026-01-15 17:00", { listed: ["SKILL_SALES_UK"] }),
    ],
  });
  const trade = swap("T1", "AGENT-US", "S-US", "AGENT-UK", "S-UK");

  it("accepts SKILL_SALES_UK for SKILL_SALES_US through SKILL_SALES_GLOBAL: no skill violation", () => {
    const r = evaluateTrade(trade, ctx, settings({ allowCrossSiteTrading: true }));
    expect(only(r, "MissingRequiredSkill")).toEqual([]);
    expect(only(r, "SkillLoss")).toEqual([]);
  });

  it("approves it when cross-site trading is on and nothing else is wrong (CrossSite recorded as Allow)", () => {
    const r = evaluateTrade(trade, ctx, settings({ allowCrossSiteTrading: true }));
    expect(r.outcome).toBe("Approved");
    expect(r.violations.map((v) => [v.type, v.policy])).toEqual([
      ["CrossSite", "Allow"],
      ["CrossSite", "Allow"],
    ]);
  });
});

describe("seed 004: cross-site trade with default settings", () => {
  it("denies it with CrossSite", () => {
    const u = agent("AGENT-US", "NYC", ["SKILL_SALES"]);
    const m = agent("AGENT-MNL", "MNL", ["SKILL_SALES"]);
    const ctx = world({
      agents: [u, m],
      shifts: [
        shift("S-US", "AGENT-US", "NYC", "2026-01-13 09:00", "2026-01-13 17:00", { listed: ["SKILL_SALES"] }),
        shift("S-MNL", "AGENT-MNL", "MNL", "2026-01-15 22:00", "2026-01-16 06:00", { listed: ["SKILL_SALES"] }),
      ],
    });
    const r = evaluateTrade(swap("T1", "AGENT-US", "S-US", "AGENT-MNL", "S-MNL"), ctx, settings());
    expect(r.outcome).toBe("Denied");
    expect(typesOf(r)).toEqual(["CrossSite", "CrossSite"]);
    expect(r.violations.every((v) => v.policy === "Disallow")).toBe(true);
    expect(r.violations[0].message).toBe("AGENT-MNL (home site MNL) would work a NYC shift 2026-01-13 09:00–17:00 (America/New_York)");
  });
});

describe("seed 004: the SLA blind spot (cumulative coverage)", () => {
  // Premium demand 10 at Tue 10:00–11:00 New York; 11 premium agents work Tue 09–17.
  // Three sales-only agents each swap their Wednesday for a premium agent's Tuesday.
  const premium = Array.from({ length: 11 }, (_, i) => agent(`AGENT-P${i + 1}`, "NYC", ["SKILL_SALES_PREMIUM"]));
  const sales = Array.from({ length: 4 }, (_, i) => agent(`AGENT-S${i + 1}`, "NYC", ["SKILL_SALES"]));
  const shifts = [
    ...premium.map((a) => shift(`TUE-${a.id}`, a.id, "NYC", "2026-01-13 09:00", "2026-01-13 17:00")),
    ...sales.map((a) => shift(`WED-${a.id}`, a.id, "NYC", "2026-01-14 09:00", "2026-01-14 17:00")),
  ];
  const required = { SKILL_SALES_PREMIUM: demand([[local(NY, "2026-01-13 10:00"), local(NY, "2026-01-13 11:00"), 10]]) };
  const trades = [1, 2, 3, 4].map((i) => swap(`T${i}`, `AGENT-P${i}`, `TUE-AGENT-P${i}`, `AGENT-S${i}`, `WED-AGENT-S${i}`));

  it("approves the first two and sends the third to review with CumulativeCoverage", () => {
    const ctx = world({ agents: [...premium, ...sales], shifts, required });
    const [r1, r2, r3] = evaluateTrades(trades.slice(0, 3), ctx, settings());
    expect([r1.outcome, r2.outcome, r3.outcome]).toEqual(["Approved", "Approved", "PendingReview"]);
    expect(typesOf(r1)).toEqual([]);
    expect(typesOf(r3)).toEqual(["CumulativeCoverage"]);
    expect(r3.violations[0].params).toMatchObject({
      skillId: "SKILL_SALES_PREMIUM",
      intervalStart: local(NY, "2026-01-13 10:00"),
      required: 10,
      before: 9,
      after: 8,
      threshold: 0.9,
      wasAlreadyBelow: false,
      overlayTrades: 2,
    });
    expect(r3.violations[0].message).toBe(
      "SKILL_SALES_PREMIUM would fall to 8 agents against 10 required (threshold 90 %) at 2026-01-13 10:00–11:00 (America/New_York), counting 2 approved or pending trades",
    );
    expect(r3.reviewSiteIds).toEqual(["NYC"]);
    // The review chart sees premium drop all Tuesday 09–17 and rise all Wednesday 09–17.
    expect(r3.coverageImpact).toHaveLength(64);
    expect(r3.coverageImpact.filter((p) => p.after < p.before)).toHaveLength(32);
    expect(r3.coverageImpact.filter((p) => p.after > p.before && p.intervalStart >= local(NY, "2026-01-14 09:00"))).toHaveLength(32);
    expect(r3.coverageImpact.find((p) => p.intervalStart === local(NY, "2026-01-13 10:00"))).toEqual({
      skillId: "SKILL_SALES_PREMIUM",
      intervalStart: local(NY, "2026-01-13 10:00"),
      required: 10,
      before: 9,
      after: 8,
    });
  });

  it("gives the same verdict when the first two come from the context as approved and pending trades", () => {
    const pending: PendingTrade[] = [
      { ...trades[0], status: "Approved" },
      { ...trades[1], status: "PendingReview" },
    ];
    const ctx = world({ agents: [...premium, ...sales], shifts, required, pending });
    const r = evaluateTrade(trades[2], ctx, settings());
    expect(r.outcome).toBe("PendingReview");
    expect(typesOf(r)).toEqual(["CumulativeCoverage"]);
  });

  it("also flags a fourth trade that deepens the gap the third opened", () => {
    const ctx = world({ agents: [...premium, ...sales], shifts, required });
    const results = evaluateTrades(trades, ctx, settings());
    expect(results.map((r) => r.outcome)).toEqual(["Approved", "Approved", "PendingReview", "PendingReview"]);
    expect(results[3].violations[0].params).toMatchObject({ before: 8, after: 7, wasAlreadyBelow: true });
  });

  it("is blind when each trade is judged alone (sequential: false), which is why batches are sequential", () => {
    const ctx = world({ agents: [...premium, ...sales], shifts, required });
    const results = evaluateTrades(trades.slice(0, 3), ctx, settings(), { sequential: false });
    expect(results.map((r) => r.outcome)).toEqual(["Approved", "Approved", "Approved"]);
  });
});
