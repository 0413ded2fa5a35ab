import type { Role } from "@/lib/auth/roles";

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string | null; email: string | null; role: Role; siteIds: string[] };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: Role;
    siteIds?: string[];
    /** The user's session version when the session was issued (users.session_version). */
    sv?: number;
  }
}
