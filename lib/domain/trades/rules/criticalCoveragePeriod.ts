import { localRange } from "../format";
import type { LegRule } from "../rule";
import type { Finding } from "../types";
import { servedSkillIds } from "../../coverage";

/**
 * CriticalCoveragePeriod: the shift touches a critical period of the forecast, matching
 * its site (if the period names one) and a skill the shift serves for the giver or the
 * receiver (if the period names one).
 */
export const criticalCoveragePeriodRule: LegRule = (leg, { settings, catalog, clock }) => {
  const out: Finding[] = [];
  let served: Set<string> | null = null;
  for (const p of settings.criticalPeriods) {
    if (!(p.start < leg.shift.end && leg.shift.start < p.end)) continue;
    if (p.siteId && p.siteId !== leg.shift.siteId) continue;
    if (p.skillId) {
      served ??= new Set([
        ...servedSkillIds(leg.shift, leg.giver, catalog),
        ...servedSkillIds(leg.incoming, leg.receiver, catalog),
      ]);
      if (!served.has(p.skillId)) continue;
    }
    out.push({
      type: "CriticalCoveragePeriod",
      shiftId: leg.shift.id,
      agentId: leg.receiver.id,
      params: { label: p.label, periodStart: p.start, periodEnd: p.end, siteId: p.siteId, skillId: p.skillId },
      message: `This shift touches the critical period "${p.label}" ${localRange(clock, p.start, p.end, leg.shiftSite.timeZone)}`,
    });
  }
  return out;
};
