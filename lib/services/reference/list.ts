import "server-only";
import type { Db } from "../../db/client";
import { getAgentsPage, getSites, getSkills } from "../../db/queries/reference";
import { assertCan, siteScopeOf, type CurrentUser } from "../../auth/checks";
import type { Agent, Site, Skill } from "../../domain/types";

export interface Page<T> {
  items: T[];
  /** The last item's key when there may be more. */
  lastKey: string | null;
}

function pageOf<T extends { id: string }>(all: readonly T[], afterId: string | null, limit: number): Page<T> {
  const rest = afterId === null ? all : all.filter((x) => x.id > afterId);
  const items = rest.slice(0, limit);
  return { items, lastKey: rest.length > limit ? items[items.length - 1].id : null };
}

/** Sites in id order (every caller with reference.read sees every site: they are the filters). */
export async function listSitesPage(db: Db, user: CurrentUser, afterId: string | null, limit: number): Promise<Page<Site>> {
  assertCan(user, "reference.read");
  return pageOf(await getSites(db), afterId, limit);
}

export async function listSkillsPage(db: Db, user: CurrentUser, afterId: string | null, limit: number): Promise<Page<Skill>> {
  assertCan(user, "reference.read");
  return pageOf(await getSkills(db), afterId, limit);
}

/**
 * Agents in id order: a supervisor sees their sites' agents only (the agents' home
 * site), as on the dashboard; `siteId` narrows further.
 */
export async function listAgentsPage(db: Db, user: CurrentUser, options: { siteId?: string; afterId: string | null; limit: number }): Promise<Page<Agent>> {
  // A site outside a supervisor's scope is refused by name, not answered with an empty page.
  assertCan(user, "reference.read", options.siteId);
  const siteIds = options.siteId ? [options.siteId] : siteScopeOf(user, "reference.read");
  // One more than asked tells whether there is a next page.
  const rows = await getAgentsPage(db, { afterId: options.afterId, limit: options.limit + 1, siteIds });
  const items = rows.slice(0, options.limit);
  return { items, lastKey: rows.length > options.limit ? items[items.length - 1].id : null };
}
