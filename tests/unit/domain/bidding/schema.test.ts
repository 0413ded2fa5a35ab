import { describe, expect, it } from "vitest";
import { z } from "zod";
import { bidLineSchema, bidSchema, bidScopeSchema } from "@/lib/schemas/bidding";
import { PERIOD } from "./fixtures";

const scopeInput = {
  id: "S",
  name: "NYC Sales — summer bid",
  locations: ["NYC"],
  skillGroups: ["SKILL_SALES"],
  period: PERIOD,
  window: { kind: "offsets", openOffsetSeconds: -1_209_600, closeOffsetSeconds: -604_800, timeZone: "America/New_York" },
  priority: { basis: "tenure", hiredOnOrBefore: ["2019-12-31"], seed: 7 },
  eligibility: { conditions: [{ type: "attribute", operator: "equals", attributeName: "site_certification", attributeValue: "SITE_NYC_COMPLIANT" }] },
};
const messages = (r: { success: boolean; error?: z.ZodError }) => (r.error ? r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) : []);

describe("bid scope schema", () => {
  it("fills DOMAIN's defaults and the own-site bidder pool", () => {
    const s = bidScopeSchema.parse(scopeInput);
    expect(s.bidderSites).toEqual(["NYC"]);
    expect(s.constraints).toEqual({ maxShiftsPerDay: 1, maxShiftsPerWeek: 5, maxLinesPerAgent: 1, requireAvailability: true, respectLaborRules: true });
    expect(s.priority.tieBreakers).toEqual(["performance", "hireDate", "submittedAt", "randomDraw"]);
    expect(s.eligibility.conditions[0].values).toEqual(["SITE_NYC_COMPLIANT"]);
    expect(s.lockDurationHours).toBe(24);
  });

  it("names the field: no site, a window closing before it opens, a bad zone", () => {
    expect(messages(bidScopeSchema.safeParse({ ...scopeInput, locations: [] }))).toEqual(["locations: A bid scope needs at least one site (location): without one it leaks across sites."]);
    expect(messages(bidScopeSchema.safeParse({ ...scopeInput, window: { ...scopeInput.window, closeOffsetSeconds: -1_300_000 } }))).toEqual([
      "window.closeOffsetSeconds: The bidding window closes before it opens.",
    ]);
    expect(
      messages(bidScopeSchema.safeParse({ ...scopeInput, window: { kind: "dates", opensAt: "2026-01-01T09:00", closesAt: "2025-12-30T09:00", timeZone: "Europe/London" } })),
    ).toEqual(["window.closesAt: The bidding window closes before it opens."]);
    expect(messages(bidScopeSchema.safeParse({ ...scopeInput, window: { ...scopeInput.window, timeZone: "Mars/Olympus" } }))[0]).toContain("Mars/Olympus is not an IANA time zone");
  });
});

describe("line and bid schemas", () => {
  const lineInput = { id: "L", label: "Mon–Fri 08:00–16:30", siteId: "NYC", skillId: "SKILL_SALES", days: [5, 1, 2, 3, 4], start: "08:00", end: "16:30", slots: 12 };
  it("accepts a line and sorts its days; refuses 0 slots and bad clock times", () => {
    expect(bidLineSchema.parse(lineInput).days).toEqual([1, 2, 3, 4, 5]);
    expect(messages(bidLineSchema.safeParse({ ...lineInput, slots: 0 }))).toEqual(["slots: A line needs at least 1 slot."]);
    expect(messages(bidLineSchema.safeParse({ ...lineInput, start: "25:00" }))).toEqual(["start: 25:00 is not a clock time (HH:MM)."]);
  });

  it("refuses a duplicate rank and a line ranked twice, naming the preference", () => {
    const r = bidSchema.safeParse({
      agentId: "A",
      scopeId: "S",
      preferences: [
        { lineId: "L1", rank: 1 },
        { lineId: "L2", rank: 1 },
        { lineId: "L1", rank: 3 },
      ],
    });
    expect(messages(r)).toEqual(["preferences.1.rank: Rank 1 is given twice (preferences 1 and 2).", "preferences.2.lineId: Line L1 is ranked twice."]);
  });
});
