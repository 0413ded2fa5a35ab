import { HOUR_MS } from "../../types";
import { hoursText, localRange } from "../format";
import { roundHours } from "../hours";
import type { LegRule } from "../rule";

/**
 * MaxConsecutiveHours: shifts closer than the minimum rest join one stretch (the labor
 * rules' definition); the stretch holding the incoming shift may not exceed the receiver's
 * home-site maximum. Counted in paid hours of its shifts, gaps between them excluded.
 */
export const maxConsecutiveHoursRule: LegRule = (leg, { clock, paid }) => {
  const { incoming, receiver, receiverSite } = leg;
  const rules = receiverSite.laborRules;
  const joinMs = rules.minRestHours * HOUR_MS;
  let stretchStart = 0;
  let stretchEnd = -Infinity;
  let hours = 0;
  let holdsIncoming = false;
  let found: { start: number; end: number; hours: number } | null = null;
  for (const s of leg.receiverAfter) {
    if (s.start - stretchEnd >= joinMs) {
      if (holdsIncoming) break;
      stretchStart = s.start;
      hours = 0;
    }
    stretchEnd = Math.max(stretchEnd, s.end);
    hours += paid.hours(s);
    if (s === incoming) holdsIncoming = true;
    if (holdsIncoming) found = { start: stretchStart, end: stretchEnd, hours };
  }
  if (!found || found.hours <= rules.maxConsecutiveHours + 1e-9) return [];
  const h = roundHours(found.hours);
  return [
    {
      type: "MaxConsecutiveHours",
      shiftId: leg.shift.id,
      agentId: receiver.id,
      params: { hours: h, maxHours: rules.maxConsecutiveHours, stretchStart: found.start, stretchEnd: found.end },
      message:
        `${receiver.id} would work ${hoursText(h)} in one stretch ${localRange(clock, found.start, found.end, receiver.timeZone)} ` +
        `without ${hoursText(rules.minRestHours)} of rest; the maximum at ${receiverSite.id} is ${hoursText(rules.maxConsecutiveHours)}`,
    },
  ];
};
