import { describe, expect, it } from "vitest";
import {
  createTradeEvaluator,
  evaluateTrade,
  evaluateTrades,
  reviewSitesFor,
  TradeInputError,
  tradeExpiresAt,
  type PendingTrade,
  type TradeProposal,
} from "@/lib/domain/trades";
import { agent, DEFAULT_NOW, demand, HOUR, local, oneSided, settings, shift, swap, typesOf, world } from "./fixtures";

const NY = "America/New_York";
const agents = [agent("A", "NYC", ["SKILL_SALES"]), agent("B", "NYC", ["SKILL_SALES"]), agent("M", "MNL", ["SKILL_SALES"])];
const shifts = [
  shift("SA", "A", "NYC", "2026-01-13 09:00", "2026-01-13 17:00"),
  shift("SB", "B", "NYC", "2026-01-15 09:00", "2026-01-15 17:00"),
  shift("SM", "M", "MNL", "2026-01-14 09:00", "2026-01-14 17:00"),
  shift("DRAFT", "A", "NYC", "2026-01-16 09:00", "2026-01-16 17:00", { status: "DRAFT" }),
];
const ctx = world({ agents, shifts });

describe("outcomes", () => {
  it("approves a clean same-site swap with no violations", () => {
    const r = evaluateTrade(swap("T", "A", "SA", "B", "SB"), ctx, settings());
    expect(r).toEqual({ tradeId: "T", outcome: "Approved", violations: [], refusal: null, reviewSiteIds: [], coverageImpact: [] });
  });

  it("sends a trade with only AdminReview violations to review", () => {
    expect(evaluateTrade(oneSided("T", "A", "SA", "B"), ctx, settings()).outcome).toBe("PendingReview");
  });

  it("denies a trade with any Disallow violation, whatever else it has", () => {
    const r = evaluateTrade(oneSided("T", "A", "SA", "B"), { ...ctx, now: local(NY, "2026-01-13 08:00") }, settings());
    expect(typesOf(r)).toEqual(["OneSided", "NoticeTooShort"]);
    expect(r.outcome).toBe("Denied");
    expect(r.reviewSiteIds).toEqual([]);
  });

  it("needs both sites' supervisors for a pending swap between New York and Manila", () => {
    const s = settings({ allowCrossSiteTrading: true, policies: { CrossSite: "AdminReview" } });
    const r = evaluateTrade(swap("T", "A", "SA", "M", "SM"), ctx, s);
    expect(r.outcome).toBe("PendingReview");
    expect(r.reviewSiteIds).toEqual(["NYC", "MNL"]);
    expect(reviewSitesFor(swap("T", "A", "SA", "M", "SM"), ctx)).toEqual(["NYC", "MNL"]);
    expect(reviewSitesFor(oneSided("T", "M", "SM", "A"), ctx)).toEqual(["MNL"]);
  });
});

