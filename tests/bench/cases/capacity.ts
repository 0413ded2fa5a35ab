/**
 * Capacity plan: one skill × 7 days × 15-minute intervals, 12 shift types (8 h days at six
 * starts, a 10 h, 6 h and 4 h part-times, a 9 h night crossing midnight and a 6 h shift from midnight), a seeded two-peak
 * requirement with fractional values (as an Erlang forecast gives). Both objectives, each to
 * a proven optimum; the figures say whether it was proven and in how long.
 */
import { mulberry32 } from "../../../lib/domain/random";
import { runCapacityPlan, type CapacityPlanResult } from "../../../lib/optimize/run-capacity";
import type { CapacityPlanRequest } from "../../../lib/schemas/capacity-plan";
import type { BenchCase } from "../harness";

export function capacityWeek(seed = 7): CapacityPlanRequest {
  const rnd = mulberry32(seed);
  const required: number[] = [];
  for (let day = 0; day < 7; day++) {
    const scale = day >= 5 ? 0.6 : 1 + 0.2 * rnd();
    for (let i = 0; i < 96; i++) {
      const h = i / 4;
      const base = 3 + 18 * Math.exp(-((h - 10.5) ** 2) / 6) + 14 * Math.exp(-((h - 15) ** 2) / 8) + 4 * Math.exp(-((h - 20) ** 2) / 5);
      const night = h < 6 ? 2 : 0;
      required.push(Math.round((scale * base + night + rnd()) * 10) / 10);
    }
  }
  const shiftTypes = [
    ...["06:00", "07:00", "08:00", "09:00", "10:00", "12:00"].map((start) => ({ id: `D8-${start}`, start, lengthHours: 8.5, cost: 8 })),
    { id: "L8-14:00", start: "14:00", lengthHours: 8.5, cost: 8 },
    { id: "L10-13:00", start: "13:00", lengthHours: 10, cost: 9.5, maxCount: 6 },
    { id: "P6-16:00", start: "16:00", lengthHours: 6, cost: 6 },
    { id: "P4-10:00", start: "10:00", lengthHours: 4, cost: 4.5, maxCount: 8 },
    // The week's first night starts before the horizon: an early shift from midnight covers it.
    { id: "E6-00:00", start: "00:00", lengthHours: 6, cost: 6.5 },
    { id: "N9-22:00", start: "22:00", lengthHours: 9, cost: 10 },
  ];
  return { required, shiftTypes };
}

const week = capacityWeek();
let last: { deviation?: CapacityPlanResult; agents?: CapacityPlanResult } = {};

export const cases: BenchCase[] = [
  {
    name: "capacity plan: 1 skill × 7 days × 96 intervals, 12 shift types, min deviation (subject) and min cost (baseline)",
    baselineName: "min cost covering every interval",
    iterations: 3,
    subject: async () => {
      last.deviation = await runCapacityPlan({ ...week, objective: "MIN_DEVIATION" }, { settings: { timeLimitSeconds: 30 } });
    },
    baseline: async () => {
      last.agents = await runCapacityPlan({ ...week, objective: "MIN_AGENTS" }, { settings: { timeLimitSeconds: 30 } });
    },
    extra: () => {
      const d = last.deviation!;
      const a = last.agents!;
      last = {};
      return {
        devStatus: d.status,
        devGapPct: (d.gap ?? NaN) * 100,
        deviationHours: Math.round(d.totals.deviationHours * 100) / 100,
        devAgents: d.totals.agents,
        minCostStatus: a.status,
        minCostGapPct: (a.gap ?? NaN) * 100,
        minCost: a.totals.cost,
        minCostAgents: a.totals.agents,
        integers: d.model.integers,
      };
    },
    goal: "both optimal in < 2 s",
    goalMet: (s, b, x) => s < 2000 && b < 2000 && x?.devStatus === "OPTIMAL" && x?.minCostStatus === "OPTIMAL",
  },
];
