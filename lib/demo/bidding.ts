/**
 * The demo's bidding: one wave-1 scope per sales site (own-site agents, certification
 * required, tenure tiers), a wave-2 cross-site overflow left in draft, and weekly lines
 * for a four-week bid period that starts two weeks after the published week. The windows
 * open a week before the published week, so the demo can be bid on the day it is seeded.
 */
import { addDays } from "../domain/time";
import type { BidLine, BidScope } from "../domain/bidding/types";

const DAY = 86_400;

export interface DemoBidding {
  period: { start: string; end: string };
  scopes: Omit<BidScope, "id">[];
  lines: Omit<BidLine, "id">[];
}

const constraints = { maxShiftsPerDay: 1, maxShiftsPerWeek: 5, maxLinesPerAgent: 1, requireAvailability: true, respectLaborRules: true };

export function demoBidding(weekStart: string): DemoBidding {
  const period = { start: addDays(weekStart, 14), end: addDays(weekStart, 41) };
  const window = (timeZone: string) => ({ kind: "offsets" as const, openOffsetSeconds: -21 * DAY, closeOffsetSeconds: -3 * DAY, timeZone });
  const tenure = (seed: number) => ({ basis: "tenure" as const, hiredOnOrBefore: ["2016-12-31", "2020-12-31"], tieBreakers: ["performance", "hireDate", "submittedAt", "randomDraw"] as BidScope["priority"]["tieBreakers"], seed, crossSite: null });
  const scopes: Omit<BidScope, "id">[] = [
    {
      name: "NYC Sales — bid",
      status: "open",
      locations: ["NYC"],
      skillGroups: ["SKILL_SALES", "SKILL_SALES_US"],
      bidderSites: ["NYC"],
      users: null,
      eligibility: { conditions: [{ type: "attribute", operator: "equals", attributeName: "site_certification", values: ["SITE_NYC_COMPLIANT"] }], allowedZones: [] },
      period,
      window: window("America/New_York"),
      constraints,
      priority: tenure(20260601),
      wave: 1,
      lockDurationHours: 24,
      autoRelease: true,
    },
    {
      name: "LON Sales UK — bid",
      status: "open",
      locations: ["LON"],
      skillGroups: ["SKILL_SALES", "SKILL_SALES_UK"],
      bidderSites: ["LON"],
      users: null,
      eligibility: { conditions: [{ type: "attribute", operator: "equals", attributeName: "site_certification", values: ["SITE_LON_COMPLIANT"] }], allowedZones: [] },
      period,
      window: window("Europe/London"),
      constraints,
      priority: tenure(20260602),
      wave: 1,
      lockDurationHours: 24,
      autoRelease: true,
    },
    {
      name: "Cross-site sales overflow (wave 2)",
      status: "draft",
      locations: ["NYC", "LON"],
      skillGroups: ["SKILL_SALES_US", "SKILL_SALES_UK"],
      bidderSites: ["NYC", "LON"],
      users: null,
      eligibility: { conditions: [], allowedZones: [] },
      period,
      window: { kind: "offsets", openOffsetSeconds: -3 * DAY, closeOffsetSeconds: -1 * DAY, timeZone: "UTC" },
      constraints,
      priority: tenure(20260603),
      wave: 2,
      lockDurationHours: 12,
      autoRelease: true,
    },
  ];
  const weekdays = [1, 2, 3, 4, 5];
  const line = (siteId: string, skillId: string, days: number[], start: string, end: string, slots: number): Omit<BidLine, "id"> => ({
    label: `${days.length === 5 && days[0] === 1 ? "Mon–Fri" : days[0] === 2 ? "Tue–Sat" : "Days " + days.join(",")} ${start}–${end} ${siteId}, ${skillId}, ${slots} slots`,
    siteId,
    skillId,
    days,
    start,
    end,
    slots,
    breaks: [
      { startOffsetMinutes: 120, durationMinutes: 15, paid: true },
      { startOffsetMinutes: 240, durationMinutes: 30, paid: false },
      { startOffsetMinutes: 390, durationMinutes: 15, paid: true },
    ],
  });
  const lines = [
    line("NYC", "SKILL_SALES_US", weekdays, "08:00", "16:30", 12),
    line("NYC", "SKILL_SALES_US", weekdays, "11:30", "20:00", 10),
    line("NYC", "SKILL_SALES_US", [2, 3, 4, 5, 6], "09:00", "17:30", 8),
    line("LON", "SKILL_SALES_UK", weekdays, "08:00", "16:30", 10),
    line("LON", "SKILL_SALES_UK", weekdays, "12:00", "20:30", 8),
    line("LON", "SKILL_SALES_UK", [2, 3, 4, 5, 6], "09:00", "17:30", 6),
  ];
  return { period, scopes, lines };
}
