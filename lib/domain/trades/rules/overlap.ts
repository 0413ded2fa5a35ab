import { localRange } from "../format";
import { overlaps } from "../hours";
import type { LegRule } from "../rule";
import type { Finding } from "../types";

/**
 * Overlap: the receiver already works during the shift. In a swap the shift they give
 * away does not count (it leaves with the trade).
 */
export const overlapRule: LegRule = (leg, { clock }) => {
  const out: Finding[] = [];
  const zone = leg.receiver.timeZone;
  for (const other of leg.receiverAfter) {
    if (other === leg.incoming || !overlaps(other, leg.incoming)) continue;
    out.push({
      type: "Overlap",
      shiftId: leg.shift.id,
      agentId: leg.receiver.id,
      params: { otherShiftId: other.id, otherStart: other.start, otherEnd: other.end },
      message:
        `${leg.receiver.id} already works ${localRange(clock, other.start, other.end, zone)}, ` +
        `which overlaps this shift ${localRange(clock, leg.shift.start, leg.shift.end, zone)}`,
    });
  }
  return out;
};
