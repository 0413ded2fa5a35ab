import { describe, expect, it } from "vitest";
import { barPieces, dayAxis, instantAt, toLocalInput, xOf } from "@/components/schedule/geometry";
import { breakOffset, formValuesOf, toShiftFields } from "@/components/schedule/form-values";

const NY = "America/New_York";

describe("the grid's time axis", () => {
  it("puts local midnight on each day band's edge, DST days included", () => {
    // 2026-11-01 is 25 hours long in New York.
    const axis = dayAxis(["2026-10-31", "2026-11-01", "2026-11-02"], NY);
    expect(axis.starts.map((s) => new Date(s).toISOString())).toEqual([
      "2026-10-31T04:00:00.000Z",
      "2026-11-01T04:00:00.000Z",
      "2026-11-02T05:00:00.000Z",
      "2026-11-03T05:00:00.000Z",
    ]);
    expect(xOf(axis.starts[1], axis, 100)).toBe(100);
    expect(xOf(Date.parse("2026-11-02T17:00:00Z"), axis, 100)).toBe(250); // 12:00 local on day 3
    expect(xOf(0, axis, 100)).toBe(0);
    expect(xOf(Date.parse("2027-01-01T00:00:00Z"), axis, 100)).toBe(300);
  });

  it("turns a dragged pixel back into an instant snapped to 15 minutes", () => {
    const axis = dayAxis(["2026-11-23"], NY);
    // 9:07 local → 09:00; 9:08 → 09:15.
    expect(new Date(instantAt((9 * 60 + 7) / 1440 * 96, axis, 96)).toISOString()).toBe("2026-11-23T14:00:00.000Z");
    expect(new Date(instantAt((9 * 60 + 8) / 1440 * 96, axis, 96)).toISOString()).toBe("2026-11-23T14:15:00.000Z");
  });

  it("cuts unpaid breaks out of a bar and keeps paid ones as faint pieces", () => {
    const s = Date.parse("2026-11-23T14:00:00Z");
    const h = 3_600_000;
    expect(
      barPieces(s, s + 8.5 * h, [
        { startOffsetMinutes: 120, durationMinutes: 15, paid: true },
        { startOffsetMinutes: 240, durationMinutes: 30, paid: false },
      ]).map((p) => [(p.from - s) / 60_000, (p.to - s) / 60_000, p.kind]),
    ).toEqual([
      [0, 120, "work"],
      [120, 135, "paidBreak"],
      [135, 240, "work"],
      [270, 510, "work"],
    ]);
  });
});

describe("the shift form's values", () => {
  it("reads a stored shift in the grid's zone and writes local times with the zone back", () => {
    const start = Date.parse("2026-11-24T03:00:00Z"); // 22:00 on the 23rd in New York
    const v = formValuesOf({ agentId: "AGENT-1001", siteId: "NYC", start, end: start + 8 * 3_600_000, breaks: [{ startOffsetMinutes: 240, durationMinutes: 30, paid: false }], skills: [], status: "DRAFT" }, NY);
    expect(v.start).toBe("2026-11-23T22:00");
    expect(v.end).toBe("2026-11-24T06:00");
    expect(v.breaks).toEqual([{ at: "02:00", minutes: 30, paid: false }]);
    // A break at a clock time before the start is on the next day.
    expect(breakOffset("2026-11-23T22:00", "02:00")).toBe(240);
    expect(toShiftFields(v)).toMatchObject({ start: "2026-11-23T22:00", end: "2026-11-24T06:00", timeZone: NY, breaks: [{ startOffsetMinutes: 240, durationMinutes: 30, paid: false }] });
    expect(toLocalInput(start, "Europe/London")).toBe("2026-11-24T03:00");
  });
});
