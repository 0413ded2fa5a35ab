import { describe, expect, it } from "vitest";
import { evaluateTrade } from "@/lib/domain/trades";
import { agent, oneSided, only, settings, shift, world } from "../fixtures";

const ctx = world({
  agents: [agent("A", "NYC", ["SKILL_SALES"]), agent("L", "LON", ["SKILL_SALES"]), agent("B", "NYC", ["SKILL_SALES"])],
  shifts: [shift("SA", "A", "NYC", "2026-01-13 09:00", "2026-01-13 17:00")],
});
const lenient = { policies: { OneSided: "Allow" as const } };

describe("CrossSite", () => {
  it("denies a London agent a New York shift while cross-site trading is off", () => {
    const r = evaluateTrade(oneSided("T", "A", "SA", "L"), ctx, settings(lenient));
    expect(r.outcome).toBe("Denied");
    expect(only(r, "CrossSite")[0]).toMatchObject({ policy: "Disallow", params: { shiftSiteId: "NYC", homeSiteId: "LON" } });
  });

  it("sends it to the New York supervisors when cross-site trading needs AdminReview", () => {
    const r = evaluateTrade(oneSided("T", "A", "SA", "L"), ctx, settings({ ...lenient, allowCrossSiteTrading: true, policies: { OneSided: "Allow", CrossSite: "AdminReview" } }));
    expect(r.outcome).toBe("PendingReview");
    expect(r.reviewSiteIds).toEqual(["NYC"]);
  });

  it("records it as Allow once cross-site trading is on", () => {
    const r = evaluateTrade(oneSided("T", "A", "SA", "L"), ctx, settings({ ...lenient, allowCrossSiteTrading: true }));
    expect(r.outcome).toBe("Approved");
    expect(only(r, "CrossSite")[0].policy).toBe("Allow");
  });

  it("says nothing about a trade within one site", () => {
    expect(only(evaluateTrade(oneSided("T", "A", "SA", "B"), ctx, settings()), "CrossSite")).toEqual([]);
  });
});
