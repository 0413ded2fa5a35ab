import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { authOptions } from "./options";
import type { CurrentUser } from "./checks";
import { mayOpen, ROLES } from "./roles";

export type { CurrentUser };

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
