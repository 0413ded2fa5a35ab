/**
 * Who may see and bid on which line. A scope reaches a line when the line's site is one of
 * its locations and the line's skill is one of its skill groups (or a child of one). An
 * agent may bid on a reached line when they belong to the scope (listed user, or home site
 * among its bidder sites), hold a skill that serves the line's skill, meet every attribute
 * condition, and live in the line site's zone or a zone the scope allows.
 */
import type { SkillCatalog } from "../skills";
import type { Agent, Site } from "../types";
import type { AttributeCondition, BidLine, BidScope, IneligibleCondition } from "./types";

export interface Ineligibility {
  condition: IneligibleCondition;
  message: string;
}

/** Does `scope` offer `line`? A SKILL_SALES_PREMIUM line belongs to a SKILL_SALES group. */
export function scopeReachesLine(scope: BidScope, line: BidLine, catalog: SkillCatalog): boolean {
  if (!scope.locations.includes(line.siteId)) return false;
  return scope.skillGroups.some((g) => g === line.skillId || catalog.ancestors(line.skillId).includes(g));
}

/** Does the agent belong to the scope's bidder pool? */
export function isScopeMember(scope: BidScope, agent: Agent): boolean {
  if (scope.users) return scope.users.includes(agent.id);
  return scope.bidderSites.includes(agent.homeSiteId);
}

export function conditionText(c: AttributeCondition): string {
  return c.values.length === 1 ? `${c.attributeName} = ${c.values[0]}` : `${c.attributeName} in (${c.values.join(", ")})`;
}

/** The first attribute condition the agent fails, or null. */
export function failedCondition(scope: BidScope, agent: Agent): AttributeCondition | null {
  for (const c of scope.eligibility.conditions) {
    const v = agent.attributes[c.attributeName];
    if (v === undefined || !c.values.includes(v)) return c;
  }
  return null;
}

/** Is the agent's home zone acceptable for a line at `site`? */
export function zoneAllowed(scope: BidScope, agent: Agent, site: Site): boolean {
  return agent.timeZone === site.timeZone || scope.eligibility.allowedZones.includes(agent.timeZone);
}

/**
 * Why `agent` may not bid on `line` in `scope`, or null when they may. Checked in this
 * order, so the reason shown is the most basic one: outside scope, not a member, skill,
 * attributes, time zone.
 */
export function ineligibility(
  scope: BidScope,
  agent: Agent,
  line: BidLine,
  site: Site,
  catalog: SkillCatalog,
): Ineligibility | null {
  if (!scopeReachesLine(scope, line, catalog)) {
    return {
      condition: "OutsideScope",
      message: `line ${line.label} (${line.siteId}, ${line.skillId}) is not offered by scope ${scope.name}`,
    };
  }
  if (!isScopeMember(scope, agent)) {
    return {
      condition: "NotInScope",
      message: scope.users
        ? `${agent.id} is not on the list of bidders of scope ${scope.name}`
        : `${agent.id}'s home site ${agent.homeSiteId} is not among the bidder sites of scope ${scope.name} (${scope.bidderSites.join(", ")})`,
    };
  }
  if (!agent.skills.some((s) => catalog.satisfies(s.skillId, line.skillId))) {
    return { condition: "MissingSkill", message: `${agent.id} does not hold ${line.skillId}` };
  }
  const failed = failedCondition(scope, agent);
  if (failed) {
    const has = agent.attributes[failed.attributeName];
    return {
      condition: "Attribute",
      message: `needs ${conditionText(failed)}; ${agent.id} has ${has === undefined ? `no ${failed.attributeName}` : `${failed.attributeName} = ${has}`}`,
    };
  }
  if (!zoneAllowed(scope, agent, site)) {
    return {
      condition: "TimeZone",
      message: `${agent.id}'s home zone ${agent.timeZone} is not the zone of ${site.id} (${site.timeZone}) and the scope allows no other zone for it`,
    };
  }
  return null;
}

/** The lines of `lines` that `agent` may bid on in `scope` (what their bidding screen lists). */
export function biddableLines(
  scope: BidScope,
  agent: Agent,
  lines: readonly BidLine[],
  sites: ReadonlyMap<string, Site>,
  catalog: SkillCatalog,
): BidLine[] {
  return lines.filter((l) => {
    const site = sites.get(l.siteId);
    return !!site && ineligibility(scope, agent, l, site, catalog) === null;
  });
}
