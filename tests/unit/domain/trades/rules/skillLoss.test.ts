import { describe, expect, it } from "vitest";
import { evaluateTrade } from "@/lib/domain/trades";
import type { Agent } from "@/lib/domain/types";
import { agent, demand, local, only, settings, shift, swap, world } from "../fixtures";

const NY = "America/New_York";

function trade(giver: Agent, receiver: Agent, listed: Array<string | [string, number]>, required: Record<string, Float64Array> = {}) {
  const ctx = world({
    agents: [giver, receiver],
    shifts: [
      shift("SG", giver.id, "NYC", "2026-01-13 09:00", "2026-01-13 17:00", { listed }),
      shift("SR", receiver.id, "NYC", "2026-01-15 09:00", "2026-01-15 17:00"),
    ],
    required,
  });
  return evaluateTrade(swap("T", giver.id, "SG", receiver.id, "SR"), ctx, settings());
}

describe("SkillLoss", () => {
  const premiumGiver = agent("G", "NYC", ["SKILL_SALES_PREMIUM"]);
  const salesReceiver = agent("R", "NYC", ["SKILL_SALES"]);

  it("is not raised when the premium child had no demand during the shift", () => {
    const r = trade(premiumGiver, salesReceiver, ["SKILL_SALES"], {
      SKILL_SALES_PREMIUM: demand([[local(NY, "2026-01-13 18:00"), local(NY, "2026-01-13 20:00"), 3]]),
    });
    expect(only(r, "SkillLoss")).toEqual([]);
    expect(r.outcome).toBe("Approved");
  });

  it("covers the whole shift when there is no demand data for the child at all", () => {
    const r = trade(premiumGiver, salesReceiver, ["SKILL_SALES"]);
    const [v] = only(r, "SkillLoss");
    expect(v.params).toMatchObject({ kind: "child", skillId: "SKILL_SALES_PREMIUM", demandKnown: false });
    expect(v.message).toBe("R lacks SKILL_SALES_PREMIUM, which this shift covered 2026-01-13 09:00–17:00 (America/New_York)");
  });

  it("reports a receiver below the listed proficiency that the giver met", () => {
    const r = trade(agent("G", "NYC", [["SKILL_SALES", 5]]), agent("R", "NYC", [["SKILL_SALES", 2]]), [["SKILL_SALES", 4]]);
    const [v] = only(r, "SkillLoss");
    expect(v.params).toMatchObject({ kind: "proficiency", skillId: "SKILL_SALES", requiredProficiency: 4, giverProficiency: 5, receiverProficiency: 2 });
    expect(v.message).toBe("R has SKILL_SALES at proficiency 2; this shift lists 4, which G met (2026-01-13 09:00–17:00 (America/New_York))");
    expect(r.outcome).toBe("PendingReview");
  });

  it("leaves a visible loss on an unlisted shift to CumulativeCoverage, but reports one with no demand data", () => {
    const giver = agent("G", "NYC", ["SKILL_SALES", "SKILL_SUPPORT"]);
    const measured = trade(giver, salesReceiver, [], { SKILL_SUPPORT: demand([]) });
    expect(only(measured, "SkillLoss")).toEqual([]);
    const unmeasured = trade(giver, salesReceiver, []);
    expect(only(unmeasured, "SkillLoss").map((v) => [v.params.kind, v.params.skillId])).toEqual([["unmeasured", "SKILL_SUPPORT"]]);
  });
});
