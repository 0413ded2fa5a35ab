import { dayNumbersSpanning } from "../calendar";
import { hoursText } from "../format";
import { roundHours } from "../hours";
import type { LegRule } from "../rule";
import type { Finding } from "../types";

/**
 * MaxDailyHours: paid hours on each calendar day of the receiver's home zone that the
 * incoming shift touches. Days are local: a New York night shift lands on two Manila
 * days, and the DST days are 23 and 25 hours long.
 */
export const maxDailyHoursRule: LegRule = (leg, { clock, paid }) => {
  const { incoming, receiver, receiverSite } = leg;
  const max = receiverSite.laborRules.maxDailyHours;
  const zone = receiver.timeZone;
  const out: Finding[] = [];
  for (const n of dayNumbersSpanning(clock, incoming.start, incoming.end, zone)) {
    const day = { start: clock.dayStartOf(n, zone), end: clock.dayStartOf(n + 1, zone) };
    const hours = paid.within(leg.receiverAfter, day.start, day.end);
    if (hours <= max + 1e-9) continue;
    const h = roundHours(hours);
    const key = clock.keyOf(n);
    out.push({
      type: "MaxDailyHours",
      shiftId: leg.shift.id,
      agentId: receiver.id,
      params: { date: key, hours: h, maxHours: max, dayLengthHours: roundHours((day.end - day.start) / 3_600_000) },
      message: `${receiver.id} would work ${hoursText(h)} on ${key} (${zone}); the maximum at ${receiverSite.id} is ${hoursText(max)}`,
    });
  }
  return out;
};
