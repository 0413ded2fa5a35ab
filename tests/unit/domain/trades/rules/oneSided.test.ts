import { describe, expect, it } from "vitest";
import { evaluateTrade } from "@/lib/domain/trades";
import { agent, oneSided, settings, shift, typesOf, world } from "../fixtures";

const ctx = world({
  agents: [agent("A", "NYC", ["SKILL_SALES"]), agent("B", "NYC", ["SKILL_SALES"])],
  shifts: [shift("SA", "A", "NYC", "2026-01-13 09:00", "2026-01-13 17:00")],
});

describe("OneSided", () => {
  it("sends a giveaway to review by default", () => {
    const r = evaluateTrade(oneSided("T", "A", "SA", "B"), ctx, settings());
    expect(r.outcome).toBe("PendingReview");
    expect(r.violations).toEqual([
      {
        type: "OneSided",
        policy: "AdminReview",
        shiftId: "SA",
        agentId: "B",
        params: { giverId: "A", receiverId: "B" },
        message: "A gives this shift to B and takes no shift back",
      },
    ]);
  });

  it("approves it when the policy is Allow, still recording the violation", () => {
    const r = evaluateTrade(oneSided("T", "A", "SA", "B"), ctx, settings({ policies: { OneSided: "Allow" } }));
    expect(r.outcome).toBe("Approved");
    expect(typesOf(r)).toEqual(["OneSided"]);
    expect(r.violations[0].policy).toBe("Allow");
  });
});
