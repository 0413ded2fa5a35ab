import { describe, expect, it } from "vitest";
import { daysThrough, formatWindow, noDemandMessage, windowDays, zoneAbbreviation } from "@/lib/domain/coverage/labels";
import { agentTicks, timeTicks } from "@/lib/domain/coverage/ticks";
import { localDateKey, localDayRange, localToInstant } from "@/lib/domain/time";

const NY = "America/New_York";
const LON = "Europe/London";
const at = (zone: string, y: number, mo: number, d: number, h: number, mi = 0) => {
  const r = localToInstant({ year: y, month: mo, day: d, hour: h, minute: mi, second: 0 }, zone);
  if (!r.ok) throw new Error("bad local time");
  return r.instant;
};

describe("formatWindow", () => {
  it("shows both dates of a window across midnight: Fri 4 Dec 23:30 – Sat 5 Dec 17:00 EST", () => {
    expect(formatWindow(at(NY, 2026, 12, 4, 23, 30), at(NY, 2026, 12, 5, 17), NY)).toBe("Fri 4 Dec 23:30 – Sat 5 Dec 17:00 EST");
  });

  it("keeps a same-day window short, with its date and zone", () => {
    expect(formatWindow(at(NY, 2026, 12, 1, 17), at(NY, 2026, 12, 1, 20, 30), NY)).toBe("Tue 1 Dec 17:00–20:30 EST");
  });

  it("ends a window at local midnight as 24:00 of its own day", () => {
    expect(formatWindow(at(NY, 2026, 12, 1, 22), at(NY, 2026, 12, 2, 0), NY)).toBe("Tue 1 Dec 22:00–24:00 EST");
    expect(formatWindow(at(NY, 2026, 12, 1, 22), at(NY, 2026, 12, 3, 0), NY)).toBe("Tue 1 Dec 22:00 – Wed 2 Dec 24:00 EST");
  });

  it("names summer time and each zone of a window across a DST change", () => {
    expect(formatWindow(at(LON, 2026, 7, 1, 9), at(LON, 2026, 7, 1, 12), LON)).toBe("Wed 1 Jul 09:00–12:00 BST");
    // New York springs forward at 02:00 on Sun 8 Mar 2026.
    expect(formatWindow(at(NY, 2026, 3, 7, 23), at(NY, 2026, 3, 8, 9), NY)).toBe("Sat 7 Mar 23:00 EST – Sun 8 Mar 09:00 EDT");
  });

  it("names UTC as UTC", () => {
    expect(zoneAbbreviation(Date.UTC(2026, 11, 4, 12), "UTC")).toBe("UTC");
  });
});

describe("windowDays", () => {
  it("spans Friday through Saturday for a window from Fri 23:30 to Sat 17:00", () => {
    expect(windowDays(at(NY, 2026, 12, 4, 23, 30), at(NY, 2026, 12, 5, 17), NY)).toEqual({ day: "2026-12-04", through: "2026-12-05" });
  });

  it("keeps one day for a window that ends at midnight", () => {
    expect(windowDays(at(NY, 2026, 12, 4, 17), at(NY, 2026, 12, 5, 0), NY)).toEqual({ day: "2026-12-04", through: null });
  });

  it("lists the days through the last, inclusive", () => {
    expect(daysThrough("2026-12-30", "2027-01-02")).toEqual(["2026-12-30", "2026-12-31", "2027-01-01", "2027-01-02"]);
    expect(daysThrough("2026-12-04", "2026-12-03")).toEqual([]);
  });
});

describe("noDemandMessage", () => {
  it("says no demand is loaded for the range and where to load it", () => {
    expect(noDemandMessage("2027-03-01", "2027-03-07")).toBe(
      "No demand is loaded for Mon 1 Mar – Sun 7 Mar 2027; upload demand on the Coverage page (Demand upload).",
    );
    expect(noDemandMessage("2027-03-01", "2027-03-01")).toBe("No demand is loaded for Mon 1 Mar 2027; upload demand on the Coverage page (Demand upload).");
  });
});

