import { describe, expect, it } from "vitest";
import { daysLabel, lineLabel, linesFromSchedule, missingLocationText } from "@/lib/domain/bidding";
import type { Shift } from "@/lib/domain/types";
import { HOUR, SITES, agent, catalog, local } from "./fixtures";

let n = 0;
const shift = (agentId: string, siteId: string, zone: string, day: string, start: string, hours: number, skills: string[] = []): Shift => {
  const s = local(zone, `${day} ${start}`);
  return { id: `s${++n}`, agentId, siteId, start: s, end: s + hours * HOUR, skills: skills.map((skillId) => ({ skillId, proficiency: 3 })), status: "PUBLISHED", breaks: [], version: 0 };
};
const NY = "America/New_York";
// Mon 5 – Fri 9 and Mon 12 – Fri 16 January 2026.
const week1 = ["2026-01-05", "2026-01-06", "2026-01-07", "2026-01-08", "2026-01-09"];
const week2 = ["2026-01-12", "2026-01-13", "2026-01-14", "2026-01-15", "2026-01-16"];

describe("lines from the current schedule", () => {
  const agents = [agent("A1", "NYC"), agent("A2", "NYC"), agent("A3", "NYC"), agent("L1", "LON")];
  const base = { agents, sites: SITES, catalog, siteIds: ["NYC"], skillGroups: ["SKILL_SALES"], from: "2026-01-05", to: "2026-01-16" };

  it("groups each agent's week into a pattern on the site's clock; slots are agents per average week, rounded up", () => {
    const shifts = [
      ...week1.map((d) => shift("A1", "NYC", NY, d, "08:00", 8.5, ["SKILL_SALES"])),
      ...week2.map((d) => shift("A1", "NYC", NY, d, "08:00", 8.5, ["SKILL_SALES"])),
      ...week1.map((d) => shift("A2", "NYC", NY, d, "08:00", 8.5, ["SKILL_SALES"])),
      // A3 works Tue–Sat 11:30–20:00 in week 2 only: one agent-week over two weeks → 1 slot.
      ...["2026-01-13", "2026-01-14", "2026-01-15", "2026-01-16", "2026-01-17"].map((d) => shift("A3", "NYC", NY, d, "11:30", 8.5, ["SKILL_SALES"])),
    ];
    const out = linesFromSchedule({ ...base, shifts, to: "2026-01-18" });
    expect(out.weeks).toEqual(["2026-01-05", "2026-01-12"]);
    expect(out.lines.map((l) => [l.label, l.slots])).toEqual([
      // A1 twice + A2 once = 3 agent-weeks over 2 weeks → 2 slots.
      ["Mon–Fri 08:00–16:30 NYC, SKILL_SALES, 2 slots", 2],
      ["Tue–Sat 11:30–20:00 NYC, SKILL_SALES, 1 slot", 1],
    ]);
    expect(out.shiftsRead).toBe(10 + 5 + 5);
    // Read only up to Friday the 16th (a local date): A3's Saturday is left out.
    expect(linesFromSchedule({ ...base, shifts }).lines.map((l) => l.label)[1]).toBe("Tue–Fri 11:30–20:00 NYC, SKILL_SALES, 1 slot");
  });

  it("reads only the scope's sites and skills: a LON shift, a shift serving another skill, a child skill's shift", () => {
    const shifts = [
      shift("L1", "LON", "Europe/London", "2026-01-05", "08:00", 8, ["SKILL_SALES"]),
      shift("A1", "NYC", NY, "2026-01-05", "08:00", 8, ["SKILL_GENERAL_SUPPORT"]),
      // A child skill serves its parent group; the line keeps the shift's own skill.
      shift("A2", "NYC", NY, "2026-01-05", "09:00", 8, ["SKILL_SALES_PREMIUM"]),
      // No skill listed: the agent's skills count (A3 holds SKILL_SALES).
      shift("A3", "NYC", NY, "2026-01-06", "10:00", 8),
    ];
    const out = linesFromSchedule({ ...base, shifts });
    expect(out.lines.map((l) => l.label)).toEqual(["Tue 10:00–18:00 NYC, SKILL_SALES, 1 slot", "Mon 09:00–17:00 NYC, SKILL_SALES_PREMIUM, 1 slot"]);
  });

  it("keeps the site's clock across a DST change: the same 08:00 start before and after is one pattern", () => {
    // 2026-03-08: New York springs forward.
    const days = ["2026-03-02", "2026-03-03", "2026-03-09", "2026-03-10"];
    const shifts = days.map((d) => shift("A1", "NYC", NY, d, "08:00", 8, ["SKILL_SALES"]));
    const out = linesFromSchedule({ ...base, shifts, from: "2026-03-02", to: "2026-03-15" });
    expect(out.lines.map((l) => l.label)).toEqual(["Mon, Tue 08:00–16:00 NYC, SKILL_SALES, 1 slot"]);
  });

  it("labels days as runs", () => {
    expect(daysLabel([1, 2, 3, 4, 5])).toBe("Mon–Fri");
    expect(daysLabel([5, 1, 3])).toBe("Mon, Wed, Fri");
    expect(daysLabel([6, 7])).toBe("Sat, Sun");
    expect(daysLabel([1, 2, 3, 6, 7])).toBe("Mon–Wed, Sat, Sun");
    expect(lineLabel({ days: [2, 3, 4, 5, 6], start: "09:00", end: "17:30", siteId: "LON", skillId: "SKILL_SALES", slots: 6 })).toBe("Tue–Sat 09:00–17:30 LON, SKILL_SALES, 6 slots");
  });
});

describe("a scope without a location", () => {
  it("names the skill worked at several sites, and the sites", () => {
    const skillSites = new Map([["SKILL_SALES", ["NYC", "LON"]], ["SKILL_GENERAL_SUPPORT", ["NYC"]]]);
    expect(missingLocationText(["SKILL_SALES"], { catalog, skillSites })).toMatch(/^SKILL_SALES is worked at NYC and LON — without a location/);
    // A child skill's sites count for its parent group.
    const childOnly = new Map([["SKILL_SALES_PREMIUM", ["NYC", "PAR"]]]);
    expect(missingLocationText(["SKILL_SALES"], { catalog, skillSites: childOnly })).toMatch(/^SKILL_SALES is worked at NYC and PAR/);
    expect(missingLocationText(["SKILL_GENERAL_SUPPORT"], { catalog, skillSites })).toMatch(/^The scope names no site/);
  });
});
