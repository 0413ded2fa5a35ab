/**
 * The signed-in user and the checks every page, action, route and service applies to them,
 * all read from the one permissions map. Free of next and next-auth, so services (and the
 * scripts that run them) can use it.
 */
import { AppError } from "../errors";
import { PERMISSIONS, rolesFor, SITE_BOUND_ROLES, type Capability } from "./permissions";
import type { Role } from "./roles";

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Sites a supervisor is scoped to; empty for planners and admins. */
  siteIds: string[];
}

function granted(user: CurrentUser, capability: Capability): boolean {
  return rolesFor(capability).includes(user.role);
}

/**
 * The sites a user's grant of a capability reaches: null for every site, else the sites on
 * their record. siteScopeOf(nycSupervisor, "trades.decide") → ["NYC"]; for an admin → null.
 */
export function siteScopeOf(user: CurrentUser, capability: Capability): string[] | null {
  return PERMISSIONS[capability].siteScoped && SITE_BOUND_ROLES.includes(user.role) ? [...user.siteIds] : null;
}

/**
 * May this user use the capability (on this site, when one is given)? Pass the site of the
 * loaded record, never one the browser sent.
 */
export function can(user: CurrentUser | null, capability: Capability, siteId?: string): boolean {
  if (!user || !granted(user, capability)) return false;
  if (siteId === undefined) return true;
  const scope = siteScopeOf(user, capability);
  return scope === null || scope.includes(siteId);
}

/**
 * Throws the error the caller should see: UNAUTHENTICATED for nobody, FORBIDDEN for a role
 * without the capability, SITE_FORBIDDEN for a site outside the user's scope.
 */
export function assertCan(user: CurrentUser | null, capability: Capability, siteId?: string): CurrentUser {
  if (!user) throw new AppError("UNAUTHENTICATED");
  if (!granted(user, capability)) throw new AppError("FORBIDDEN");
  if (siteId !== undefined && !can(user, capability, siteId)) throw new AppError("SITE_FORBIDDEN", `You are not a supervisor of site ${siteId}.`);
  return user;
}