describe("refusals (Denied before any rule runs)", () => {
  const cases: Array<[string, TradeProposal, string, string | null]> = [
    ["the same agent on both sides", swap("T", "A", "SA", "A", "SB"), "SameAgent", "receiverAgentId"],
    ["a swap without the receiver's shift", { ...swap("T", "A", "SA", "B", "SB"), receiverShiftId: null }, "SwapNeedsReceiverShift", "receiverShiftId"],
    ["a one-sided trade naming a receiver shift", { ...oneSided("T", "A", "SA", "B"), receiverShiftId: "SB" }, "OneSidedHasReceiverShift", "receiverShiftId"],
    ["the same shift on both sides", swap("T", "A", "SA", "B", "SA"), "SameShift", "receiverShiftId"],
    ["an unknown receiver", oneSided("T", "A", "SA", "NOBODY"), "UnknownAgent", "receiverAgentId"],
    ["an unknown shift", oneSided("T", "A", "NOPE", "B"), "UnknownShift", "initiatorShiftId"],
    ["a shift the initiator does not own", oneSided("T", "A", "SB", "M"), "ShiftNotOwned", "initiatorShiftId"],
    ["a receiver shift the receiver does not own", swap("T", "A", "SA", "B", "SM"), "ShiftNotOwned", "receiverShiftId"],
    ["a stale shift version", { ...oneSided("T", "A", "SA", "B"), initiatorShiftVersion: 0 }, "StaleShiftVersion", "initiatorShiftId"],
    ["a draft shift", oneSided("T", "A", "DRAFT", "B"), "ShiftNotPublished", "initiatorShiftId"],
  ];
  for (const [what, trade, code, field] of cases) {
    it(`refuses ${what} (${code})`, () => {
      const r = evaluateTrade(trade, ctx, settings());
      expect(r.outcome).toBe("Denied");
      expect(r.violations).toEqual([]);
      expect(r.refusal).toMatchObject({ code, field });
    });
  }

  it("refuses a shift that has already started (ShiftInPast)", () => {
    const r = evaluateTrade(oneSided("T", "A", "SA", "B"), { ...ctx, now: local(NY, "2026-01-13 09:00") }, settings());
    expect(r.refusal).toEqual({ code: "ShiftInPast", message: "Shift SA has already started", field: "initiatorShiftId" });
  });

  it("refuses everything while trading is switched off", () => {
    expect(evaluateTrade(swap("T", "A", "SA", "B", "SB"), ctx, settings({ enabled: false })).refusal?.code).toBe("TradingDisabled");
  });

  it("refuses a shift already held by another pending trade, and an already approved trade", () => {
    const pending: PendingTrade[] = [{ ...oneSided("P1", "A", "SA", "M"), status: "PendingReview" }, { ...oneSided("P2", "B", "SB", "A"), status: "Approved" }];
    const c = world({ agents, shifts, pending });
    expect(evaluateTrade(oneSided("T", "A", "SA", "B"), c, settings()).refusal?.code).toBe("ShiftInAnotherTrade");
    expect(evaluateTrade(pending[1], c, settings()).refusal?.code).toBe("AlreadyDecided");
  });

  it("refuses a shift at a site the context does not know (UnknownSite)", () => {
    const c = world({ agents, shifts: [shift("SA", "A", "NYC", "2026-01-13 09:00", "2026-01-13 17:00", { siteId: "ATL" })] });
    expect(evaluateTrade(oneSided("T", "A", "SA", "B"), c, settings()).refusal?.code).toBe("UnknownSite");
  });

  it("turns a refusal into a TradeInputError for callers that throw", () => {
    const r = evaluateTrade(swap("T", "A", "SA", "A", "SB"), ctx, settings());
    const err = new TradeInputError(r.refusal!);
    expect(err).toBeInstanceOf(Error);
    expect([err.code, err.field, err.message]).toEqual(["SameAgent", "receiverAgentId", "receiverAgentId must be a different agent than initiatorAgentId"]);
  });
});

describe("batches", () => {
  it("applies an approved trade before the next: the old owner can no longer trade the shift", () => {
    const [first, second] = evaluateTrades([oneSided("T1", "A", "SA", "B"), oneSided("T2", "A", "SA", "M")], ctx, settings({ policies: { OneSided: "Allow" } }));
    expect(first.outcome).toBe("Approved");
    expect(second.refusal?.code).toBe("ShiftNotOwned");
  });

  it("locks the shifts of a trade it sends to review", () => {
    const [first, second] = evaluateTrades([oneSided("T1", "A", "SA", "B"), oneSided("T2", "A", "SA", "M")], ctx, settings());
    expect(first.outcome).toBe("PendingReview");
    expect(second.refusal?.code).toBe("ShiftInAnotherTrade");
  });

  it("judges each trade alone with sequential: false", () => {
    const results = evaluateTrades([oneSided("T1", "A", "SA", "B"), oneSided("T2", "A", "SA", "M")], ctx, settings({ allowCrossSiteTrading: true }), {
      sequential: false,
    });
    expect(results.map((r) => r.refusal)).toEqual([null, null]);
  });
});

