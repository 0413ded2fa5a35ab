import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { AppError } from "../errors";
import { authOptions } from "./options";
import { mayOpen, ROLES, type Role } from "./roles";

export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Sites a supervisor is scoped to; empty for planners and admins. */
  siteIds: string[];
}

/** The one place the session is read. Returns null when nobody is signed in. */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await getServerSession(authOptions);
  const u = session?.user;
  if (!u?.id || !u.role || !ROLES.includes(u.role)) return null;
  return { id: u.id, email: u.email ?? "", name: u.name ?? u.email ?? "", role: u.role, siteIds: u.siteIds ?? [] };
}

/** For pages: sends the anonymous to sign-in and the wrong role to "not allowed". */
export async function requirePageUser(href: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(href)}`);
  if (!mayOpen(user.role, href)) redirect(`/not-allowed?from=${encodeURIComponent(href)}`);
  return user;
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
