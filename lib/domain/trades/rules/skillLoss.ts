import { localRange } from "../format";
import type { Leg, LegRule, RuleEnv } from "../rule";
import { bestProficiency, brings, demandDuring, descendantsOf } from "../skill-needs";
import type { Finding } from "../types";

/**
 * SkillLoss, the seed's "ghost coverage": coverage the shift gave through the giver that
 * the receiver does not bring and that the coverage numbers cannot see.
 * - Listed shift: coverage counts only the listed skills, so a giver's child of a listed
 *   skill (SALES_PREMIUM on a SALES shift) is invisible; if the receiver lacks it and the
 *   child has demand during the shift (or no demand data at all), it is lost. Likewise a
 *   receiver below the listed proficiency that the giver met.
 *   Example: shift lists SKILL_SALES 09:00–17:00, giver holds SKILL_SALES_PREMIUM, premium
 *   demand 09:00–13:00, receiver holds SKILL_SALES → SkillLoss premium 09:00–13:00.
 * - Unlisted shift: coverage counts the agent's skills, so a lost skill with demand data is
 *   visible and CumulativeCoverage judges it against the threshold; only a lost skill with
 *   no demand data at all is reported here.
 */
export const skillLossRule: LegRule = (leg, env) => {
  return leg.shift.skills.length > 0 ? listedLosses(leg, env) : unlistedLosses(leg, env);
};

function listedLosses(leg: Leg, env: RuleEnv): Finding[] {
  const { shift, giver, receiver } = leg;
  const { catalog } = env;
  const out: Finding[] = [];
  const seen = new Set<string>();
  const giverHeld = giver.skills.map((s) => s.skillId);
  for (const req of shift.skills) {
    const giverLevel = bestProficiency(catalog, giver, req.skillId);
    const receiverLevel = bestProficiency(catalog, receiver, req.skillId);
    if (receiverLevel > 0 && receiverLevel < req.proficiency && giverLevel >= req.proficiency) {
      out.push({
        type: "SkillLoss",
        shiftId: shift.id,
        agentId: receiver.id,
        params: {
          kind: "proficiency",
          skillId: req.skillId,
          requiredProficiency: req.proficiency,
          giverProficiency: giverLevel,
          receiverProficiency: receiverLevel,
          from: shift.start,
          to: shift.end,
        },
        message:
          `${receiver.id} has ${req.skillId} at proficiency ${receiverLevel}; this shift lists ${req.proficiency}, ` +
          `which ${giver.id} met (${localRange(env.clock, shift.start, shift.end, leg.shiftSite.timeZone)})`,
      });
    }
    for (const child of descendantsOf(catalog, req.skillId, giverHeld)) {
      if (seen.has(child) || brings(catalog, receiver, child)) continue;
      seen.add(child);
      const lost = lostFinding(leg, env, child, "child", req.skillId);
      if (lost) out.push(lost);
    }
  }
  return out;
}

function unlistedLosses(leg: Leg, env: RuleEnv): Finding[] {
  const out: Finding[] = [];
  for (const held of leg.giver.skills) {
    if (env.required.has(held.skillId) || brings(env.catalog, leg.receiver, held.skillId)) continue;
    const lost = lostFinding(leg, env, held.skillId, "unmeasured", null);
    if (lost) out.push(lost);
  }
  return out;
}

function lostFinding(
  leg: Leg,
  env: RuleEnv,
  skillId: string,
  kind: "child" | "unmeasured",
  parentSkillId: string | null,
): Finding | null {
  const { shift, receiver } = leg;
  const demand = demandDuring(env.required, env.grid, skillId, shift.start, shift.end);
  if (demand.kind === "none") return null;
  const [from, to] = demand.kind === "some" ? [demand.start, demand.end] : [shift.start, shift.end];
  return {
    type: "SkillLoss",
    shiftId: shift.id,
    agentId: receiver.id,
    params: { kind, skillId, parentSkillId, from, to, demandKnown: demand.kind === "some" },
    message: `${receiver.id} lacks ${skillId}, which this shift covered ${localRange(env.clock, from, to, leg.shiftSite.timeZone)}`,
  };
}
