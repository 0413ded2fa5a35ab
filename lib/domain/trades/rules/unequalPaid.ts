import { hoursText } from "../format";
import { roundHours } from "../hours";
import type { TradeRule } from "../rule";

/**
 * UnequalPaid: a swap whose two shifts differ in paid hours by more than the tolerance
 * (0.5 h by default). The agent who gains hours is the one it concerns.
 */
export const unequalPaidRule: TradeRule = (trade, legs, { settings, paid }) => {
  if (trade.kind !== "swap" || legs.length < 2) return [];
  const [a, b] = legs;
  const ha = paid.hours(a.shift);
  const hb = paid.hours(b.shift);
  const diff = Math.abs(ha - hb);
  if (diff <= settings.unequalPaidToleranceHours + 1e-9) return [];
  // The receiver of the longer shift gains paid hours.
  const gainer = ha > hb ? a : b;
  return [
    {
      type: "UnequalPaid",
      shiftId: gainer.shift.id,
      agentId: gainer.receiver.id,
      params: {
        differenceHours: roundHours(diff),
        initiatorShiftPaidHours: roundHours(ha),
        receiverShiftPaidHours: roundHours(hb),
        toleranceHours: settings.unequalPaidToleranceHours,
      },
      message:
        `The swapped shifts differ by ${hoursText(diff)} of paid time ` +
        `(${a.giver.id}: ${hoursText(ha)}, ${b.giver.id}: ${hoursText(hb)}); ${gainer.receiver.id} gains it`,
    },
  ];
};
