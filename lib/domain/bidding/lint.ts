/**
 * The scope linter: runs on every save and before a window opens. Each finding names its
 * scope, the scopes it clashes with, the fields to fix and says in words what goes wrong.
 * Errors block opening a window (`canOpenWindow`); warnings are shown.
 */
import { ZoneClock } from "../trades/calendar";
import type { SkillCatalog } from "../skills";
import type { Agent, Instant, Site } from "../types";
import { conditionText, failedCondition, isScopeMember } from "./eligibility";
import type { BidScope, LintFinding } from "./types";
import { lintPairs, reachOverlaps, type ScopeFacts } from "./lint-pairs";
import { scopeWindow } from "./window";

/** Attributes computed from the live schedule; eligibility or priority on them is circular. */
export const DEFAULT_LIVE_ATTRIBUTES: readonly string[] = ["scheduled_hours", "site_staffing_level", "site_understaffed", "open_shift_count"];

export interface LintContext {
  sites: readonly Site[];
  catalog: SkillCatalog;
  /** skill id → sites where it is worked (from lines, shifts or agents). */
  skillSites: ReadonlyMap<string, readonly string[]>;
  /** When given, eligibility nobody meets is found. */
  agents?: readonly Agent[];
  /** Extra attribute names that come from live schedule state. */
  liveAttributes?: readonly string[];
}

const finding = (scope: BidScope, code: string, severity: LintFinding["severity"], message: string, fields: string[], others: string[] = []): LintFinding => ({
  severity,
  code,
  scopeId: scope.id,
  otherScopeIds: others,
  message,
  fields,
});

/** Sites where a skill group's lines can be: the group and every descendant skill. */
function groupSites(group: string, ctx: Pick<LintContext, "catalog" | "skillSites">): Set<string> {
  const out = new Set<string>();
  for (const [skill, siteIds] of ctx.skillSites) {
    if (skill === group || ctx.catalog.ancestors(skill).includes(group)) for (const s of siteIds) out.add(s);
  }
  return out;
}

/**
 * Why a scope without a location leaks, in the admin's words. Example: SKILL-EN-BILLING is
 * worked at NYC and LON → "SKILL-EN-BILLING is worked at NYC and LON — without a location…".
 */
export function missingLocationText(skillGroups: readonly string[], ctx: Pick<LintContext, "catalog" | "skillSites">): string {
  const shared = skillGroups.filter((g) => groupSites(g, ctx).size > 1);
  return shared.length
    ? `${shared.join(", ")} ${shared.length === 1 ? "is" : "are"} worked at ${[...groupSites(shared[0], ctx)].join(" and ")} — without a location, agents of one site can bid on and win the other site's shifts. Add the sites this scope covers.`
    : "The scope names no site: it would reach every site that ever offers these skills. Add the sites this scope covers.";
}

