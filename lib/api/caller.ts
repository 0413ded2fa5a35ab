import "server-only";
import type { CurrentUser } from "../auth/checks";
import type { Db } from "../db/client";
import { AppError } from "../errors";
import { authenticateApiToken } from "../services/api-tokens/authenticate";
import { looksLikeToken } from "../services/api-tokens/secret";

export interface Caller {
  user: CurrentUser | null;
  /** Set when the request came with a bearer token: its id and name (never the token). */
  token: { id: string; name: string } | null;
}

/** Query parameters a client might put a credential in. */
const CREDENTIAL_PARAMS = new Set(["access_token", "token", "api_key", "apikey", "api-key", "bearer", "authorization"]);

/**
 * A token in a URL ends up in proxy logs, browser history and Referer headers: refused
 * (400) before anything else, whether or not it is valid, so nobody learns to send it so.
 */
export function refuseTokenInQuery(url: URL): void {
  for (const [name, value] of url.searchParams) {
    if (CREDENTIAL_PARAMS.has(name.toLowerCase()) || looksLikeToken(value)) {
      throw new AppError("VALIDATION", "Send the API token in the Authorization header (Authorization: Bearer sb_…), never in the URL.", { field: name });
    }
  }
}

/**
 * Who is calling: a bearer token when the request has an Authorization header (another
 * scheme is refused, not ignored), else the dashboard session cookie.
 */
export async function resolveCaller(request: Request, db: () => Promise<Db>, now: Date): Promise<Caller> {
  const authorization = request.headers.get("authorization");
  if (authorization === null) {
    // Loaded only for cookie requests: the session reader pulls in next-auth and next's
    // navigation, which a token request (and a script measuring one) never needs.
    const { getCurrentUser } = await import("../auth/current-user");
    return { user: await getCurrentUser(), token: null };
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) throw new AppError("UNAUTHENTICATED", "Use the header Authorization: Bearer <token>.");
  const { user, token } = await authenticateApiToken(await db(), match[1], now);
  return { user, token };
}
