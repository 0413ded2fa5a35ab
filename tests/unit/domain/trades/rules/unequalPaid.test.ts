import { describe, expect, it } from "vitest";
import { evaluateTrade } from "@/lib/domain/trades";
import { agent, only, settings, shift, swap, world } from "../fixtures";

const a = agent("A", "NYC", ["SKILL_SALES"]);
const b = agent("B", "NYC", ["SKILL_SALES"]);

describe("UnequalPaid", () => {
  it("sends an 8 h for 6 h swap to review, naming the 2 h difference and who gains it", () => {
    const ctx = world({
      agents: [a, b],
      shifts: [shift("SA", "A", "NYC", "2026-01-13 09:00", "2026-01-13 17:00"), shift("SB", "B", "NYC", "2026-01-15 09:00", "2026-01-15 15:00")],
    });
    const r = evaluateTrade(swap("T", "A", "SA", "B", "SB"), ctx, settings());
    expect(r.outcome).toBe("PendingReview");
    const [v] = only(r, "UnequalPaid");
    expect(v).toMatchObject({
      shiftId: "SA",
      agentId: "B",
      params: { differenceHours: 2, initiatorShiftPaidHours: 8, receiverShiftPaidHours: 6, toleranceHours: 0.5 },
    });
    expect(v.message).toBe("The swapped shifts differ by 2 h of paid time (A: 8 h, B: 6 h); B gains it");
  });

  it("accepts a difference of exactly 0.5 h (an unpaid lunch on one side)", () => {
    const ctx = world({
      agents: [a, b],
      shifts: [
        shift("SA", "A", "NYC", "2026-01-13 09:00", "2026-01-13 17:00"),
        shift("SB", "B", "NYC", "2026-01-15 09:00", "2026-01-15 17:00", { breaks: [{ startOffsetMinutes: 240, durationMinutes: 30, paid: false }] }),
      ],
    });
    expect(only(evaluateTrade(swap("T", "A", "SA", "B", "SB"), ctx, settings()), "UnequalPaid")).toEqual([]);
  });
});
