import { describe, expect, it } from "vitest";
import { evaluateTrade } from "@/lib/domain/trades";
import { agent, oneSided, only, settings, shift, world } from "../fixtures";

const a = agent("A", "LON", ["SKILL_SALES"]);
const b = agent("B", "LON", ["SKILL_SALES"]);

function give(receiverShifts: ReturnType<typeof shift>[]) {
  const ctx = world({ agents: [a, b], shifts: [shift("SA", "A", "LON", "2026-01-14 09:00", "2026-01-14 17:00"), ...receiverShifts] });
  return evaluateTrade(oneSided("T", "A", "SA", "B"), ctx, settings({ policies: { OneSided: "Allow" } }));
}

describe("RestPeriod", () => {
  it("denies 7 h of rest after the receiver's previous shift (London minimum 11 h)", () => {
    const r = give([shift("SB", "B", "LON", "2026-01-13 18:00", "2026-01-14 02:00")]);
    expect(r.outcome).toBe("Denied");
    const [v] = only(r, "RestPeriod");
    expect(v.params).toMatchObject({ restHours: 7, minRestHours: 11, otherShiftId: "SB", side: "before" });
    expect(v.message).toBe(
      "B would rest only 7 h between their previous shift, ending 2026-01-14 02:00 (Europe/London), and this shift, starting 2026-01-14 09:00 (Europe/London); the minimum at LON is 11 h",
    );
  });

  it("accepts exactly the minimum rest of 11 h", () => {
    const r = give([shift("SB", "B", "LON", "2026-01-14 04:00", "2026-01-14 08:00"), shift("SB2", "B", "LON", "2026-01-15 04:00", "2026-01-15 06:00")]);
    expect(only(r, "RestPeriod").map((v) => v.params.side)).toEqual(["before"]);
    const ok = give([shift("SB", "B", "LON", "2026-01-13 14:00", "2026-01-13 22:00"), shift("SB2", "B", "LON", "2026-01-15 04:00", "2026-01-15 08:00")]);
    expect(only(ok, "RestPeriod")).toEqual([]);
  });

  it("treats a shift that starts when the other ends as one stretch, not a rest", () => {
    const r = give([shift("SB", "B", "LON", "2026-01-14 07:00", "2026-01-14 09:00")]);
    expect(only(r, "RestPeriod")).toEqual([]);
  });

  it("uses the receiver's home-site minimum, not the shift site's", () => {
    // NYC's minimum is 8 h; a London agent on a NYC shift still needs London's 11 h.
    const n = agent("N", "NYC", ["SKILL_SALES"]);
    const ctx = world({
      agents: [n, b],
      shifts: [shift("SN", "N", "NYC", "2026-01-14 04:00", "2026-01-14 08:00"), shift("SB", "B", "LON", "2026-01-14 20:00", "2026-01-14 23:00")],
    });
    // 04:00–08:00 New York is 09:00–13:00 London: 7 h before B's 20:00.
    const r = evaluateTrade(oneSided("T", "N", "SN", "B"), ctx, settings({ allowCrossSiteTrading: true }));
    expect(only(r, "RestPeriod")[0].params).toMatchObject({ restHours: 7, minRestHours: 11, side: "after" });
  });
});
