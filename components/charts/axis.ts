import { agentTicks, timeTicks } from "@/lib/domain/coverage/ticks";

/**
 * Axis props for a chart over [start, end) in `zone`: ticks on local hour and day
 * boundaries in even steps, and whole-agent ticks in even steps from 0 (lib/domain/coverage/ticks.ts).
 */
export function timeAxis(start: number, end: number, zone: string, maxTicks?: number) {
  const { ticks, labels } = timeTicks(start, end, zone, maxTicks);
  const labelOf = new Map(ticks.map((t, k) => [t, labels[k]]));
  return {
    ticks,
    domain: [start, end] as [number, number],
    tickFormatter: (t: number) => labelOf.get(t) ?? "",
  };
}

export function agentAxis(values: Iterable<number>, maxTicks?: number) {
  let max = 0;
  for (const v of values) if (Number.isFinite(v) && v > max) max = v;
  const ticks = agentTicks(max, maxTicks);
  return { ticks, domain: [0, ticks[ticks.length - 1]] as [number, number] };
}

/** The end of a series of evenly spaced points: one step after the last. */
export function seriesEnd(times: readonly number[], fallbackStepMs: number): number {
  if (times.length === 0) return 0;
  const step = times.length > 1 ? times[1] - times[0] : fallbackStepMs;
  return times[times.length - 1] + step;
}
