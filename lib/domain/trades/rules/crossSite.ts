import { localRange } from "../format";
import type { LegRule } from "../rule";

/**
 * CrossSite: the shift is worked at a site other than the receiver's home site. Always
 * recorded (the audit shows the trade crossed sites); its policy is Disallow while
 * cross-site trading is off, else the admin's choice (Allow or AdminReview).
 */
export const crossSiteRule: LegRule = (leg, { clock }) => {
  if (leg.shift.siteId === leg.receiver.homeSiteId) return [];
  return [
    {
      type: "CrossSite",
      shiftId: leg.shift.id,
      agentId: leg.receiver.id,
      params: { shiftSiteId: leg.shift.siteId, homeSiteId: leg.receiver.homeSiteId },
      message:
        `${leg.receiver.id} (home site ${leg.receiver.homeSiteId}) would work a ${leg.shift.siteId} shift ` +
        localRange(clock, leg.shift.start, leg.shift.end, leg.shiftSite.timeZone),
    },
  ];
};
