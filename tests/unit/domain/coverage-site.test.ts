import { describe, expect, it } from "vitest";
import { chooseSiteRequired, siteCoverageSeries } from "@/lib/domain/coverage/site";

const f = (...v: number[]) => Float64Array.from(v);

describe("siteCoverageSeries: the Site filter's rule", () => {
  const base = {
    skillIds: ["SKILL_BILLING", "SKILL_SALES", "SKILL_TECH"],
    siteScheduled: new Map([
      ["SKILL_BILLING", f(2, 2, 1)],
      ["SKILL_SALES", f(3, 3, 3)],
    ]),
    otherScheduled: new Map([
      ["SKILL_BILLING", f(4, 1, 0)],
      ["SKILL_SALES", f(9, 9, 9)],
      ["SKILL_TECH", f(1, 1, 1)],
    ]),
    siteDemand: new Map([["SKILL_SALES", f(4, 4, 2)]]),
    sharedDemand: new Map([
      ["SKILL_BILLING", f(5, 5, 5)],
      ["SKILL_SALES", f(20, 20, 20)],
    ]),
    intervalCount: 3,
  };
  const bySkill = new Map(siteCoverageSeries(base).map((s) => [s.skillId, s]));

  it("uses the site's own demand where it has one, and leaves the other sites out of it", () => {
    const sales = bySkill.get("SKILL_SALES")!;
    expect(sales.requiredSource).toBe("site demand");
    expect(Array.from(sales.required)).toEqual([4, 4, 2]);
    expect(Array.from(sales.site)).toEqual([3, 3, 3]);
    expect(sales.otherSites).toBeNull();
    expect(Array.from(sales.scheduled)).toEqual([3, 3, 3]);
  });

  it("falls back to the shared queue, labelled so, with the other sites as their own series", () => {
    const billing = bySkill.get("SKILL_BILLING")!;
    expect(billing.requiredSource).toBe("shared demand");
    expect(Array.from(billing.required)).toEqual([5, 5, 5]);
    expect(Array.from(billing.site)).toEqual([2, 2, 1]);
    expect(Array.from(billing.otherSites!)).toEqual([4, 1, 0]);
    // The queue's gap is judged on both: 6, 3, 1 against 5.
    expect(Array.from(billing.scheduled)).toEqual([6, 3, 1]);
  });

  it("says when a skill has no demand at all, and gives the site nothing it does not schedule", () => {
    const tech = bySkill.get("SKILL_TECH")!;
    expect(tech.requiredSource).toBe("no demand");
    expect(Array.from(tech.required)).toEqual([0, 0, 0]);
    expect(Array.from(tech.site)).toEqual([0, 0, 0]);
    expect(Array.from(tech.otherSites!)).toEqual([1, 1, 1]);
  });

  it("treats an all-zero site demand row as no site demand", () => {
    const [s] = siteCoverageSeries({ ...base, skillIds: ["SKILL_BILLING"], siteDemand: new Map([["SKILL_BILLING", f(0, 0, 0)]]) });
    expect(s.requiredSource).toBe("shared demand");
  });
});

describe("chooseSiteRequired: which demand a site is judged on", () => {
  it("takes the site's own rows per skill where they hold demand, else the shared queue's, and says which", () => {
    const { required, source } = chooseSiteRequired(
      new Map([
        ["SKILL_SALES", f(4, 4)],
        ["SKILL_BILLING", f(0, 0)],
      ]),
      new Map([
        ["SKILL_SALES", f(20, 20)],
        ["SKILL_BILLING", f(5, 5)],
        ["SKILL_TECH", f(0, 0)],
      ]),
    );
    expect(Array.from(required.get("SKILL_SALES")!)).toEqual([4, 4]);
    expect(source.get("SKILL_SALES")).toBe("site demand");
    expect(Array.from(required.get("SKILL_BILLING")!)).toEqual([5, 5]);
    expect(source.get("SKILL_BILLING")).toBe("shared demand");
    expect(source.get("SKILL_TECH")).toBe("no demand");
  });
});
