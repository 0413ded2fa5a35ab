/**
 * Linter rules about two scopes at once: leakage between scopes that reach the same
 * shifts, circular cross-site priority, wave order, and windows of one site.
 */
import type { SkillCatalog } from "../skills";
import type { Instant } from "../types";
import type { BidScope, LintFinding } from "./types";

export interface ScopeFacts {
  window: { opensAt: Instant; closesAt: Instant };
  periodStart: Instant;
  /** Home sites of the bidders (from the user list when agents are known). */
  bidderSites: string[];
  /** Admits agents to lines of a site other than their own. */
  crossSite: boolean;
  /** Admits some location's own agents without ranking others ahead of them. */
  admitsOwnSite: boolean;
  reachSites: Set<string>;
  /** An earlier wave already served the own-site agents of the lines this scope reaches. */
  afterOwnSiteWave: boolean;
}

/** Can both scopes offer one same line? (a shared site and related skill groups) */
export function reachOverlaps(a: BidScope, b: BidScope, fa: ScopeFacts, fb: ScopeFacts, catalog: SkillCatalog): boolean {
  return [...fa.reachSites].some((s) => fb.reachSites.has(s)) && sharedGroups(a, b, catalog).length > 0;
}

function related(a: string, b: string, catalog: SkillCatalog): boolean {
  return a === b || catalog.ancestors(a).includes(b) || catalog.ancestors(b).includes(a);
}

function sharedGroups(a: BidScope, b: BidScope, catalog: SkillCatalog): string[] {
  return a.skillGroups.filter((g) => b.skillGroups.some((h) => related(g, h, catalog)));
}

const periodsOverlap = (a: BidScope, b: BidScope) => a.period.start <= b.period.end && b.period.start <= a.period.end;
const windowsOverlap = (a: ScopeFacts, b: ScopeFacts) => a.window.opensAt < b.window.closesAt && b.window.opensAt < a.window.closesAt;

export function lintPairs(scopes: readonly BidScope[], facts: ReadonlyMap<string, ScopeFacts>, catalog: SkillCatalog): LintFinding[] {
  const out: LintFinding[] = [];
  const push = (scope: BidScope, other: BidScope, severity: LintFinding["severity"], code: string, message: string, fields: string[]) =>
    out.push({ severity, code, scopeId: scope.id, otherScopeIds: [other.id], message, fields });
  for (let i = 0; i < scopes.length; i++) {
    for (let j = i + 1; j < scopes.length; j++) {
      const a = scopes[i];
      const b = scopes[j];
      if (!periodsOverlap(a, b)) continue;
      const fa = facts.get(a.id)!;
      const fb = facts.get(b.id)!;
      const sites = [...fa.reachSites].filter((s) => fb.reachSites.has(s));
      const groups = sharedGroups(a, b, catalog);
      if (sites.length && groups.length) {
        const where = `${groups.join(", ")} at ${sites.join(", ")}`;
        if (a.wave === b.wave) {
          const cross = fa.crossSite && !fb.crossSite ? [a, b] : fb.crossSite && !fa.crossSite ? [b, a] : null;
          if (cross) {
            push(
              cross[0],
              cross[1],
              "error",
              "CircularPriority",
              `${cross[0].name} lets agents of other sites bid on ${where} in wave ${a.wave}, the same wave as ${cross[1].name} for the site's own agents: who wins would depend on both at once. Move ${cross[0].name} to wave ${a.wave + 1}, after the site's own agents have bid.`,
              ["wave"],
            );
          } else {
            push(
              a,
              b,
              "error",
              "ScopeLeakage",
              `${a.name} and ${b.name} can both reach the same shifts (${where}) in wave ${a.wave}. Narrow the locations or skill groups so each shift belongs to one scope per wave, or put one in a later wave.`,
              ["locations", "skillGroups", "wave"],
            );
          }
          continue;
        }
        const [lo, hi] = a.wave < b.wave ? [a, b] : [b, a];
        const [flo, fhi] = a.wave < b.wave ? [fa, fb] : [fb, fa];
        if (fhi.window.opensAt < flo.window.closesAt) {
          const outOfOrder = fhi.window.closesAt <= flo.window.opensAt;
          push(
            hi,
            lo,
            "error",
            outOfOrder ? "WaveOutOfOrder" : "WaveWindowsOverlap",
            outOfOrder
              ? `${hi.name} is wave ${hi.wave} but its window closes before wave ${lo.wave} (${lo.name}) opens, for the same shifts (${where}). Swap the wave numbers or the windows.`
              : `${hi.name} (wave ${hi.wave}) opens before ${lo.name} (wave ${lo.wave}) closes, for the same shifts (${where}): the later wave must open only after the earlier one has closed.`,
            ["window", "wave"],
          );
        }
        continue;
      }
      const sameSite = a.locations.filter((l) => b.locations.includes(l));
      if (sameSite.length && windowsOverlap(fa, fb) && fa.bidderSites.some((s) => fb.bidderSites.includes(s))) {
        push(
          a,
          b,
          "warning",
          "SiteWindowsOverlap",
          `${a.name} and ${b.name} both cover ${sameSite.join(", ")} with windows open at the same time: agents in both pools bid twice at once, and their shift limits are checked across both in wave order.`,
          ["window"],
        );
      }
      if (!sameSite.length && a.wave === b.wave && groups.length) {
        push(
          a,
          b,
          "warning",
          "SkillGroupSharedInWave",
          `${groups.join(", ")} is offered at ${a.locations.join(", ")} by ${a.name} and at ${b.locations.join(", ")} by ${b.name} in the same wave; keep each scope to its own locations (they do) and check that no agent needs both.`,
          ["skillGroups"],
        );
      }
    }
  }
  return out;
}
