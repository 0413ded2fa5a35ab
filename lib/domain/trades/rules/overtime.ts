import { hoursText } from "../format";
import { roundHours } from "../hours";
import type { LegRule } from "../rule";
import type { Finding } from "../types";

/**
 * Overtime: the receiver's paid hours in a home-zone ISO week the incoming shift touches
 * exceed their contract, and the trade adds hours to that week (an agent already over
 * contract who swaps like for like is not flagged again). No contract (0) → no check.
 */
export const overtimeRule: LegRule = (leg, { clock, paid }) => {
  const { incoming, receiver } = leg;
  const contract = receiver.contractHoursPerWeek;
  if (!(contract > 0)) return [];
  const zone = receiver.timeZone;
  const weeks = new Set([clock.weekKey(incoming.start, zone), clock.weekKey(Math.max(incoming.start, incoming.end - 1), zone)]);
  const out: Finding[] = [];
  for (const week of weeks) {
    const range = clock.weekRange(week, zone);
    const after = paid.within(leg.receiverAfter, range.start, range.end);
    if (after <= contract + 1e-9) continue;
    const before = paid.within(leg.receiverBefore, range.start, range.end);
    if (after <= before + 1e-9) continue;
    const h = roundHours(after);
    out.push({
      type: "Overtime",
      shiftId: leg.shift.id,
      agentId: receiver.id,
      params: { weekStart: week, paidHours: h, contractHours: contract, overByHours: roundHours(after - contract), beforeHours: roundHours(before) },
      message: `${receiver.id} would be paid ${hoursText(h)} in the week of ${week} (${zone}), ${hoursText(after - contract)} over the ${hoursText(contract)} contract`,
    });
  }
  return out;
};
