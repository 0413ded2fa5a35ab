import type { Instant } from "../../types";
import { dayNumbersSpanning, isoWeekdayOf, type ZoneClock } from "../calendar";
import { localRange } from "../format";
import type { LegRule } from "../rule";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * Availability: the incoming shift must lie inside the union of the receiver's weekly
 * windows, read as wall-clock times in their home zone (a Manila agent available
 * Mon 20:00–Tue 05:00 local can take a New York Monday 08:00–16:00 EST shift).
 * An agent with no windows recorded has stated no limits and is not checked.
 */
export const availabilityRule: LegRule = (leg, { clock }) => {
  const { incoming, receiver } = leg;
  if (receiver.availability.length === 0) return [];
  const zone = receiver.timeZone;
  const windows = windowsAround(clock, receiver.availability, incoming.start, incoming.end, zone);
  if (covered(windows, incoming.start, incoming.end)) return [];
  return [
    {
      type: "Availability",
      shiftId: leg.shift.id,
      agentId: receiver.id,
      params: { start: incoming.start, end: incoming.end, timeZone: zone },
      message: `${localRange(clock, incoming.start, incoming.end, zone)} lies outside ${receiver.id}'s availability`,
    },
  ];
};

function windowsAround(
  clock: ZoneClock,
  availability: readonly { weekday: number; startMinute: number; endMinute: number }[],
  start: Instant,
  end: Instant,
  zone: string,
): Array<[Instant, Instant]> {
  const days = dayNumbersSpanning(clock, start, end, zone);
  // A window may run past midnight, so the day before the shift can reach into it.
  days.unshift(days[0] - 1);
  const out: Array<[Instant, Instant]> = [];
  for (const n of days) {
    const weekday = isoWeekdayOf(n);
    const midnight = n * DAY_MS;
    for (const w of availability) {
      if (w.weekday !== weekday || w.endMinute <= w.startMinute) continue;
      out.push([
        clock.wallToInstant(midnight + w.startMinute * MINUTE_MS, zone),
        clock.wallToInstant(midnight + w.endMinute * MINUTE_MS, zone),
      ]);
    }
  }
  return out.sort((a, b) => a[0] - b[0]);
}

function covered(windows: Array<[Instant, Instant]>, start: Instant, end: Instant): boolean {
  let reach = start;
  for (const [s, e] of windows) {
    if (s > reach) break;
    if (e > reach) reach = e;
    if (reach >= end) return true;
  }
  return reach >= end;
}
