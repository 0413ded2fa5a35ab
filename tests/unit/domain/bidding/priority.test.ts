import { describe, expect, it } from "vitest";
import { ineligibility, priorityOrder, randomDraw, standingText, tierOf } from "@/lib/domain/bidding";
import { agent, catalog, line, SITES, scope } from "./fixtures";

const NYC = SITES[0];
const names = (xs: { agent: { id: string } }[]) => xs.map((x) => x.agent.id);

describe("static priority", () => {
  it("tiers by hire date: on or before each cutoff, the rest last", () => {
    const s = scope({ id: "S" }); // cutoffs 2019-12-31, 2021-12-31
    expect(tierOf(s.priority, agent("A", "NYC", { hireDate: "2019-12-31" }))).toBe(1);
    expect(tierOf(s.priority, agent("B", "NYC", { hireDate: "2020-01-01" }))).toBe(2);
    expect(tierOf(s.priority, agent("C", "NYC", { hireDate: "2023-04-01" }))).toBe(3);
    expect(standingText(s.priority, agent("A", "NYC", { hireDate: "2019-03-04" }))).toBe("tier 1 (hired 2019-03-04)");
  });

  it("tiers by performance rank or by a custom attribute", () => {
    const perf = scope({ id: "P", priority: { basis: "performance", rankAtMost: [10, 50], seed: 1 } });
    expect([5, 10, 11, 51].map((r) => tierOf(perf.priority, agent("A", "NYC", { performanceRank: r })))).toEqual([1, 1, 2, 3]);
    const attr = scope({ id: "T", priority: { basis: "attribute", attributeName: "band", tiers: [["A"], ["B", "C"]], seed: 1 } });
    expect(["A", "C", "Z"].map((v) => tierOf(attr.priority, agent("A", "NYC", { attributes: { band: v } })))).toEqual([1, 2, 3]);
    expect(tierOf(attr.priority, agent("A", "NYC"))).toBe(3);
  });

  it("breaks ties by rank, then seniority, then submission time, then the seeded draw", () => {
    const s = scope({ id: "S" });
    const tier2 = { hireDate: "2021-06-01", performanceRank: 20 };
    const order = priorityOrder(s, [
      { agent: agent("LATE", "NYC", tier2), submittedAt: 2000 },
      { agent: agent("EARLY", "NYC", tier2), submittedAt: 1000 },
      { agent: agent("SENIOR", "NYC", { ...tier2, hireDate: "2020-02-01" }), submittedAt: 3000 },
      { agent: agent("BEST", "NYC", { ...tier2, performanceRank: 3 }), submittedAt: 4000 },
      { agent: agent("VETERAN", "NYC", { hireDate: "2010-01-01", performanceRank: 300 }), submittedAt: 5000 },
    ]);
    expect(names(order)).toEqual(["VETERAN", "BEST", "SENIOR", "EARLY", "LATE"]);
  });

  it("the draw is seeded per agent: same seed, same order in any input order; another seed may reorder", () => {
    const twins = ["A1", "A2", "A3", "A4", "A5", "A6"].map((id) => ({ agent: agent(id, "NYC"), submittedAt: 1000 }));
    const s = scope({ id: "S" });
    const o1 = names(priorityOrder(s, twins));
    expect(names(priorityOrder(s, [...twins].reverse()))).toEqual(o1);
    expect(randomDraw(42, "A1")).toBe(randomDraw(42, "A1"));
    const others = [1, 2, 3, 4, 5].map((seed) => names(priorityOrder({ ...s, priority: { ...s.priority, seed } }, twins)).join());
    expect(others.some((o) => o !== o1.join())).toBe(true);
  });

  it("a static cross-site preference puts the named home sites first", () => {
    const s = scope({ id: "S", bidderSites: ["NYC", "LON"], priority: { basis: "tenure", hiredOnOrBefore: [], seed: 1, crossSite: { homeSites: ["LON"], when: "always" } } });
    const order = priorityOrder(s, [
      { agent: agent("N", "NYC", { hireDate: "2010-01-01" }), submittedAt: 1 },
      { agent: agent("L", "LON"), submittedAt: 2 },
    ]);
    expect(names(order)).toEqual(["L", "N"]);
  });
});

describe("eligibility", () => {
  const s = scope({
    id: "S",
    eligibility: { conditions: [{ type: "attribute", operator: "in", attributeName: "site_certification", attributeValues: ["SITE_NYC_COMPLIANT", "SITE_ALL"] }] },
  });
  const certified = { attributes: { site_certification: "SITE_ALL" } };

  it("needs the scope's line, membership, a serving skill, the attributes and the zone, in that order", () => {
    const L = line("L", "NYC");
    expect(ineligibility(s, agent("OK", "NYC", certified), L, NYC, catalog)).toBeNull();
    expect(ineligibility(s, agent("X", "NYC", certified), line("Q", "NYC", { skillId: "SKILL_SALES" }), NYC, catalog)?.condition).toBe("OutsideScope");
    expect(ineligibility(s, agent("X", "LON", certified), L, NYC, catalog)?.condition).toBe("NotInScope");
    expect(ineligibility(s, agent("X", "NYC", { ...certified, skills: [{ skillId: "SKILL_SALES", proficiency: 5 }] }), L, NYC, catalog)?.condition).toBe("MissingSkill");
    const pending = ineligibility(s, agent("X", "NYC", { attributes: { site_certification: "PENDING" } }), L, NYC, catalog);
    expect(pending).toEqual({ condition: "Attribute", message: "needs site_certification in (SITE_NYC_COMPLIANT, SITE_ALL); X has site_certification = PENDING" });
    expect(ineligibility(s, agent("X", "NYC", { ...certified, timeZone: "America/Chicago" }), L, NYC, catalog)?.condition).toBe("TimeZone");
  });

  it("a child skill's line belongs to its parent's group, and a child-skilled agent serves it", () => {
    const sales = scope({ id: "S", skillGroups: ["SKILL_SALES"] });
    const premium = line("P", "NYC", { skillId: "SKILL_SALES_PREMIUM" });
    expect(ineligibility(sales, agent("PRO", "NYC", { skills: [{ skillId: "SKILL_SALES_PREMIUM", proficiency: 4 }] }), premium, NYC, catalog)).toBeNull();
    expect(ineligibility(sales, agent("BASIC", "NYC", { skills: [{ skillId: "SKILL_SALES", proficiency: 4 }] }), premium, NYC, catalog)?.condition).toBe("MissingSkill");
  });

  it("a listed user pool replaces the bidder sites", () => {
    const listed = scope({ id: "S", users: ["U1"] });
    expect(ineligibility(listed, agent("U1", "NYC"), line("L", "NYC"), NYC, catalog)).toBeNull();
    expect(ineligibility(listed, agent("U2", "NYC"), line("L", "NYC"), NYC, catalog)?.condition).toBe("NotInScope");
  });
});
