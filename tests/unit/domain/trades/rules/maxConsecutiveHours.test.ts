import { describe, expect, it } from "vitest";
import { evaluateTrade } from "@/lib/domain/trades";
import { agent, oneSided, only, settings, shift, typesOf, world } from "../fixtures";

const a = agent("A", "LON", ["SKILL_SALES"]);
const b = agent("B", "LON", ["SKILL_SALES"]);

describe("MaxConsecutiveHours", () => {
  it("denies 4 h before midnight plus a 9 h shift right after: 13 h against London's 12", () => {
    const ctx = world({
      agents: [a, b],
      shifts: [shift("SA", "A", "LON", "2026-01-14 00:00", "2026-01-14 09:00"), shift("SB", "B", "LON", "2026-01-13 20:00", "2026-01-14 00:00")],
    });
    const r = evaluateTrade(oneSided("T", "A", "SA", "B"), ctx, settings({ policies: { OneSided: "Allow" } }));
    expect(typesOf(r)).toEqual(["MaxConsecutiveHours", "OneSided"]);
    expect(r.outcome).toBe("Denied");
    const [v] = only(r, "MaxConsecutiveHours");
    expect(v.params).toMatchObject({ hours: 13, maxHours: 12 });
    expect(v.message).toBe(
      "B would work 13 h in one stretch 2026-01-13 20:00–2026-01-14 09:00 (Europe/London) without 11 h of rest; the maximum at LON is 12 h",
    );
  });

  it("does not join shifts that have the full minimum rest between them", () => {
    const ctx = world({
      agents: [a, b],
      shifts: [shift("SA", "A", "LON", "2026-01-14 09:00", "2026-01-14 17:00"), shift("SB", "B", "LON", "2026-01-13 12:00", "2026-01-13 22:00")],
    });
    const r = evaluateTrade(oneSided("T", "A", "SA", "B"), ctx, settings());
    expect(only(r, "MaxConsecutiveHours")).toEqual([]);
  });
});
