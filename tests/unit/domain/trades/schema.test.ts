import { describe, expect, it } from "vitest";
import { DEFAULT_TRADING_SETTINGS } from "@/lib/domain/trades";
import { tradeProposalFrom, tradeRequestSchema, tradingSettingsSchema } from "@/lib/schemas/trades";

const issues = (r: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  (r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]);

describe("tradingSettingsSchema", () => {
  it("fills DOMAIN's defaults from an empty object", () => {
    expect(tradingSettingsSchema.parse({})).toEqual(DEFAULT_TRADING_SETTINGS);
  });

  it("keeps the policies the admin set and defaults the rest", () => {
    const s = tradingSettingsSchema.parse({ policies: { SkillLoss: "Disallow", Availability: "Allow" } });
    expect(s.policies).toMatchObject({ SkillLoss: "Disallow", Availability: "Allow", Overtime: "AdminReview", Overlap: "Disallow" });
  });

  it("refuses any Overlap policy but Disallow, and unknown types", () => {
    expect(issues(tradingSettingsSchema.safeParse({ policies: { Overlap: "AdminReview" } }))).toEqual([["policies.Overlap", "Overlap is always Disallow."]]);
    expect(issues(tradingSettingsSchema.safeParse({ policies: { Lateness: "Allow" } }))).toEqual([["policies", 'Unknown violation type in policies: "Lateness".']]);
  });

  it("refuses unknown settings at every level, naming the key", () => {
    expect(issues(tradingSettingsSchema.safeParse({ minHoursInFutur: 12 }))).toEqual([["", 'Unknown trading setting "minHoursInFutur".']]);
    expect(issues(tradingSettingsSchema.safeParse({ tradeRateLimit: { maxApproved: 3, window: 24 } }))).toEqual([["tradeRateLimit", 'Unknown trade-rate setting "window".']]);
    expect(
      issues(tradingSettingsSchema.safeParse({ criticalPeriods: [{ label: "Push", start: "2026-11-27T16:00:00-05:00", end: "2026-11-27T21:00:00-05:00", colour: "red" }] })),
    ).toEqual([["criticalPeriods.0", 'Unknown critical period field "colour".']]);
  });

  it("ties CrossSite to allowCrossSiteTrading: Disallow while off, Allow by default once on, AdminReview on request", () => {
    expect(issues(tradingSettingsSchema.safeParse({ policies: { CrossSite: "AdminReview" } }))).toEqual([
      ["policies.CrossSite", "Turn on allowCrossSiteTrading before giving CrossSite a policy other than Disallow."],
    ]);
    expect(tradingSettingsSchema.parse({ policies: { CrossSite: "Disallow" } }).policies.CrossSite).toBe("Disallow");
    expect(tradingSettingsSchema.parse({ allowCrossSiteTrading: true }).policies.CrossSite).toBe("Allow");
    expect(tradingSettingsSchema.parse({ allowCrossSiteTrading: true, policies: { CrossSite: "AdminReview" } }).policies.CrossSite).toBe("AdminReview");
  });

  it("turns critical periods with offsets into instants and refuses naive or backwards ones", () => {
    const s = tradingSettingsSchema.parse({
      criticalPeriods: [{ siteId: "NYC", start: "2026-11-27T08:00:00-05:00", end: "2026-11-27T20:00:00-05:00", label: "Black Friday" }],
    });
    expect(s.criticalPeriods).toEqual([{ siteId: "NYC", skillId: null, start: Date.UTC(2026, 10, 27, 13), end: Date.UTC(2026, 10, 28, 1), label: "Black Friday" }]);
    expect(tradingSettingsSchema.safeParse({ criticalPeriods: [{ start: "2026-11-27T08:00:00", end: "2026-11-27T20:00:00Z", label: "x" }] }).success).toBe(false);
    expect(issues(tradingSettingsSchema.safeParse({ criticalPeriods: [{ start: "2026-11-27T20:00:00Z", end: "2026-11-27T08:00:00Z", label: "x" }] }))).toEqual([
      ["criticalPeriods.0.end", "A critical period must end after it starts."],
    ]);
  });

  it("round-trips its own output (instants stored as numbers)", () => {
    const once = tradingSettingsSchema.parse({ allowCrossSiteTrading: true, criticalPeriods: [{ start: "2026-11-27T08:00:00Z", end: "2026-11-27T09:00:00Z", label: "x" }] });
    expect(tradingSettingsSchema.parse(once)).toEqual(once);
  });

  it("refuses out-of-range numbers", () => {
    expect(tradingSettingsSchema.safeParse({ maxTradesPerAgentPerWeek: 0 }).success).toBe(false);
    expect(tradingSettingsSchema.safeParse({ tradeRateLimit: { windowHours: 0 } }).success).toBe(false);
    expect(tradingSettingsSchema.safeParse({ cumulativeCoverageThreshold: -0.1 }).success).toBe(false);
  });
});

