import { describe, expect, it } from "vitest";
import {
  addDays,
  fixedOffsetToInstant,
  instantToLocal,
  isValidTimeZone,
  localDateKey,
  localDayRange,
  localToInstant,
  parseUtcOffset,
  startOfIsoWeek,
} from "@/lib/domain/time";

const HOUR = 3_600_000;
const at = (y: number, mo: number, d: number, h: number, mi = 0) => ({ year: y, month: mo, day: d, hour: h, minute: mi, second: 0 });

describe("localToInstant", () => {
  it("converts an ordinary New York summer time to UTC", () => {
    expect(localToInstant(at(2026, 7, 1, 9), "America/New_York")).toEqual({ ok: true, instant: Date.UTC(2026, 6, 1, 13) });
  });

  it("refuses 02:30 on the New York spring-forward day as nonexistent", () => {
    const r = localToInstant(at(2026, 3, 8, 2, 30), "America/New_York");
    expect(r.ok).toBe(false);
    expect(r.ok === false && r.reason).toBe("nonexistent");
  });

  it("reports 01:30 on the New York fall-back day as ambiguous with both instants", () => {
    const r = localToInstant(at(2026, 11, 1, 1, 30), "America/New_York");
    expect(r).toEqual({
      ok: false,
      reason: "ambiguous",
      zone: "America/New_York",
      candidates: [Date.UTC(2026, 10, 1, 5, 30), Date.UTC(2026, 10, 1, 6, 30)],
    });
  });

  it("settles the fall-back ambiguity with an explicit offset", () => {
    expect(localToInstant(at(2026, 11, 1, 1, 30), "America/New_York", { fixedOffsetMinutes: -300 })).toEqual({
      ok: true,
      instant: Date.UTC(2026, 10, 1, 6, 30),
    });
  });

  it("rejects an explicit offset the zone does not use at that time", () => {
    const r = localToInstant(at(2026, 7, 1, 9), "America/New_York", { fixedOffsetMinutes: -300 });
    expect(r.ok).toBe(false);
  });

  it("handles London's spring gap at 01:30", () => {
    const r = localToInstant(at(2026, 3, 29, 1, 30), "Europe/London");
    expect(r.ok === false && r.reason).toBe("nonexistent");
  });

  it("handles Manila, which has no DST", () => {
    expect(localToInstant(at(2026, 3, 8, 2, 30), "Asia/Manila")).toEqual({ ok: true, instant: Date.UTC(2026, 2, 7, 18, 30) });
  });
});

describe("local days", () => {
  it("makes the New York spring-forward day 23 hours long", () => {
    const r = localDayRange("2026-03-08", "America/New_York");
    expect(r.end - r.start).toBe(23 * HOUR);
  });

  it("makes the London fall-back day 25 hours long", () => {
    const r = localDayRange("2026-10-25", "Europe/London");
    expect(r.end - r.start).toBe(25 * HOUR);
  });

  it("puts 23:30 UTC on the next calendar day in Manila", () => {
    expect(localDateKey(Date.UTC(2026, 0, 5, 23, 30), "Asia/Manila")).toBe("2026-01-06");
    expect(instantToLocal(Date.UTC(2026, 0, 5, 23, 30), "Asia/Manila").hour).toBe(7);
  });

  it("finds the ISO week's Monday and adds days across month ends", () => {
    expect(startOfIsoWeek("2026-11-22")).toBe("2026-11-16");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
  });
});

describe("offsets and zones", () => {
  it("parses CXone's fixed offsets", () => {
    expect(parseUtcOffset("UTC+05:30")).toBe(330);
    expect(parseUtcOffset("UTC-05:00")).toBe(-300);
    expect(parseUtcOffset("UTC-5")).toBe(-300);
    expect(parseUtcOffset("UTC")).toBe(0);
    expect(parseUtcOffset("EST")).toBeNull();
    expect(parseUtcOffset("UTC+25:00")).toBeNull();
  });

  it("applies a fixed offset to a local time", () => {
    expect(fixedOffsetToInstant(at(2026, 1, 5, 9), 330)).toBe(Date.UTC(2026, 0, 5, 3, 30));
  });

  it("knows real zones from made-up ones", () => {
    expect(isValidTimeZone("Asia/Manila")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });
});
