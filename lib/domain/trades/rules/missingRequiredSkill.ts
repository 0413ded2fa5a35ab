import { localRange } from "../format";
import type { LegRule } from "../rule";
import { bestProficiency, brings } from "../skill-needs";
import type { Finding } from "../types";

/**
 * MissingRequiredSkill: the receiver cannot serve what the shift requires.
 * - A shift's listed skills are its requirements: the receiver must hold each, a child
 *   of it (SALES_PREMIUM meets SALES) or a cross-site equivalent (SALES_UK meets SALES_US).
 *   Proficiency below the listed level is not "missing": that is SkillLoss.
 * - A shift that lists none serves its agent's skills, so it has no queue of its own;
 *   the receiver must serve at least one skill the giver served on it. Which of the
 *   giver's skills are lost is judged by SkillLoss and CumulativeCoverage, against demand.
 */
export const missingRequiredSkillRule: LegRule = (leg, { catalog, clock }) => {
  const { shift, receiver, giver } = leg;
  const zone = leg.shiftSite.timeZone;
  const when = localRange(clock, shift.start, shift.end, zone);
  const out: Finding[] = [];
  if (shift.skills.length > 0) {
    for (const req of shift.skills) {
      if (bestProficiency(catalog, receiver, req.skillId) > 0) continue;
      out.push({
        type: "MissingRequiredSkill",
        shiftId: shift.id,
        agentId: receiver.id,
        params: { skillId: req.skillId, requirement: "listed" },
        message: `${receiver.id} lacks ${req.skillId}, which this shift requires (${when})`,
      });
    }
    return out;
  }
  const served = catalog.served(giver.skills.map((s) => s.skillId));
  if (served.size === 0) return out;
  for (const skillId of served) if (brings(catalog, receiver, skillId)) return out;
  const list = giver.skills.map((s) => s.skillId).join(", ");
  out.push({
    type: "MissingRequiredSkill",
    shiftId: shift.id,
    agentId: receiver.id,
    params: { skillId: list, requirement: "anyOfGiverSkills" },
    message: `${receiver.id} holds none of the skills this shift served through ${giver.id} (${list}) (${when})`,
  });
  return out;
};
