import "server-only";
import { decodeSessionToken, encodeSessionToken } from "./session-token";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb, getOpenedDb } from "../db/client";
import { env } from "../env";
import { logger } from "../logger";
import { signInWithPassword } from "../services/auth/sign-in";
import { safeRedirectUrl } from "./callback-url";
import type { Role } from "./roles";
import { currentSessionVersion, endSessions } from "./session-version";
import { SIGN_IN_CODES } from "./sign-in-messages";
import { clientAddress, createSignInThrottle, type SignInThrottle } from "./sign-in-throttle";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;
/**
 * Every failed sign-in waits this long, whatever the reason (wrong password, unknown
 * email, locked, throttled), so neither timing nor wording tells which accounts exist.
 */
const FAILED_SIGN_IN_DELAY_MS = 600;

const credentialsSchema = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(1024),
});

// One throttle per process, on the database's pool when it is Postgres.
const globalForThrottle = globalThis as unknown as { __shiftboardSignInThrottle?: Promise<SignInThrottle> };
export function signInThrottle(): Promise<SignInThrottle> {
  globalForThrottle.__shiftboardSignInThrottle ??= getOpenedDb().then((o) => createSignInThrottle(o.pool));
  return globalForThrottle.__shiftboardSignInThrottle;
}

/** Thrown to next-auth, which hands the message to the sign-in page as a code (see sign-in-messages). */
class SignInRefused extends Error {}

async function refuse(code: keyof typeof SIGN_IN_CODES): Promise<never> {
  await new Promise((r) => setTimeout(r, FAILED_SIGN_IN_DELAY_MS));
  throw new SignInRefused(SIGN_IN_CODES[code]);
}

type RawCredentials = Record<string, string> | undefined;
type SignInRequest = { headers?: Record<string, string | string[] | undefined> } | undefined;

async function authorizeCredentials(raw: RawCredentials, req: SignInRequest) {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return refuse("input");
  const { email, password } = parsed.data;
  const address = clientAddress(req?.headers);
  const throttle = await signInThrottle();
  if (!(await throttle.reserve(email, address))) {
    logger.warn({ address }, "sign-in throttled");
    return refuse("throttled");
  }
  const result = await signInWithPassword(await getDb(), email, password, new Date());
  if (result.ok) {
    await throttle.succeeded(email, address);
    logger.info({ userId: result.user.id, role: result.user.role }, "signed in");
    return result.user;
  }
  // A locked account reads like a throttled name: "locked" must not reveal that it exists.
  return refuse(result.reason === "locked" ? "throttled" : "invalid");
}

/**
 * Whether a decoded session token still stands: signed out, locked, or the role or sites
 * changed since it was issued ends it. Read by next-auth's jwt callback and by
 * `getCurrentUser` (which reads the cookie itself).
 */
export async function sessionStillValid(token: { sub?: string; sv?: unknown }): Promise<boolean> {
  if (!token.sub) return false;
  const current = await currentSessionVersion(await getDb(), token.sub);
  return current !== null && current === token.sv;
}

export const authOptions: NextAuthOptions = {
  secret: env().NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS, encode: encodeSessionToken, decode: decodeSessionToken },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, req) {
        try {
          return await authorizeCredentials(raw, req);
        } catch (e) {
          if (e instanceof SignInRefused) throw e;
          // next-auth would pass the message to the browser; it may name a file or a host.
          logger.error({ err: e }, "sign-in failed");
          throw new SignInRefused("Default");
        }
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const u = user as unknown as { id: string; role: Role; siteIds: string[]; sessionVersion: number };
        token.sub = u.id;
        token.role = u.role;
        token.siteIds = u.siteIds;
        token.sv = u.sessionVersion;
        return token;
      }
      if (!token.sub) return token;
      return (await sessionStillValid(token)) ? token : {};
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
    redirect({ url, baseUrl }) {
      return safeRedirectUrl(url, baseUrl);
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sub) await endSessions(await getDb(), token.sub);
    },
  },
};
