import "server-only";
/**
 * OAuth 2.0 client credentials with a cached token. One refresh in flight at a time:
 * however many requests find the token missing or stale, they all wait on the same
 * promise. A token is refreshed `skew` (30 s) before it expires — or halfway through
 * its life when it lives less than twice that, so a short-lived token is not
 * refreshed on every request.
 */
import type { CxoneScope } from "./config";
import { PATHS } from "./config";
import { CxoneAuthError } from "./errors";
import { tokenResponseSchema, type TokenResponse } from "./schemas";
import type { CxoneTransport, TokenSource, TransportDeps } from "./transport";

interface CachedToken {
  token: string;
  refreshAt: number;
  expiresAt: number;
  scopes: string[];
}

export interface TokenManagerOptions {
  clientId: string;
  clientSecret: string;
  scopes: readonly CxoneScope[];
  refreshSkewMs: number;
  /** Another way to get a token (the platform's access-key sign-in); default: client credentials. */
  grant?: () => Promise<TokenResponse>;
}

export class TokenManager implements TokenSource {
  private cached: CachedToken | undefined;
  private inflight: Promise<CachedToken> | undefined;
  /** How many tokens were fetched (observability, tests). */
  refreshCount = 0;
  /** A true private field: the secret never shows up when the client is logged or inspected. */
  readonly #options: TokenManagerOptions;

  constructor(
    private readonly transport: CxoneTransport,
    options: TokenManagerOptions,
    private readonly deps: Pick<TransportDeps, "now" | "logger">,
  ) {
    this.#options = options;
  }

  /** The scopes granted by the last token (empty before the first). */
  get grantedScopes(): string[] {
    return this.cached?.scopes ?? [];
  }

  async getToken(): Promise<string> {
    const c = this.cached;
    if (c && this.deps.now() < c.refreshAt) return c.token;
    return (await this.refresh()).token;
  }

  /**
   * Fetches a token now, or joins the fetch already in flight. The shared fetch takes no
   * caller's abort signal: one caller giving up must not fail the others (it is bounded
   * by the transport's per-request timeout instead).
   */
  refresh(): Promise<CachedToken> {
    if (!this.inflight) {
      this.inflight = this.fetchToken().finally(() => {
        this.inflight = undefined;
      });
    }
    return this.inflight;
  }

  invalidate(token: string): void {
    if (this.cached?.token === token) this.cached = undefined;
  }

  private async fetchToken(): Promise<CachedToken> {
    const { clientId, clientSecret, scopes, refreshSkewMs, grant } = this.#options;
    this.refreshCount++;
    const requestedAt = this.deps.now();
    const t = grant
      ? await grant()
      : (
          await this.transport.request({
            method: "POST",
            path: PATHS.token,
            form: { grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret, scope: scopes.join(" ") },
            // Asking for a token twice has no effect beyond a second token.
            idempotent: true,
            auth: false,
            schema: tokenResponseSchema,
          })
        ).data;
    if (t.token_type.toLowerCase() !== "bearer") {
      throw new CxoneAuthError(`CXone issued a "${t.token_type}" token; only bearer tokens are supported`, { path: PATHS.token });
    }
    const lifetimeMs = t.expires_in * 1000;
    const skew = Math.min(refreshSkewMs, lifetimeMs / 2);
    const granted = t.scope ? t.scope.split(/\s+/).filter(Boolean) : [...scopes];
    const cached: CachedToken = {
      token: t.access_token,
      expiresAt: requestedAt + lifetimeMs,
      refreshAt: requestedAt + lifetimeMs - skew,
      scopes: granted,
    };
    this.cached = cached;
    this.deps.logger.debug({ expiresInS: t.expires_in, scopes: granted }, "cxone token acquired");
    return cached;
  }
}
