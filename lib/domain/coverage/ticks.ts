/**
 * Chart ticks a planner can read: time ticks on local hour and day boundaries in even steps
 * (every 3 h over a day, every day at 00:00 over a week, weekly over four), and agent ticks
 * in even integer steps (0/5/10/15, never 0/6/12/24).
 */
import { addDays, formatLocalTime, isoWeekday, localDateKey, localToInstant, parseDateKey, startOfLocalDay } from "../time";
import type { Instant } from "../types";
import { formatDayKey } from "./labels";

const HOUR_MS = 3_600_000;
const HOUR_STEPS = [1, 2, 3, 6, 12];
const DAY_STEPS = [1, 2, 7];

export interface TimeTicks {
  ticks: Instant[];
  /** Hours between ticks (24 × days for day steps). */
  stepHours: number;
  /** Text under each tick: a clock, or the day at midnight ticks and day steps. */
  labels: string[];
}

/**
 * Ticks for [start, end] in `zone`, at most `maxTicks` steps (so maxTicks + 1 ticks with
 * both ends): the smallest even step that fits.
 * Hour steps fall on local clock hours divisible by the step (00, 03, 06 …; a DST day keeps
 * the clock, not the elapsed hours); day steps on local midnights, weekly ones on Mondays.
 * Labels: "15:00" within one day (its end "24:00"); "Sat 5 Dec" at midnight when the range spans days;
 * "Fri 4 Dec" for day steps.
 */
export function timeTicks(start: Instant, end: Instant, zone: string, maxTicks = 8): TimeTicks {
  if (!(end > start)) return { ticks: [], stepHours: 0, labels: [] };
  const spanHours = (end - start) / HOUR_MS;
  const firstDay = localDateKey(start, zone);
  const lastDay = localDateKey(end, zone);
  const multiDay = firstDay !== localDateKey(end - 1, zone);
  for (const step of HOUR_STEPS) {
    if (spanHours / step > maxTicks) continue;
    const ticks: Instant[] = [];
    for (let key = firstDay; key <= lastDay; key = addDays(key, 1)) {
      const p = parseDateKey(key)!;
      for (let h = 0; h < 24; h += step) {
        const r = localToInstant({ ...p, hour: h, minute: 0, second: 0 }, zone);
        const t = r.ok ? r.instant : r.reason === "ambiguous" ? r.candidates[0] : null;
        if (t !== null && t >= start && t <= end) ticks.push(t);
      }
    }
    if (ticks.length <= maxTicks + 1) {
      const labels = ticks.map((t) => {
        const clock = formatLocalTime(t, zone);
        if (clock !== "00:00") return clock;
        // One day's chart ends at 24:00, not at the next day's 00:00.
        if (!multiDay) return t === end && t > start ? "24:00" : clock;
        return formatDayKey(localDateKey(t, zone));
      });
      return { ticks, stepHours: step, labels };
    }
  }
  const days = Math.max(1, Math.round(spanHours / 24));
  const step = DAY_STEPS.find((d) => days / d <= maxTicks) ?? Math.ceil(days / maxTicks / 7) * 7;
  const ticks: Instant[] = [];
  let index = 0;
  let mondays = 0;
  for (let key = firstDay; key <= lastDay; key = addDays(key, 1)) {
    const t = startOfLocalDay(key, zone);
    if (t < start || t > end) continue;
    // Weekly steps sit on Mondays; other steps count days from the first midnight shown.
    if (step % 7 === 0) {
      if (isoWeekday(key) !== 1 || mondays++ % (step / 7) !== 0) continue;
    } else if (index++ % step !== 0) continue;
    ticks.push(t);
  }
  return { ticks, stepHours: step * 24, labels: ticks.map((t) => formatDayKey(localDateKey(t, zone))) };
}

/**
 * Even integer ticks from 0 covering `max`: steps 1, 2, 5, 10, 20, 25, 50, 100 … with at
 * most `maxTicks` steps. 24 → 0/5/10/15/20/25; 3.2 → 0/1/2/3/4; 0 → 0/1.
 */
export function agentTicks(max: number, maxTicks = 5): number[] {
  const top = Number.isFinite(max) && max > 0 ? max : 1;
  let step = 1;
  for (let scale = 1; ; scale *= 10) {
    const found = [1, 2, 2.5, 5].map((m) => m * scale).find((s) => Number.isInteger(s) && Math.ceil(top / s - 1e-9) <= maxTicks);
    if (found) {
      step = found;
      break;
    }
  }
  const count = Math.max(1, Math.ceil(top / step - 1e-9));
  return Array.from({ length: count + 1 }, (_, k) => k * step);
}