describe("timeTicks", () => {
  const clock = (t: number, zone: string) => new Intl.DateTimeFormat("en-GB", { timeZone: zone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(t);

  it("ticks a day every 3 hours on the local clock: 00:00, 03:00 … 21:00, 24:00", () => {
    const day = localDayRange("2026-12-04", NY);
    const { ticks, stepHours, labels } = timeTicks(day.start, day.end, NY);
    expect(stepHours).toBe(3);
    expect(ticks.map((t) => clock(t, NY))).toEqual(["00:00", "03:00", "06:00", "09:00", "12:00", "15:00", "18:00", "21:00", "00:00"]);
    expect(labels).toEqual(["00:00", "03:00", "06:00", "09:00", "12:00", "15:00", "18:00", "21:00", "24:00"]);
  });

  it("keeps the clock on a 23-hour DST day: no 02:00 tick that does not exist", () => {
    const day = localDayRange("2026-03-08", NY);
    const { ticks } = timeTicks(day.start, day.end, NY);
    expect(ticks.map((t) => clock(t, NY))).toEqual(["00:00", "03:00", "06:00", "09:00", "12:00", "15:00", "18:00", "21:00", "00:00"]);
  });

  it("ticks a week every day at local midnight, labelled with the date", () => {
    const from = localDayRange("2026-11-30", NY).start;
    const to = localDayRange("2026-12-06", NY).end;
    const { ticks, stepHours, labels } = timeTicks(from, to, NY);
    expect(stepHours).toBe(24);
    expect(ticks.map((t) => clock(t, NY)).every((c) => c === "00:00")).toBe(true);
    expect(labels).toEqual(["Mon 30 Nov", "Tue 1 Dec", "Wed 2 Dec", "Thu 3 Dec", "Fri 4 Dec", "Sat 5 Dec", "Sun 6 Dec", "Mon 7 Dec"]);
  });

  it("ticks four weeks on Mondays with dates", () => {
    const from = localDayRange("2026-11-30", LON).start;
    const to = localDayRange("2026-12-27", LON).end;
    const { ticks, stepHours, labels } = timeTicks(from, to, LON);
    expect(stepHours).toBe(7 * 24);
    expect(labels).toEqual(["Mon 30 Nov", "Mon 7 Dec", "Mon 14 Dec", "Mon 21 Dec", "Mon 28 Dec"]);
    expect(ticks.map((t) => localDateKey(t, LON))).toEqual(["2026-11-30", "2026-12-07", "2026-12-14", "2026-12-21", "2026-12-28"]);
  });

  it("ticks an 8.5-hour trade window every 2 hours on the hour", () => {
    const { ticks, stepHours } = timeTicks(at(NY, 2026, 12, 3, 9), at(NY, 2026, 12, 3, 17, 30), NY, 6);
    expect(stepHours).toBe(2);
    expect(ticks.map((t) => clock(t, NY))).toEqual(["10:00", "12:00", "14:00", "16:00"]);
  });

  it("labels midnight with the date on a two-day gap chart", () => {
    const { labels } = timeTicks(localDayRange("2026-12-04", NY).start, localDayRange("2026-12-05", NY).end, NY);
    expect(labels).toContain("Sat 5 Dec");
    expect(labels).toContain("12:00");
  });
});

describe("agentTicks", () => {
  it("reads 0/5/10/15/20/25 for a peak of 24, not 0/6/12/24", () => {
    expect(agentTicks(24)).toEqual([0, 5, 10, 15, 20, 25]);
  });

  it("uses whole agents for small peaks and one step for nothing", () => {
    expect(agentTicks(3.2)).toEqual([0, 1, 2, 3, 4]);
    expect(agentTicks(0)).toEqual([0, 1]);
    expect(agentTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(agentTicks(140)).toEqual([0, 50, 100, 150]);
  });
});
