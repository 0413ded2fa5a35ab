import { describe, expect, it } from "vitest";
import { gridFor } from "@/lib/domain/coverage";
import { buildTradeContext, countTradesByAgentWeek, DEFAULT_TRADING_SETTINGS, resolveTradingSettings, type TradingSettings } from "@/lib/domain/trades";
import { SKILLS } from "./fixtures";

const NY = "America/New_York";

describe("countTradesByAgentWeek", () => {
  it("a Monday 01:00 UTC shift of a New York agent counts in the week before (still Sunday in New York)", () => {
    const monday1am = Date.parse("2026-11-30T01:00:00Z");
    const counts = countTradesByAgentWeek([{ initiatorAgentId: "A", receiverAgentId: "B", shiftStart: monday1am }], new Map([["A", NY], ["B", "Europe/London"]]));
    expect(counts.get("A")).toEqual(new Map([["2026-11-23", 1]]));
    expect(counts.get("B")).toEqual(new Map([["2026-11-30", 1]]));
  });

  it("an agent without a known zone counts in UTC, and both sides of each trade count", () => {
    const t = Date.parse("2026-11-25T12:00:00Z");
    const counts = countTradesByAgentWeek(
      [
        { initiatorAgentId: "X", receiverAgentId: "Y", shiftStart: t },
        { initiatorAgentId: "Y", receiverAgentId: "X", shiftStart: t + 86_400_000 },
      ],
      new Map(),
    );
    expect(counts.get("X")?.get("2026-11-23")).toBe(2);
    expect(counts.get("Y")?.get("2026-11-23")).toBe(2);
  });
});

describe("resolveTradingSettings", () => {
  const org = { ...DEFAULT_TRADING_SETTINGS, minHoursInFuture: 48 } satisfies TradingSettings;
  const nyc = { ...DEFAULT_TRADING_SETTINGS, minHoursInFuture: 6 } satisfies TradingSettings;

  it("a site's own row wins over the org row; a site without one takes the org row", () => {
    const stored = new Map([["org", org], ["NYC", nyc]]);
    expect(resolveTradingSettings(stored, "NYC").minHoursInFuture).toBe(6);
    expect(resolveTradingSettings(stored, "LON").minHoursInFuture).toBe(48);
    expect(resolveTradingSettings(stored, null).minHoursInFuture).toBe(48);
  });

  it("no rows at all means the built-in defaults; a broken site row means the defaults, not the org row", () => {
    expect(resolveTradingSettings(new Map(), "NYC")).toBe(DEFAULT_TRADING_SETTINGS);
    expect(resolveTradingSettings(new Map<string, TradingSettings | null>([["org", org], ["NYC", null]]), "NYC")).toBe(DEFAULT_TRADING_SETTINGS);
  });
});

describe("buildTradeContext", () => {
  const shift = (id: string, agentId: string, start: string) => ({
    id,
    agentId,
    siteId: "NYC",
    start: Date.parse(start),
    end: Date.parse(start) + 8 * 3_600_000,
    skills: [],
    status: "PUBLISHED" as const,
    breaks: [],
    version: 1,
  });

  it("orders each agent's shifts, groups approvals by site and counts pending trades only when their shift start is known", () => {
    const later = shift("s2", "A", "2026-11-26T14:00:00Z");
    const earlier = shift("s1", "A", "2026-11-25T14:00:00Z");
    const trade = { id: "t1", kind: "oneSided" as const, initiatorAgentId: "A", initiatorShiftId: "s1", receiverAgentId: "B", receiverShiftId: null, status: "PendingReview" as const };
    const ctx = buildTradeContext({
      now: Date.parse("2026-11-20T00:00:00Z"),
      sites: [],
      skills: SKILLS,
      agents: [],
      shifts: [later, earlier],
      required: new Map(),
      grid: gridFor({ start: Date.parse("2026-11-24T00:00:00Z"), end: Date.parse("2026-11-28T00:00:00Z") }),
      pending: [
        { trade, shiftStart: earlier.start },
        { trade: { ...trade, id: "t2" }, shiftStart: undefined },
      ],
      approved: [{ decidedAt: 5, siteId: "LON", initiatorAgentId: "C", receiverAgentId: "A", shiftStart: earlier.start }],
    });
    expect(ctx.shiftsByAgent.get("A")?.map((s) => s.id)).toEqual(["s1", "s2"]);
    expect(ctx.pendingTrades.map((p) => p.id)).toEqual(["t1", "t2"]);
    expect(ctx.approvedTradeTimesBySite.get("LON")).toEqual([5]);
    // A: one approved + one pending with a known start; t2's start is unknown and not counted.
    expect(ctx.tradeCountsByAgentWeek.get("A")?.get("2026-11-23")).toBe(2);
    expect(ctx.tradeCountsByAgentWeek.get("B")?.get("2026-11-23")).toBe(1);
  });
});