describe("re-evaluating a pending trade (approval checks the schedule as it is now)", () => {
  const sup = Array.from({ length: 6 }, (_, i) => agent(`SUP${i}`, "NYC", ["SKILL_SALES", "SKILL_SUPPORT"]));
  const s = agent("S", "NYC", ["SKILL_SALES"]);
  const base = {
    agents: [...sup, s],
    shifts: [
      ...sup.map((a) => shift(`TUE-${a.id}`, a.id, "NYC", "2026-01-13 09:00", "2026-01-13 17:00")),
      shift("THU-S", "S", "NYC", "2026-01-15 09:00", "2026-01-15 17:00"),
    ],
    // 6 scheduled, 5 required (threshold 4.5): the trade takes it to 5, fine; counted twice it would read 4.
    required: { SKILL_SUPPORT: demand([[local(NY, "2026-01-13 12:00"), local(NY, "2026-01-13 13:00"), 5]]) },
  };
  const trade = swap("P", "SUP0", "TUE-SUP0", "S", "THU-S");

  it("does not count its own overlay or its own weekly count against itself", () => {
    const c = world({ ...base, pending: [{ ...trade, status: "PendingReview" }], tradeCounts: { SUP0: { "2026-01-12": 3 }, S: { "2026-01-12": 3 } } });
    const r = evaluateTrade(trade, c, settings({ maxTradesPerAgentPerWeek: 3 }));
    expect(r.refusal).toBeNull();
    expect(typesOf(r)).toEqual([]);
    expect(r.outcome).toBe("Approved");
  });

  it("takes a pending trade denied on re-evaluation out of the overlay", () => {
    const c = world({ ...base, pending: [{ ...trade, status: "PendingReview" }] });
    const evaluator = createTradeEvaluator(c, settings());
    const denied = { ...evaluator.evaluate(trade), outcome: "Denied" as const };
    evaluator.record(trade, denied);
    // The shift is free again.
    expect(evaluator.evaluate(oneSided("T2", "SUP0", "TUE-SUP0", "S")).refusal).toBeNull();
  });
});

describe("purity", () => {
  it("never mutates the context, its maps or its arrays", () => {
    const c = world({
      agents,
      shifts,
      required: { SKILL_SALES: demand([[local(NY, "2026-01-13 09:00"), local(NY, "2026-01-13 17:00"), 1]]) },
      pending: [{ ...oneSided("P", "B", "SB", "A"), status: "Approved" }],
    });
    const snapshot = JSON.stringify({
      shifts: [...c.shiftsByAgent],
      agents: [...c.agents],
      pending: c.pendingTrades,
      required: [...c.required].map(([k, v]) => [k, [...v]]),
    });
    evaluateTrades([oneSided("T1", "A", "SA", "M"), swap("T2", "A", "SB", "M", "SM")], c, settings({ allowCrossSiteTrading: true }), { coverageImpact: "always" });
    expect(
      JSON.stringify({
        shifts: [...c.shiftsByAgent],
        agents: [...c.agents],
        pending: c.pendingTrades,
        required: [...c.required].map(([k, v]) => [k, [...v]]),
      }),
    ).toBe(snapshot);
  });

  it("gives the same answer twice", () => {
    const t = oneSided("T", "A", "SA", "B");
    expect(evaluateTrade(t, ctx, settings())).toEqual(evaluateTrade(t, ctx, settings()));
  });
});

describe("tradeExpiresAt", () => {
  it("expires after expiryHours, or when the shift's notice window closes if sooner", () => {
    const s = settings();
    expect(tradeExpiresAt(DEFAULT_NOW, DEFAULT_NOW + 30 * 24 * HOUR, s)).toBe(DEFAULT_NOW + 72 * HOUR);
    expect(tradeExpiresAt(DEFAULT_NOW, DEFAULT_NOW + 27 * HOUR, s)).toBe(DEFAULT_NOW + 3 * HOUR);
  });
});
