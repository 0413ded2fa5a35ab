import { HOUR_MS } from "../../types";
import { hoursText, localTime } from "../format";
import { roundHours } from "../hours";
import type { LegRule } from "../rule";
import type { Finding } from "../types";

/**
 * RestPeriod: the rest between the incoming shift and the receiver's previous or next
 * shift is shorter than the minimum of the receiver's home site. Measured on instants,
 * never on clock faces: a New York shift ending 18:00 EST is 00:00 in Paris, so a Paris
 * agent starting at 09:00 rests 9 h, not 15 h (the seed's "time zone drift").
 * Touching shifts (gap 0) are one continuous stretch, left to the hours rules.
 */
export const restPeriodRule: LegRule = (leg, { clock }) => {
  const { incoming, receiver, receiverSite } = leg;
  const minRest = receiverSite.laborRules.minRestHours;
  let prev: (typeof leg.receiverAfter)[number] | null = null;
  let next: (typeof leg.receiverAfter)[number] | null = null;
  for (const s of leg.receiverAfter) {
    if (s === incoming) continue;
    if (s.end <= incoming.start && (!prev || s.end > prev.end)) prev = s;
    if (s.start >= incoming.end && (!next || s.start < next.start)) next = s;
  }
  const out: Finding[] = [];
  const home = receiver.timeZone;
  const site = leg.shiftSite.timeZone;
  const check = (gapStart: number, gapEnd: number, otherId: string, side: "before" | "after") => {
    const gap = gapEnd - gapStart;
    if (gap <= 0 || gap >= minRest * HOUR_MS) return;
    const restHours = roundHours(gap / HOUR_MS);
    const thisEdge =
      side === "after"
        ? `this shift, ending ${localTime(clock, gapStart, site)}${site === home ? "" : ` = ${localTime(clock, gapStart, home)}`},`
        : `this shift, starting ${localTime(clock, gapEnd, site)}${site === home ? "" : ` = ${localTime(clock, gapEnd, home)}`}`;
    const otherEdge =
      side === "after"
        ? `their next shift, starting ${localTime(clock, gapEnd, home)}`
        : `their previous shift, ending ${localTime(clock, gapStart, home)},`;
    out.push({
      type: "RestPeriod",
      shiftId: leg.shift.id,
      agentId: receiver.id,
      params: { restHours, minRestHours: minRest, otherShiftId: otherId, side, restStart: gapStart, restEnd: gapEnd },
      message:
        side === "after"
          ? `${receiver.id} would rest only ${hoursText(restHours)} between ${thisEdge} and ${otherEdge}; the minimum at ${receiverSite.id} is ${hoursText(minRest)}`
          : `${receiver.id} would rest only ${hoursText(restHours)} between ${otherEdge} and ${thisEdge}; the minimum at ${receiverSite.id} is ${hoursText(minRest)}`,
    });
  };
  if (prev) check(prev.end, incoming.start, prev.id, "before");
  if (next) check(incoming.end, next.start, next.id, "after");
  return out;
};
