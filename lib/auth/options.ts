import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "../db/client";
import { env } from "../env";
import { logger } from "../logger";
import { signInWithPassword } from "../services/auth/sign-in";
import type { Role } from "./roles";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
/** A failed sign-in waits this long, so guessing is slow even before the lockout. */
const FAILED_SIGN_IN_DELAY_MS = 600;

const credentialsSchema = z.object({
  email: z.email({ error: "Enter a valid email address." }).max(320),
  password: z.string().min(1, { error: "Enter your password." }).max(1024),
});

/** Messages the sign-in page shows; next-auth passes the thrown message through as `error`. */
export const SIGN_IN_ERRORS = {
  invalid: "Wrong email or password.",
} as const;

export const authOptions: NextAuthOptions = {
  secret: env().NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? SIGN_IN_ERRORS.invalid);
        const db = await getDb();
        const result = await signInWithPassword(db, parsed.data.email, parsed.data.password, new Date());
        if (result.ok) {
          logger.info({ userId: result.user.id, role: result.user.role }, "signed in");
          return result.user;
        }
        await new Promise((r) => setTimeout(r, FAILED_SIGN_IN_DELAY_MS));
        if (result.reason === "locked") {
          const minutes = Math.max(1, Math.ceil((result.lockedUntil.getTime() - Date.now()) / 60_000));
          throw new Error(`Too many failed attempts. Sign-in is locked for ${minutes} more minute${minutes === 1 ? "" : "s"}.`);
        }
        throw new Error(SIGN_IN_ERRORS.invalid);
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const u = user as unknown as { id: string; role: Role; siteIds: string[]; name: string; email: string };
        token.sub = u.id;
        token.role = u.role;
        token.siteIds = u.siteIds;
      }
      return token;
    },
    session({ session, token }) {
      session.user = {
        id: token.sub as string,
        name: session.user?.name ?? null,
        email: session.user?.email ?? null,
        role: token.role as Role,
        siteIds: (token.siteIds as string[]) ?? [],
      };
      return session;
    },
  },
};
