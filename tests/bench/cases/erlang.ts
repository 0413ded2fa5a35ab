/**
 * Erlang C staffing for a month of forecast: 20 skills × 2,688 quarter-hours, beside the
 * textbook search that recomputes Erlang B from 0 for every candidate agent count.
 */
import { requiredStaffNaive, requiredStaffSeries } from "../../../lib/domain/erlang";
import type { BenchCase } from "../harness";
import { mulberry32 } from "../../../lib/domain/random";

const SKILLS = 20;
const INTERVALS = 28 * 96;
const INTERVAL_SECONDS = 900;


/** Contact-center day: quiet nights, a morning ramp, a lunch dip, an early-evening peak. */
function dayShape(minuteOfDay: number): number {
  const h = minuteOfDay / 60;
  if (h < 6 || h >= 23) return 0.03;
  const morning = Math.exp(-((h - 10.5) ** 2) / 4);
  const evening = 0.8 * Math.exp(-((h - 17.5) ** 2) / 5);
  return 0.1 + morning + evening;
}

let contacts: Float64Array[] = [];
let aht: Float64Array[] = [];

function setup(): void {
  const rand = mulberry32(20260302);
  contacts = [];
  aht = [];
  for (let s = 0; s < SKILLS; s++) {
    // Peak contacts per quarter-hour from a small back-office queue (≈ 8) to a big voice queue (≈ 400).
    const peak = 8 * Math.pow(50, rand());
    const baseAht = 150 + rand() * 450;
    const c = new Float64Array(INTERVALS);
    const a = new Float64Array(INTERVALS);
    for (let i = 0; i < INTERVALS; i++) {
      const day = Math.floor(i / 96);
      const weekend = day % 7 >= 5 ? 0.55 : 1;
      const noise = 0.85 + 0.3 * rand();
      c[i] = Math.round(peak * dayShape((i % 96) * 15) * weekend * noise);
      a[i] = c[i] === 0 ? 0 : Math.round(baseAht * (0.9 + 0.2 * rand()));
    }
    contacts.push(c);
    aht.push(a);
  }
}

export const cases: BenchCase[] = [
  {
    name: "erlang C: 20 skills × 2,688 intervals (requiredStaffSeries, B carried forward)",
    baselineName: "requiredStaffNaive (Erlang B recomputed from 0 per candidate)",
    setup,
    subject: () => {
      let total = 0;
      for (let s = 0; s < SKILLS; s++) total += requiredStaffSeries(contacts[s], aht[s], INTERVAL_SECONDS).agents[0];
      return total;
    },
    baseline: () => {
      let total = 0;
      for (let s = 0; s < SKILLS; s++) {
        const c = contacts[s];
        const a = aht[s];
        for (let i = 0; i < INTERVALS; i++) total += requiredStaffNaive(c[i], a[i], INTERVAL_SECONDS).agents;
      }
      return total;
    },
    iterations: 5,
    goal: "< 50 ms",
    goalMet: (subjectMs) => subjectMs < 50,
  },
];
