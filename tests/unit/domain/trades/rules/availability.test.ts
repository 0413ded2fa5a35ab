import { describe, expect, it } from "vitest";
import { evaluateTrade } from "@/lib/domain/trades";
import { agent, oneSided, only, settings, shift, world } from "../fixtures";

const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startMinute: 8 * 60, endMinute: 18 * 60 }));

describe("Availability", () => {
  it("sends to review a 14:00–22:00 shift for an agent available 08:00–18:00", () => {
    const ctx = world({
      agents: [agent("A", "NYC", ["SKILL_SALES"]), agent("B", "NYC", ["SKILL_SALES"], { availability: weekdays })],
      shifts: [shift("SA", "A", "NYC", "2026-01-13 14:00", "2026-01-13 22:00")],
    });
    const r = evaluateTrade(oneSided("T", "A", "SA", "B"), ctx, settings({ policies: { OneSided: "Allow" } }));
    expect(r.outcome).toBe("PendingReview");
    expect(only(r, "Availability")[0].message).toBe("2026-01-13 14:00–22:00 (America/New_York) lies outside B's availability");
  });

  it("reads windows in the receiver's home zone, past midnight included", () => {
    // Monday 20:00 → Tuesday 06:00 in Manila covers New York Monday 08:00–16:00 (Manila 21:00–05:00).
    const m = agent("M", "MNL", ["SKILL_SALES"], { availability: [{ weekday: 1, startMinute: 20 * 60, endMinute: 30 * 60 }] });
    const ctx = world({
      agents: [agent("A", "NYC", ["SKILL_SALES"]), m],
      shifts: [shift("SA", "A", "NYC", "2026-01-12 08:00", "2026-01-12 16:00")],
    });
    const r = evaluateTrade(oneSided("T", "A", "SA", "M"), ctx, settings({ allowCrossSiteTrading: true }));
    expect(only(r, "Availability")).toEqual([]);
  });

  it("joins adjacent windows (Mon 18:00–24:00 and Tue 00:00–04:00)", () => {
    const b = agent("B", "NYC", ["SKILL_SALES"], {
      availability: [
        { weekday: 1, startMinute: 18 * 60, endMinute: 24 * 60 },
        { weekday: 2, startMinute: 0, endMinute: 4 * 60 },
      ],
    });
    const ctx = world({ agents: [agent("A", "NYC", ["SKILL_SALES"]), b], shifts: [shift("SA", "A", "NYC", "2026-01-12 20:00", "2026-01-13 04:00")] });
    expect(only(evaluateTrade(oneSided("T", "A", "SA", "B"), ctx, settings()), "Availability")).toEqual([]);
  });

  it("does not check an agent with no windows recorded", () => {
    const ctx = world({
      agents: [agent("A", "NYC", ["SKILL_SALES"]), agent("B", "NYC", ["SKILL_SALES"])],
      shifts: [shift("SA", "A", "NYC", "2026-01-13 02:00", "2026-01-13 10:00")],
    });
    expect(only(evaluateTrade(oneSided("T", "A", "SA", "B"), ctx, settings()), "Availability")).toEqual([]);
  });
});
