import { HOUR_MS } from "../../types";
import { hoursText, localTime } from "../format";
import { roundHours } from "../hours";
import type { LegRule } from "../rule";

/** NoticeTooShort: the shift starts sooner than `minHoursInFuture` after now. */
export const noticeTooShortRule: LegRule = (leg, { now, settings, clock }) => {
  const lead = leg.shift.start - now;
  if (lead >= settings.minHoursInFuture * HOUR_MS) return [];
  const hoursAhead = roundHours(lead / HOUR_MS);
  return [
    {
      type: "NoticeTooShort",
      shiftId: leg.shift.id,
      agentId: leg.receiver.id,
      params: { hoursAhead, minHoursInFuture: settings.minHoursInFuture },
      message:
        `This shift starts ${localTime(clock, leg.shift.start, leg.shiftSite.timeZone)}, ${hoursText(hoursAhead)} from now; ` +
        `trades need ${hoursText(settings.minHoursInFuture)} notice`,
    },
  ];
};
