import { describe, expect, it } from "vitest";
import { evaluateTrade } from "@/lib/domain/trades";
import { agent, oneSided, only, settings, shift, world } from "../fixtures";

describe("MaxDailyHours", () => {
  const a = agent("A", "LON", ["SKILL_SALES"]);
  const b = agent("B", "LON", ["SKILL_SALES"]);

  it("denies 11 h on one London day against a 10 h maximum", () => {
    const ctx = world({
      agents: [a, b],
      shifts: [shift("SA", "A", "LON", "2026-01-14 09:00", "2026-01-14 17:00"), shift("SB", "B", "LON", "2026-01-14 06:00", "2026-01-14 09:00")],
    });
    const r = evaluateTrade(oneSided("T", "A", "SA", "B"), ctx, settings());
    expect(r.outcome).toBe("Denied");
    const [v] = only(r, "MaxDailyHours");
    expect(v.params).toMatchObject({ date: "2026-01-14", hours: 11, maxHours: 10, dayLengthHours: 24 });
    expect(v.message).toBe("B would work 11 h on 2026-01-14 (Europe/London); the maximum at LON is 10 h");
  });

  it("counts the receiver's home day: a New York Monday evening is a Manila Tuesday morning", () => {
    const n = agent("N", "NYC", ["SKILL_SALES"]);
    const m = agent("M", "MNL", ["SKILL_SALES"]);
    const ctx = world({
      agents: [n, m],
      shifts: [
        // Mon 12:00–20:00 New York = Tue 01:00–09:00 Manila.
        shift("SN", "N", "NYC", "2026-01-12 12:00", "2026-01-12 20:00"),
        shift("SM", "M", "MNL", "2026-01-13 17:00", "2026-01-13 23:00"),
      ],
    });
    const r = evaluateTrade(oneSided("T", "N", "SN", "M"), ctx, settings({ allowCrossSiteTrading: true }));
    expect(only(r, "MaxDailyHours").map((v) => v.params)).toEqual([
      { date: "2026-01-13", hours: 14, maxHours: 12, dayLengthHours: 24 },
    ]);
    expect(only(r, "RestPeriod")).toEqual([]);
  });

  it("measures on instants across DST: 00:00–11:00 on London's 23-hour day is 10 h (allowed)", () => {
    const ctx = world({
      now: Date.UTC(2026, 2, 20),
      agents: [a, b],
      shifts: [shift("SA", "A", "LON", "2026-03-29 00:00", "2026-03-29 11:00")],
    });
    const r = evaluateTrade(oneSided("T", "A", "SA", "B"), ctx, settings());
    expect(only(r, "MaxDailyHours")).toEqual([]);
  });

  it("and 00:00–10:00 on London's 25-hour day is 11 h (denied)", () => {
    const ctx = world({
      now: Date.UTC(2026, 9, 15),
      agents: [a, b],
      shifts: [shift("SA", "A", "LON", "2026-10-25 00:00", "2026-10-25 10:00")],
    });
    const r = evaluateTrade(oneSided("T", "A", "SA", "B"), ctx, settings());
    expect(only(r, "MaxDailyHours")[0].params).toMatchObject({ date: "2026-10-25", hours: 11, dayLengthHours: 25 });
  });
});
