import { describe, expect, it } from "vitest";
import { dayKeysSpanning, ZoneClock } from "@/lib/domain/trades/calendar";
import { paidHours, paidHoursWithin, paidSegments } from "@/lib/domain/trades/hours";
import { HOUR, local, shift } from "./fixtures";

describe("ZoneClock", () => {
  const clock = new ZoneClock();

  it("gives local dates, clock times and ISO weeks in the zone asked", () => {
    const t = Date.UTC(2026, 0, 12, 3, 30); // Mon 03:30 UTC = Sun 22:30 in New York
    expect(clock.dateKey(t, "America/New_York")).toBe("2026-01-11");
    expect(clock.clock(t, "America/New_York")).toBe("22:30");
    expect(clock.weekKey(t, "America/New_York")).toBe("2026-01-05");
    expect(clock.weekKey(t, "Asia/Manila")).toBe("2026-01-12");
  });

  it("places wall-clock times like Temporal's 'compatible': gaps move forward, repeats take the first", () => {
    const naive = (h: number, m = 0) => Date.UTC(2026, 2, 8, h, m);
    expect(clock.wallToInstant(naive(2, 30), "America/New_York")).toBe(Date.UTC(2026, 2, 8, 7, 30)); // 03:30 EDT
    expect(clock.wallToInstant(naive(9), "America/New_York")).toBe(Date.UTC(2026, 2, 8, 13));
    expect(clock.wallToInstant(Date.UTC(2026, 10, 1, 1, 30), "America/New_York")).toBe(Date.UTC(2026, 10, 1, 5, 30));
  });

  it("knows 23- and 25-hour days and lists the local days a span touches", () => {
    const spring = clock.dayRange("2026-03-08", "America/New_York");
    expect(spring.end - spring.start).toBe(23 * HOUR);
    const week = clock.weekRange("2026-10-19", "Europe/London");
    expect(week.end - week.start).toBe((7 * 24 + 1) * HOUR);
    expect(dayKeysSpanning(clock, local("Asia/Manila", "2026-01-13 22:00"), local("Asia/Manila", "2026-01-14 06:00"), "Asia/Manila")).toEqual([
      "2026-01-13",
      "2026-01-14",
    ]);
    expect(dayKeysSpanning(clock, local("Asia/Manila", "2026-01-13 16:00"), local("Asia/Manila", "2026-01-14 00:00"), "Asia/Manila")).toEqual(["2026-01-13"]);
  });
});

describe("paid hours", () => {
  const s = shift("S", "A", "NYC", "2026-01-13 09:00", "2026-01-13 17:00", {
    breaks: [
      { startOffsetMinutes: 120, durationMinutes: 15, paid: true },
      { startOffsetMinutes: 240, durationMinutes: 30, paid: false },
    ],
  });

  it("counts paid breaks as work and unpaid ones not: 09:00–17:00 with a 30-minute lunch is 7.5 h", () => {
    expect(paidHours(s)).toBe(7.5);
    expect(paidSegments(s)).toEqual([
      [s.start, s.start + 4 * HOUR],
      [s.start + 4.5 * HOUR, s.end],
    ]);
  });

  it("clips to a range: 12:00–14:00 holds 1.5 paid hours", () => {
    expect(paidHoursWithin([s], local("America/New_York", "2026-01-13 12:00"), local("America/New_York", "2026-01-13 14:00"))).toBe(1.5);
  });
});
