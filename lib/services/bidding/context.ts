import "server-only";
import type { Db } from "../../db/client";
import { getAgents, getSites, getSkills } from "../../db/queries/reference";
import { getSkillSites, getUserAgentId, listScopes, type StoredScope } from "../../db/queries/bidding";
import { SkillCatalog } from "../../domain/skills";
import { lint, type LintContext, type LintFinding } from "../../domain/bidding";
import type { Agent, Site } from "../../domain/types";
import { AppError } from "../../errors";
import type { CurrentUser } from "../../auth/checks";
import { siteScopeOf } from "../../auth/checks";
import type { AuditActor } from "../audit";

/** Shared loading for the bidding use cases (not a use case itself). */

export interface Reference {
  sites: Site[];
  siteById: Map<string, Site>;
  catalog: SkillCatalog;
  agents: Agent[];
}

export async function loadReference(db: Db, options: { agentIds?: string[] } = {}): Promise<Reference> {
  const [sites, skills, agents] = await Promise.all([getSites(db), getSkills(db), getAgents(db, options.agentIds ? { ids: options.agentIds } : {})]);
  return { sites, siteById: new Map(sites.map((s) => [s.id, s])), catalog: new SkillCatalog(skills), agents };
}

export async function lintContext(db: Db, ref: Reference): Promise<LintContext> {
  return { sites: ref.sites, catalog: ref.catalog, skillSites: await getSkillSites(db), agents: ref.agents };
}

/** Lints the stored scopes with `candidate` in place of (or added to) its stored version. */
export async function lintWith(db: Db, candidate: StoredScope | null, ref?: Reference): Promise<{ findings: LintFinding[]; scopes: StoredScope[] }> {
  const r = ref ?? (await loadReference(db));
  const stored = await listScopes(db);
  const scopes = candidate ? [...stored.filter((s) => s.id !== candidate.id), candidate] : stored;
  return { findings: lint(scopes, await lintContext(db, r)), scopes };
}

export const actorOf = (user: Pick<CurrentUser, "id" | "email">): AuditActor => ({ id: user.id, label: user.email });

/** The agent a signed-in agent user is; refuses a user linked to no agent. */
export async function requireOwnAgentId(db: Db, user: CurrentUser): Promise<string> {
  const agentId = await getUserAgentId(db, user.id);
  if (!agentId) throw new AppError("FORBIDDEN", "Your sign-in is not linked to an agent.");
  return agentId;
}

/** A supervisor sees the scopes that cover one of their sites; others see all. */
export function visibleScopes<T extends { locations: string[]; bidderSites: string[] }>(user: CurrentUser, scopes: T[]): T[] {
  const sites = siteScopeOf(user, "bidding.read");
  if (sites === null) return scopes;
  return scopes.filter((s) => s.locations.some((l) => sites.includes(l)));
}

/** Turns zod issues into one VALIDATION error whose details list each field at fault. */
export function validationError(issues: readonly { path: readonly PropertyKey[]; message: string }[], prefix = ""): AppError {
  const list = issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
  return new AppError("VALIDATION", list.map((i) => `${prefix}${i.path || "input"}: ${i.message}`).join("; "), { issues: list });
}
