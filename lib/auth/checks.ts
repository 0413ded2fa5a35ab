/**
 * The signed-in user and the checks every action, route and service applies to them.
 * Free of next and next-auth, so services (and the scripts that run them) can use it.
 */
import { AppError } from "../errors";
import type { Role } from "./roles";

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Sites a supervisor is scoped to; empty for planners and admins. */
  siteIds: string[];
}

export function assertRole(user: CurrentUser | null, roles: readonly Role[]): CurrentUser {
  if (!user) throw new AppError("UNAUTHENTICATED");
  if (!roles.includes(user.role)) throw new AppError("FORBIDDEN");
  return user;
}

/**
 * Site scope: admins and planners act on every site; a supervisor only on theirs.
 * Checked against the loaded record, never against what the browser sent.
 */
export function canActOnSite(user: CurrentUser, siteId: string): boolean {
  return user.role !== "supervisor" || user.siteIds.includes(siteId);
}

export function assertSite(user: CurrentUser, siteId: string): void {
  if (!canActOnSite(user, siteId)) throw new AppError("SITE_FORBIDDEN", `You are not a supervisor of site ${siteId}.`);
}