function lintScope(scope: BidScope, facts: ScopeFacts, ctx: LintContext, live: ReadonlySet<string>): LintFinding[] {
  const out: LintFinding[] = [];
  const { opensAt, closesAt } = facts.window;
  if (scope.locations.length === 0) {
    out.push(finding(scope, "ScopeLeakage", "error", missingLocationText(scope.skillGroups, ctx), ["locations"]));
  }
  if (closesAt <= opensAt) out.push(finding(scope, "WindowOrder", "error", "The bidding window closes before it opens.", ["window"]));
  if (closesAt > facts.periodStart) {
    out.push(finding(scope, "WindowAfterPeriodStart", "error", "The bidding window closes after the bid period has begun; awards must be known before the first shift.", ["window"]));
  }
  const windowHours = (closesAt - opensAt) / 3_600_000;
  if (closesAt > opensAt && scope.lockDurationHours > windowHours) {
    out.push(
      finding(
        scope,
        "LockLongerThanWindow",
        "error",
        `A lock lasts ${scope.lockDurationHours} h but the window is open only ${Math.round(windowHours * 10) / 10} h: a lock taken at opening would hold its slot all window. Shorten the lock duration.`,
        ["lockDurationHours"],
      ),
    );
  }
  if (scope.eligibility.allowedZones.length > 0 && !scope.constraints.respectLaborRules) {
    out.push(
      finding(
        scope,
        "CrossZoneWithoutLaborRules",
        "error",
        `Agents in ${scope.eligibility.allowedZones.join(", ")} may bid on shifts in other zones, but labor rules are off: rest and daily limits would not be checked in their home zone. Turn on "respect labor rules" or remove the zone allowance.`,
        ["constraints.respectLaborRules", "eligibility.allowedZones"],
      ),
    );
  }
  if (scope.priority.crossSite?.when === "siteUnderstaffed") {
    out.push(
      finding(
        scope,
        "CircularPriority",
        "error",
        `Priority for ${scope.priority.crossSite.homeSites.join(", ")} agents "while the site is understaffed" depends on live schedule state: standings would flip during the window. Give them a later wave that offers what the site's own agents left.`,
        ["priority.crossSite.when", "wave"],
      ),
    );
  }
  if (scope.priority.crossSite && facts.admitsOwnSite && !facts.afterOwnSiteWave) {
    out.push(
      finding(
        scope,
        "CircularPriority",
        "error",
        `${scope.priority.crossSite.homeSites.join(", ")} agents get priority on ${scope.locations.join(", ")} lines in the same wave as those sites' own agents. Move the cross-site priority to a scope in wave ${scope.wave + 1}.`,
        ["priority.crossSite", "wave"],
      ),
    );
  }
  if (scope.priority.basis === "attribute" && live.has(scope.priority.attributeName)) {
    out.push(
      finding(scope, "CircularPriority", "error", `Priority by ${scope.priority.attributeName} depends on live schedule state: standings would change while agents bid. Use tenure, performance or a static attribute.`, [
        "priority.attributeName",
      ]),
    );
  }
  scope.eligibility.conditions.forEach((c, i) => {
    if (live.has(c.attributeName)) {
      out.push(
        finding(scope, "CircularEligibility", "error", `Eligibility on ${c.attributeName} depends on live schedule state: who may bid would change during the window.`, [
          `eligibility.conditions.${i}.attributeName`,
        ]),
      );
    }
  });
  if (ctx.agents) {
    const sites = new Map(ctx.sites.map((s) => [s.id, s]));
    const meets = ctx.agents.some(
      (a) =>
        isScopeMember(scope, a) &&
        failedCondition(scope, a) === null &&
        a.skills.some((s) => scope.skillGroups.some((g) => ctx.catalog.satisfies(s.skillId, g))) &&
        scope.locations.some((l) => {
          const site = sites.get(l);
          return !!site && (a.timeZone === site.timeZone || scope.eligibility.allowedZones.includes(a.timeZone));
        }),
    );
    if (!meets) {
      const conds = scope.eligibility.conditions.map(conditionText);
      out.push(
        finding(
          scope,
          "EligibilityUnmet",
          "error",
          `No agent can bid in this scope: nobody from ${scope.users ? "its list of users" : scope.bidderSites.join(", ")} holds ${scope.skillGroups.join(" or ")}${conds.length ? `, meets ${conds.join(" and ")}` : ""} and lives in the zone of ${scope.locations.join(" or ")}${scope.eligibility.allowedZones.length ? " or an allowed zone" : ""}.`,
          ["eligibility.conditions", "bidderSites", "skillGroups"],
        ),
      );
    }
  }
  return out;
}

/**
 * Lints every scope that is not archived, alone and in pairs. Example: NYC and LON both
 * offer SKILL_GENERAL_SUPPORT; a scope with that skill and no location → ScopeLeakage error.
 */
export function lint(scopes: readonly BidScope[], ctx: LintContext): LintFinding[] {
  const clock = new ZoneClock();
  const live = new Set([...DEFAULT_LIVE_ATTRIBUTES, ...(ctx.liveAttributes ?? [])]);
  const sitesById = new Map(ctx.sites.map((s) => [s.id, s]));
  const active = [...scopes].filter((s) => s.status !== "archived").sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const facts = new Map<string, ScopeFacts>();
  for (const s of active) {
    const zone = s.window.timeZone;
    let periodStart: Instant = Infinity;
    try {
      periodStart = clock.wallToInstant(Date.parse(`${s.period.start}T00:00:00Z`), zone);
    } catch {
      // A bad period is the schema's to report.
    }
    const bidderSites = s.users && ctx.agents ? [...new Set(ctx.agents.filter((a) => s.users!.includes(a.id)).map((a) => a.homeSiteId))] : s.bidderSites;
    facts.set(s.id, {
      window: scopeWindow(s, clock),
      periodStart,
      bidderSites,
      crossSite: bidderSites.some((b) => s.locations.some((l) => l !== b)),
      admitsOwnSite: s.locations.some((l) => bidderSites.includes(l) && !(s.priority.crossSite?.homeSites ?? []).includes(l)),
      reachSites: s.locations.length ? new Set(s.locations) : new Set(sitesById.keys()),
      afterOwnSiteWave: false,
    });
  }
  // Cross-site priority is stable once the site's own agents have had an earlier wave.
  for (const s of active) {
    const f = facts.get(s.id)!;
    f.afterOwnSiteWave = active.some((o) => o.wave < s.wave && facts.get(o.id)!.admitsOwnSite && reachOverlaps(s, o, f, facts.get(o.id)!, ctx.catalog));
  }
  const out: LintFinding[] = [];
  for (const s of active) out.push(...lintScope(s, facts.get(s.id)!, ctx, live));
  out.push(...lintPairs(active, facts, ctx.catalog));
  return out;
}

/** Errors that concern `scopeId`; the window may open only when there are none. */
export function canOpenWindow(scopeId: string, scopes: readonly BidScope[], ctx: LintContext): { ok: boolean; errors: LintFinding[] } {
  const errors = lint(scopes, ctx).filter((f) => f.severity === "error" && (f.scopeId === scopeId || f.otherScopeIds.includes(scopeId)));
  return { ok: errors.length === 0, errors };
}
