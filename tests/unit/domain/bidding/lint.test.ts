import { describe, expect, it } from "vitest";
import { canOpenWindow, lint, type LintContext } from "@/lib/domain/bidding";
import { agent, catalog, SITES, scope } from "./fixtures";

const ctx = (o: Partial<LintContext> = {}): LintContext => ({
  sites: SITES,
  catalog,
  skillSites: new Map([
    ["SKILL_GENERAL_SUPPORT", ["NYC", "LON"]],
    ["SKILL_SALES", ["NYC"]],
  ]),
  ...o,
});
const codes = (scopes: Parameters<typeof lint>[0], c = ctx()) => lint(scopes, c).map((f) => `${f.severity}:${f.code}:${f.scopeId}`).sort();
const later = { kind: "offsets" as const, openOffsetSeconds: -6 * 86_400, closeOffsetSeconds: -3 * 86_400, timeZone: "America/New_York" };

describe("scope linter", () => {
  it("accepts one site scope per site and wave", () => {
    expect(codes([scope({ id: "A", locations: ["NYC"] }), scope({ id: "B", locations: ["LON"], wave: 2, window: later })])).toEqual([]);
  });

  it("two scopes that reach the same shift in one wave leak into each other", () => {
    const f = lint([scope({ id: "A" }), scope({ id: "B", skillGroups: ["SKILL_SALES", "SKILL_GENERAL_SUPPORT"] })], ctx());
    expect(f.map((x) => x.code)).toEqual(["ScopeLeakage"]);
    expect(f[0].otherScopeIds).toEqual(["B"]);
  });

  it("a parent skill group reaches its children's lines: SKILL_SALES and SKILL_SALES_PREMIUM at NYC collide", () => {
    expect(codes([scope({ id: "A", skillGroups: ["SKILL_SALES"] }), scope({ id: "B", skillGroups: ["SKILL_SALES_PREMIUM"] })])).toEqual(["error:ScopeLeakage:A"]);
  });

  it("a cross-site scope in the same wave as the site's own scope is circular; in wave 2 after it, fine", () => {
    const own = scope({ id: "OWN" });
    const pool = { id: "POOL", locations: ["NYC"], bidderSites: ["NYC", "LON"], eligibility: { allowedZones: ["Europe/London"] } };
    const same = lint([own, scope(pool)], ctx());
    expect(same.map((f) => f.code)).toEqual(["CircularPriority"]);
    expect(same[0].message).toContain("wave 2");
    expect(codes([own, scope({ ...pool, wave: 2, window: later })])).toEqual([]);
  });

  it("priority or eligibility on live schedule state is circular", () => {
    const live = lint(
      [scope({ id: "A", priority: { basis: "attribute", attributeName: "site_staffing_level", tiers: [["LOW"]], seed: 1 }, eligibility: { conditions: [{ type: "attribute", operator: "equals", attributeName: "open_shifts", attributeValue: "0" }] } })],
      ctx({ liveAttributes: ["open_shifts"] }),
    );
    expect(live.map((f) => [f.code, f.fields[0]])).toEqual([
      ["CircularPriority", "priority.attributeName"],
      ["CircularEligibility", "eligibility.conditions.0.attributeName"],
    ]);
  });

  it("a later wave that opens before the earlier closes overlaps; one that closes before it opens is out of order", () => {
    const w1 = scope({ id: "W1" });
    const overlapping = scope({ id: "W2", wave: 2, window: { ...later, openOffsetSeconds: -8 * 86_400 } });
    expect(codes([w1, overlapping])).toEqual(["error:WaveWindowsOverlap:W2"]);
    const early = scope({ id: "W2", wave: 2, window: { ...later, openOffsetSeconds: -30 * 86_400, closeOffsetSeconds: -20 * 86_400 } });
    expect(codes([w1, early])).toEqual(["error:WaveOutOfOrder:W2"]);
  });

  it("windows of one site open at once for the same agents: a warning", () => {
    expect(codes([scope({ id: "A" }), scope({ id: "B", skillGroups: ["SKILL_SALES"] })])).toEqual(["warning:SiteWindowsOverlap:A"]);
  });

  it("two scopes sharing a skill group across locations in one wave: a warning (DOMAIN)", () => {
    expect(codes([scope({ id: "A", locations: ["NYC"] }), scope({ id: "B", locations: ["LON"] })])).toEqual(["warning:SkillGroupSharedInWave:A"]);
  });

  it("eligibility nobody meets, given the agents", () => {
    const s = scope({ id: "A", eligibility: { conditions: [{ type: "attribute", operator: "equals", attributeName: "site_certification", attributeValue: "SITE_NYC_COMPLIANT" }] } });
    const pending = [agent("N1", "NYC", { attributes: { site_certification: "PENDING" } })];
    const f = lint([s], ctx({ agents: pending }));
    expect(f.map((x) => x.code)).toEqual(["EligibilityUnmet"]);
    expect(f[0].message).toContain("site_certification = SITE_NYC_COMPLIANT");
    expect(lint([s], ctx({ agents: [agent("N2", "NYC", { attributes: { site_certification: "SITE_NYC_COMPLIANT" } })] }))).toEqual([]);
  });

  it("a lock longer than the window, and a window closing after the period starts", () => {
    expect(codes([scope({ id: "A", lockDurationHours: 24 * 8 })])).toEqual(["error:LockLongerThanWindow:A"]);
    expect(codes([scope({ id: "A", window: { ...later, closeOffsetSeconds: 86_400 } })])).toEqual(["error:WindowAfterPeriodStart:A"]);
  });

  it("errors block opening only the scopes they concern; warnings never do", () => {
    const scopes = [scope({ id: "A", locations: ["NYC"] }), scope({ id: "B", locations: ["LON"] }), scope({ id: "C", locations: ["LON"], skillGroups: ["SKILL_SALES"], lockDurationHours: 200 })];
    expect(canOpenWindow("A", scopes, ctx()).ok).toBe(true);
    expect(canOpenWindow("C", scopes, ctx()).errors.map((e) => e.code)).toEqual(["LockLongerThanWindow"]);
  });
});
