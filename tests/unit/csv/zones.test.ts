import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clockChangeNear, ZoneResolver } from "@/lib/csv/zones";
import { localToInstant } from "@/lib/domain/time";

const ZONES = [
  "America/New_York",
  "Europe/London",
  "Asia/Manila",
  "Australia/Lord_Howe", // 30-minute DST
  "America/St_Johns", // -03:30 / -02:30
  "Pacific/Apia", // skipped 30 December 2011 entirely
  "Asia/Kathmandu",
  "America/Santiago",
  "Africa/Casablanca", // DST suspended for Ramadan: two changes a month apart
  "Europe/Moscow",
  "UTC",
];

describe("ZoneResolver", () => {
  it("agrees with localToInstant everywhere, transition days included", () => {
    const z = new ZoneResolver();
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(1990, 0, 1) / 60_000, max: Date.UTC(2036, 0, 1) / 60_000 }),
        (zone, minute) => {
          const d = new Date(minute * 60_000);
          const p = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: 0, millisecond: 0, offsetMinutes: null };
          expect(z.resolve(p, zone)).toEqual(localToInstant(p, zone));
        },
      ),
      { numRuns: 4000 },
    );
  });

  it("agrees on every quarter-hour of the days around known transitions", () => {
    const z = new ZoneResolver();
    const days: [string, number, number, number][] = [
      ["America/New_York", 2026, 3, 8],
      ["America/New_York", 2026, 11, 1],
      ["Australia/Lord_Howe", 2026, 4, 5],
      ["Pacific/Apia", 2011, 12, 29],
      ["Pacific/Apia", 2011, 12, 31],
      ["Africa/Casablanca", 2026, 2, 15],
    ];
    for (const [zone, y, m, d] of days) {
      for (let q = -96; q < 192; q++) {
        const t = new Date(Date.UTC(y, m - 1, d) + q * 900_000);
        const p = { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate(), hour: t.getUTCHours(), minute: t.getUTCMinutes(), second: 0, millisecond: 0, offsetMinutes: null };
        expect(z.resolve(p, zone)).toEqual(localToInstant(p, zone));
      }
    }
  });

  it("reads zone cells: IANA names and fixed offsets", () => {
    const z = new ZoneResolver();
    expect(z.zoneSpec("Asia/Manila")).toEqual({ kind: "iana", zone: "Asia/Manila" });
    expect(z.zoneSpec("UTC+05:30")).toEqual({ kind: "fixed", offsetMinutes: 330, label: "UTC+05:30" });
    expect(z.zoneSpec("GMT-3")).toEqual({ kind: "fixed", offsetMinutes: -180, label: "GMT-3" });
    expect(z.zoneSpec("EST5EDT-ish")).toBeNull();
  });

  it("names the clock change near a wall-clock time", () => {
    const p = (y: number, m: number, d: number, h: number, mi = 0) => ({ year: y, month: m, day: d, hour: h, minute: mi, second: 0, millisecond: 0, offsetMinutes: null });
    expect(clockChangeNear(p(2026, 3, 8, 2, 30), "America/New_York")).toEqual({ from: "02:00", to: "03:00" });
    expect(clockChangeNear(p(2026, 11, 1, 1, 30), "America/New_York")).toEqual({ from: "02:00", to: "01:00" });
    expect(clockChangeNear(p(2026, 4, 5, 1, 45), "Australia/Lord_Howe")).toEqual({ from: "02:00", to: "01:30" });
    expect(clockChangeNear(p(2026, 7, 1, 9), "Asia/Manila")).toBeNull();
  });
});
