import { describe, expect, it } from "vitest";
import { evaluateTrade } from "@/lib/domain/trades";
import type { Agent } from "@/lib/domain/types";
import { agent, only, settings, shift, swap, world } from "../fixtures";

/** Giver G's Tuesday shift (listing `listed`) swapped for receiver R's Thursday shift (unlisted). */
function trade(giver: Agent, receiver: Agent, listed: string[]) {
  const ctx = world({
    agents: [giver, receiver],
    shifts: [
      shift("SG", giver.id, "NYC", "2026-01-13 09:00", "2026-01-13 17:00", { listed }),
      shift("SR", receiver.id, "NYC", "2026-01-15 09:00", "2026-01-15 17:00"),
    ],
  });
  return evaluateTrade(swap("T", giver.id, "SG", receiver.id, "SR"), ctx, settings());
}

describe("MissingRequiredSkill", () => {
  it("denies a receiver without the listed SKILL_SUPPORT", () => {
    const r = trade(agent("G", "NYC", ["SKILL_SUPPORT", "SKILL_SALES"]), agent("R", "NYC", ["SKILL_SALES"]), ["SKILL_SUPPORT"]);
    expect(r.outcome).toBe("Denied");
    const [v] = only(r, "MissingRequiredSkill");
    expect(v).toMatchObject({ policy: "Disallow", shiftId: "SG", agentId: "R", params: { skillId: "SKILL_SUPPORT", requirement: "listed" } });
    expect(v.message).toBe("R lacks SKILL_SUPPORT, which this shift requires (2026-01-13 09:00–17:00 (America/New_York))");
  });

  it("accepts a child for a listed parent: SKILL_SALES_PREMIUM meets SKILL_SALES", () => {
    const r = trade(agent("G", "NYC", ["SKILL_SALES"]), agent("R", "NYC", ["SKILL_SALES_PREMIUM"]), ["SKILL_SALES"]);
    expect(only(r, "MissingRequiredSkill")).toEqual([]);
  });

  it("does not accept a parent for a listed child: SKILL_SALES does not meet SKILL_SALES_PREMIUM", () => {
    const r = trade(agent("G", "NYC", ["SKILL_SALES_PREMIUM"]), agent("R", "NYC", ["SKILL_SALES"]), ["SKILL_SALES_PREMIUM"]);
    expect(only(r, "MissingRequiredSkill").map((v) => v.params.skillId)).toEqual(["SKILL_SALES_PREMIUM"]);
  });

  it("accepts a cross-site equivalent: SKILL_SALES_UK meets SKILL_SALES_US", () => {
    const r = trade(agent("G", "NYC", ["SKILL_SALES_US"]), agent("R", "NYC", ["SKILL_SALES_UK"]), ["SKILL_SALES_US"]);
    expect(only(r, "MissingRequiredSkill")).toEqual([]);
  });

  it("asks of an unlisted shift only that the receiver serve one of the giver's skills", () => {
    const none = trade(agent("G", "NYC", ["SKILL_SUPPORT"]), agent("R", "NYC", ["SKILL_SALES"]), []);
    expect(only(none, "MissingRequiredSkill")[0]).toMatchObject({
      params: { skillId: "SKILL_SUPPORT", requirement: "anyOfGiverSkills" },
      message: "R holds none of the skills this shift served through G (SKILL_SUPPORT) (2026-01-13 09:00–17:00 (America/New_York))",
    });
    const some = trade(agent("G", "NYC", ["SKILL_SUPPORT", "SKILL_SALES_PREMIUM"]), agent("R", "NYC", ["SKILL_SALES"]), []);
    expect(only(some, "MissingRequiredSkill")).toEqual([]);
  });
});
