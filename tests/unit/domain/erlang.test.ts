import { describe, expect, it } from "vitest";
import {
  averageSpeedOfAnswer,
  DEFAULT_STAFFING,
  FLAG_OK,
  FLAG_UNREACHABLE,
  erlangB,
  erlangC,
  requiredStaff,
  requiredStaffNaive,
  requiredStaffSeries,
  serviceLevel,
  trafficErlangs,
  type StaffingResult,
  type StaffingSettings,
} from "@/lib/domain/erlang";

/** The textbook Erlang C with powers and factorials, fine for small n as an oracle. */
function textbookErlangC(n: number, a: number): number {
  let term = 1;
  let sum = 0;
  for (let k = 0; k < n; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const top = term * (n / (n - a));
  return top / (sum + top);
}

function expectFinite(r: StaffingResult) {
  for (const v of [r.trafficErlangs, r.agents, r.scheduled, r.serviceLevel, r.occupancy]) {
    expect(Number.isFinite(v)).toBe(true);
  }
}

describe("requiredStaff", () => {
  it("staffs the reference case: 100 contacts in 30 min at AHT 180 s → 14 on the phones, 20 scheduled", () => {
    const r = requiredStaff(100, 180, 1800);
    expect(r.trafficErlangs).toBe(10);
    expect(r.agents).toBe(14);
    expect(r.scheduled).toBe(20);
    expect(r.flag).toBeNull();
    expect(r.serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(r.occupancy).toBeCloseTo(10 / 14, 12);
  });

  it("would miss 80 % in 20 s with one agent fewer (13 → 79.6 %)", () => {
    expect(serviceLevel(13, 10, 20, 180)).toBeCloseTo(0.7956, 4);
    expect(serviceLevel(14, 10, 20, 180)).toBeCloseTo(0.8884, 4);
  });

  it("uses the default settings when none are given", () => {
    expect(requiredStaff(100, 180, 1800)).toEqual(requiredStaff(100, 180, 1800, DEFAULT_STAFFING));
    expect(DEFAULT_STAFFING).toEqual({ serviceLevelTarget: 0.8, serviceLevelSeconds: 20, maxOccupancy: 0.85, shrinkage: 0.3 });
  });

  it("lets max occupancy bind when service level is easy: 8.5 Erlangs at 85 % → exactly 10", () => {
    const r = requiredStaff(85, 180, 1800, { ...DEFAULT_STAFFING, serviceLevelTarget: 0.01 });
    expect(r.trafficErlangs).toBeCloseTo(8.5, 12);
    expect(r.agents).toBe(10);
    expect(r.occupancy).toBeCloseTo(0.85, 12);
  });

  it("needs no one for zero contacts, even with the AHT 0 forecasts carry at night", () => {
    expect(requiredStaff(0, 180, 1800)).toMatchObject({ agents: 0, scheduled: 0, flag: null });
    expect(requiredStaff(0, 0, 900)).toMatchObject({ agents: 0, scheduled: 0, flag: null });
  });

  it("needs one agent for a trickle of contacts", () => {
    expect(requiredStaff(0.2, 120, 900)).toMatchObject({ agents: 1, scheduled: 2, flag: null });
  });

  it("stays finite and exact at 5,000 Erlangs", () => {
    const r = requiredStaff(50_000, 180, 1800);
    expect(r.trafficErlangs).toBe(5000);
    expectFinite(r);
    expect(r.flag).toBeNull();
    // Occupancy binds at this size: ceil(5000 / 0.85) = 5883.
    expect(r.agents).toBe(5883);
    expect(r.scheduled).toBe(Math.ceil(5883 / 0.7));
  });

  it("stays finite at 5,000 Erlangs when service level binds (no occupancy cap)", () => {
    const r = requiredStaff(50_000, 180, 1800, { serviceLevelTarget: 0.95, serviceLevelSeconds: 5, maxOccupancy: 1, shrinkage: 0 });
    expectFinite(r);
    expect(r.agents).toBeGreaterThan(5000);
    expect(r.agents).toBeLessThan(5200);
    expect(r.serviceLevel).toBeGreaterThanOrEqual(0.95);
    expect(serviceLevel(r.agents - 1, 5000, 5, 180)).toBeLessThan(0.95);
  });
});

describe("requiredStaff flags", () => {
  const unreachable = (r: StaffingResult) => {
    expect(r.flag).toBe("UNREACHABLE");
    expectFinite(r);
  };

  it("flags AHT 0 or negative with contacts", () => {
    unreachable(requiredStaff(10, 0, 900));
    unreachable(requiredStaff(10, -5, 900));
  });

  it("flags negative contacts", () => {
    unreachable(requiredStaff(-1, 180, 900));
  });

  it("flags non-finite input", () => {
    unreachable(requiredStaff(Number.NaN, 180, 900));
    unreachable(requiredStaff(10, Number.POSITIVE_INFINITY, 900));
    unreachable(requiredStaff(Number.POSITIVE_INFINITY, 180, 900));
    unreachable(requiredStaff(10, 180, 0));
  });

  it("flags settings that cannot be met: a 100 % target, occupancy 0, shrinkage 100 %", () => {
    unreachable(requiredStaff(100, 180, 1800, { ...DEFAULT_STAFFING, serviceLevelTarget: 1 }));
    unreachable(requiredStaff(100, 180, 1800, { ...DEFAULT_STAFFING, maxOccupancy: 0 }));
    unreachable(requiredStaff(100, 180, 1800, { ...DEFAULT_STAFFING, shrinkage: 1 }));
  });

  it("flags absurd traffic with a finite floor instead of searching for ever", () => {
    const r = requiredStaff(1e12, 300, 900);
    unreachable(r);
    expect(r.agents).toBeGreaterThan(0);
  });
});

describe("Erlang B and C", () => {
  it("matches the textbook formula for small teams", () => {
    for (const [n, a] of [
      [2, 1],
      [5, 3.2],
      [12, 10],
      [14, 10],
      [30, 24.5],
    ]) {
      expect(erlangC(n, a)).toBeCloseTo(textbookErlangC(n, a), 12);
    }
  });

  it("has Erlang B of 1 with no agents and 1/2 for one agent at 1 Erlang", () => {
    expect(erlangB(0, 3)).toBe(1);
    expect(erlangB(1, 1)).toBe(0.5);
  });

  it("says every contact waits when agents do not exceed traffic", () => {
    expect(erlangC(10, 10)).toBe(1);
    expect(serviceLevel(10, 10, 20, 180)).toBe(0);
  });

  it("computes traffic in Erlangs", () => {
    expect(trafficErlangs(100, 180, 1800)).toBe(10);
  });
});

describe("requiredStaffNaive", () => {
  const settingsGrid: StaffingSettings[] = [
    DEFAULT_STAFFING,
    { serviceLevelTarget: 0.9, serviceLevelSeconds: 10, maxOccupancy: 0.9, shrinkage: 0.35 },
    { serviceLevelTarget: 0.5, serviceLevelSeconds: 60, maxOccupancy: 0.75, shrinkage: 0 },
    { serviceLevelTarget: 0.99, serviceLevelSeconds: 0, maxOccupancy: 1, shrinkage: 0.2 },
  ];

  it("agrees with requiredStaff across a grid of volumes, AHTs, intervals and settings", () => {
    let compared = 0;
    for (const contacts of [0, 0.3, 1, 5, 12, 37, 100, 250, 1000]) {
      for (const aht of [30, 180, 420, 900]) {
        for (const interval of [900, 1800]) {
          for (const settings of settingsGrid) {
            expect(requiredStaffNaive(contacts, aht, interval, settings)).toEqual(requiredStaff(contacts, aht, interval, settings));
            compared++;
          }
        }
      }
    }
    expect(compared).toBe(288);
  });

  it("agrees at 5,000 Erlangs", () => {
    expect(requiredStaffNaive(50_000, 180, 1800)).toEqual(requiredStaff(50_000, 180, 1800));
  });

  it("agrees on flags", () => {
    expect(requiredStaffNaive(10, 0, 900)).toEqual(requiredStaff(10, 0, 900));
  });
});

describe("requiredStaffSeries", () => {
  it("matches requiredStaff interval by interval and flags the bad ones", () => {
    const contacts = [0, 100, 40, 12, 5];
    const aht = [0, 180, 240, 0, 200];
    const s = requiredStaffSeries(contacts, aht, 1800);
    contacts.forEach((c, i) => {
      const r = requiredStaff(c, aht[i], 1800);
      expect(s.agents[i]).toBe(r.agents);
      expect(s.scheduled[i]).toBe(r.scheduled);
    });
    expect(Array.from(s.flags)).toEqual([FLAG_OK, FLAG_OK, FLAG_OK, FLAG_UNREACHABLE, FLAG_OK]);
    expect(s.agents[1]).toBe(14);
  });

  it("accepts typed arrays and flags intervals whose AHT is missing", () => {
    const s = requiredStaffSeries(new Float64Array([100, 100]), new Float64Array([180]), 1800);
    expect(Array.from(s.agents)).toEqual([14, 0]);
    expect(Array.from(s.flags)).toEqual([FLAG_OK, FLAG_UNREACHABLE]);
  });
});

describe("average speed of answer", () => {
  it("is C · AHT / (n − A): the reference case answers in about 7.8 s", () => {
    expect(averageSpeedOfAnswer(14, 10, 180)).toBeCloseTo((textbookErlangC(14, 10) * 180) / 4, 10);
    expect(averageSpeedOfAnswer(14, 10, 180)).toBeCloseTo(7.84, 2);
  });

  it("is 0 without traffic and infinite when the queue never drains", () => {
    expect(averageSpeedOfAnswer(0, 0, 180)).toBe(0);
    expect(averageSpeedOfAnswer(10, 10, 180)).toBe(Number.POSITIVE_INFINITY);
  });
});