describe("tradeRequestSchema", () => {
  const swap = { kind: "swap", initiatorAgentId: "A", initiatorShiftId: "S1", receiverAgentId: "B", receiverShiftId: "S2", initiatorShiftVersion: 3, receiverShiftVersion: 1 };
  const oneSided = { kind: "oneSided", initiatorAgentId: "A", initiatorShiftId: "S1", receiverAgentId: "B", initiatorShiftVersion: 3 };

  it("accepts a swap and a one-sided trade, treating blank form fields as absent", () => {
    expect(tradeRequestSchema.parse(swap)).toEqual(swap);
    expect(tradeRequestSchema.parse({ ...oneSided, receiverShiftId: "", receiverShiftVersion: "", note: "" })).toEqual(oneSided);
  });

  it("refuses the same agent on both sides, naming receiverAgentId", () => {
    expect(issues(tradeRequestSchema.safeParse({ ...swap, receiverAgentId: "A" }))).toEqual([
      ["receiverAgentId", "receiverAgentId must be a different agent than initiatorAgentId."],
    ]);
  });

  it("requires the receiver's shift and version for a swap and forbids them one-sided", () => {
    expect(issues(tradeRequestSchema.safeParse({ ...swap, receiverShiftId: undefined, receiverShiftVersion: undefined }))).toEqual([
      ["receiverShiftId", "receiverShiftId is required for a swap."],
      ["receiverShiftVersion", "receiverShiftVersion is required for a swap."],
    ]);
    expect(issues(tradeRequestSchema.safeParse({ ...oneSided, receiverShiftId: "S2" }))).toEqual([
      ["receiverShiftId", "receiverShiftId must be empty for a one-sided trade."],
    ]);
    expect(issues(tradeRequestSchema.safeParse({ ...swap, receiverShiftId: "S1" }))).toEqual([
      ["receiverShiftId", "receiverShiftId must be a different shift than initiatorShiftId."],
    ]);
  });

  it("maps a validated request to the engine's proposal", () => {
    expect(tradeProposalFrom("T1", tradeRequestSchema.parse(swap))).toEqual({
      id: "T1",
      kind: "swap",
      initiatorAgentId: "A",
      initiatorShiftId: "S1",
      receiverAgentId: "B",
      receiverShiftId: "S2",
      initiatorShiftVersion: 3,
      receiverShiftVersion: 1,
    });
    expect(tradeProposalFrom("T2", tradeRequestSchema.parse(oneSided)).receiverShiftId).toBeNull();
  });

  it("requires the ids and the initiator's version", () => {
    const r = tradeRequestSchema.safeParse({ kind: "oneSided", initiatorAgentId: " ", receiverAgentId: "B", initiatorShiftId: "S1" });
    expect(issues(r).map(([path]) => path)).toEqual(["initiatorAgentId", "initiatorShiftVersion"]);
  });
});
