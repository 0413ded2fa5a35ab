import "server-only";
/**
 * The HTTP transport of the CXone client, written on Node's fetch rather than on a
 * wrapper such as ky: we need 401 refresh-and-replay against a shared token, a
 * per-request rule for what is safe to repeat (GETs and validate-only imports are, a
 * real import is not), Retry-After given as seconds or as an HTTP date, full-jitter
 * backoff, and an injectable clock, sleep, random and fetch so every retry path is
 * deterministic in tests. On fetch that is one readable loop; in ky it would be hooks
 * working against ky's own retry logic.
 *
 * Rules:
 * - every try has a timeout (AbortSignal.timeout), at most `maxAttempts` tries;
 * - 429 is retried for every request (the server refused it, nothing was applied):
 *   Retry-After + jitter when given, else full-jitter exponential backoff;
 * - 5xx, network errors and timeouts are retried only when `idempotent`; otherwise the
 *   failure is a CxoneAmbiguousWriteError, never a silent second write;
 * - 401 with a bearer token: drop that token, fetch a fresh one, replay once (once more
 *   only after a retry wait, during which the fresh token may itself have expired; 429s
 *   and 5xx spend tries, so this cannot loop);
 * - 403: CxonePermissionError naming `scope`;
 * - 2xx bodies are parsed with the caller's zod schema; a mismatch names the field.
 */
import type { z } from "zod";
import type { CxoneScope } from "./config";
import {
  CxoneAmbiguousWriteError,
  CxoneAuthError,
  CxoneNotFoundError,
  CxonePermissionError,
  CxoneRateLimitError,
  CxoneRequestError,
  CxoneResponseError,
  CxoneServerError,
  CxoneTimeoutError,
} from "./errors";
import { formatIssuePath } from "./schemas";

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** The minimal logger surface we use (pino fits). */
export interface CxoneLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export const silentLogger: CxoneLogger = { debug() {}, info() {}, warn() {} };

/** Everything time- and chance-dependent, injectable for tests. */
export interface TransportDeps {
  fetch: FetchLike;
  /** Wall clock, epoch ms (token expiry, Retry-After dates, poll deadlines). */
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Uniform in [0, 1). */
  random: () => number;
  logger: CxoneLogger;
}

export interface TransportLimits {
  timeoutMs: number;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  retryAfterJitterMs: number;
  maxRetryAfterMs: number;
}

/** Where bearer tokens come from (the token manager). */
export interface TokenSource {
  getToken(): Promise<string>;
  /** Drops `token` if it is still the cached one (a newer token is kept). */
  invalidate(token: string): void;
}

export interface RequestSpec<S extends z.ZodType> {
  method: "GET" | "POST";
  path: string;
  query?: Record<string, string | number | boolean | undefined | null>;
  /** JSON body. */
  json?: unknown;
  /** Form-encoded body (the token endpoint). */
  form?: Record<string, string>;
  /** Safe to repeat after a 5xx / network failure / timeout. */
  idempotent: boolean;
  /**
   * Send a bearer token. On 403 the error names what the endpoint needs: the seed's OAuth
   * scope, or (platform) the CXone role permission, since permissions come from the role.
   */
  auth?: { scope: CxoneScope; permission?: undefined } | { scope?: undefined; permission: string } | false;
  schema: S;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** 204 No Content is an answer (an empty page): data is undefined instead of a parse error. */
  noContent?: boolean;
  /** Statuses handed back to the caller as data instead of raising (e.g. 404 in testConnection). */
  passStatuses?: readonly number[];
}

export interface TransportResponse<T> {
  status: number;
  data: T;
  headers: Headers;
  attempts: number;
}

export { defaultSleep, fullJitterBackoff, parseRetryAfter, readErrorBody } from "./transport-support";
import { describeNetworkError, errorCode, fullJitterBackoff, isTimeout, NOT_SENT_CODES, parseRetryAfter, readErrorBody, snippet, summarizeErrors } from "./transport-support";

export class CxoneTransport {
  constructor(
    private readonly baseUrl: string,
    private readonly limits: TransportLimits,
    private readonly deps: TransportDeps,
    private tokens?: TokenSource,
  ) {}

  setTokenSource(tokens: TokenSource): void {
    this.tokens = tokens;
  }

  /** A path joins the base URL; an absolute URL (an issuer's token endpoint) is used as it is. */
  url(path: string, query?: RequestSpec<z.ZodType>["query"]): string {
    const u = new URL(/^https?:\/\//i.test(path) ? path : this.baseUrl + path);
    for (const [k, v] of Object.entries(query ?? {})) {
      if (v !== undefined && v !== null) u.searchParams.set(k, String(v));
    }
    return u.toString();
  }

  async request<S extends z.ZodType>(spec: RequestSpec<S>): Promise<TransportResponse<z.output<S>>> {
    const { deps, limits } = this;
    const method = spec.method;
    const path = spec.path;
    const where = `${method} ${path}`;
    const url = this.url(path, spec.query);
    const maxAttempts = limits.maxAttempts;
    let attempts = 0;
    let replayed401 = false;

    for (;;) {
      attempts++;
      const headers: Record<string, string> = { accept: "application/json" };
      let body: string | undefined;
      if (spec.form) {
        headers["content-type"] = "application/x-www-form-urlencoded";
        body = new URLSearchParams(spec.form).toString();
      } else if (spec.json !== undefined) {
        headers["content-type"] = "application/json";
        body = JSON.stringify(spec.json);
      }
      let token: string | undefined;
      if (spec.auth) {
        if (!this.tokens) throw new CxoneAuthError("No token source configured for an authenticated request", { method, path });
        token = await this.tokens.getToken();
        headers.authorization = `Bearer ${token}`;
      }

      const timeout = AbortSignal.timeout(spec.timeoutMs ?? limits.timeoutMs);
      const signal = spec.signal ? AbortSignal.any([timeout, spec.signal]) : timeout;

      let res: Response | undefined;
      let text: string;
      try {
        res = await deps.fetch(url, { method, headers, body, signal });
        text = await res.text();
      } catch (err) {
        if (spec.signal?.aborted) throw spec.signal.reason;
        const neverSent = res === undefined && NOT_SENT_CODES.has(errorCode(err) ?? "");
        const reason = describeNetworkError(err);
        if (!spec.idempotent && !neverSent) {
          const status = res?.status;
          throw new CxoneAmbiguousWriteError(
            `${where} failed mid-flight (${status ? `HTTP ${status}, answer cut off` : reason}); ` +
              "it may or may not have been applied in CXone and was not repeated. Check CXone before retrying.",
            { method, path, status, code: isTimeout(err) ? "TIMEOUT" : "NETWORK", cause: err },
          );
        }
        if (attempts >= maxAttempts) {
          const msg = `${where} failed after ${attempts} tries: ${reason}`;
          if (isTimeout(err)) throw new CxoneTimeoutError(msg, { method, path, code: "REQUEST_TIMEOUT", cause: err });
          throw new CxoneServerError(msg, { method, path, code: "NETWORK", cause: err });
        }
        const delay = fullJitterBackoff(attempts, limits.backoffBaseMs, limits.backoffCapMs, deps.random);
        deps.logger.warn({ method, path, attempt: attempts, delayMs: delay, reason }, "cxone request failed; retrying");
        await deps.sleep(delay, spec.signal);
        continue;
      }

      const status = res.status;
      if (status === 204 && spec.noContent) {
        return { status, data: undefined as z.output<S>, headers: res.headers, attempts };
      }
      if (status >= 200 && status < 300) {
        try {
          return { status, data: this.parseBody(spec, text, status), headers: res.headers, attempts };
        } catch (err) {
          // Bad JSON is a cut-off answer, worth another try when the request is safe to repeat;
          // a well-formed body of the wrong shape will not improve, so it is not retried.
          const cutOff = err instanceof CxoneResponseError && err.code === "INVALID_JSON";
          if (!cutOff || !spec.idempotent || attempts >= maxAttempts) throw err;
          const delay = fullJitterBackoff(attempts, limits.backoffBaseMs, limits.backoffCapMs, deps.random);
          deps.logger.warn({ method, path, attempt: attempts, delayMs: delay }, "cxone answer was not valid JSON; retrying");
          await deps.sleep(delay, spec.signal);
          continue;
        }
      }
      if (spec.passStatuses?.includes(status)) {
        return { status, data: undefined as z.output<S>, headers: res.headers, attempts };
      }

      const { errors, oauthError, oauthDescription } = readErrorBody(text);
      const init = { method, path, status, errors };

      if (status === 401 && spec.auth && token !== undefined) {
        if (!replayed401) {
          replayed401 = true;
          attempts--; // the replay does not spend a retry
          this.tokens!.invalidate(token);
          deps.logger.info({ method, path }, "cxone answered 401; refreshing the token and replaying once");
          continue;
        }
        throw new CxoneAuthError(
          `CXone refused a freshly issued token for ${where} (HTTP 401). Check that the API client is active and its credentials are current.`,
          { ...init, code: errors[0]?.code ?? "UNAUTHORIZED" },
        );
      }
      if (status === 403 && spec.auth) {
        if (spec.auth.scope) {
          const scope = spec.auth.scope;
          throw new CxonePermissionError(
            `CXone refused ${where}: the API client lacks the scope ${scope}. Ask a CXone administrator to grant ${scope} to this API client.`,
            scope,
            init,
          );
        }
        const permission = spec.auth.permission;
        const said = errors[0]?.message ? ` CXone said: ${errors[0].message}` : "";
        throw new CxonePermissionError(
          `CXone refused ${where}: the API user's role lacks the permission "${permission}".${said} Ask a CXone administrator to add it to the user's role (e.g. a scheduling manager role).`,
          permission,
          init,
        );
      }
      if (status === 429) {
        if (attempts >= maxAttempts) {
          throw new CxoneRateLimitError(
            `CXone rate limited ${where}: still HTTP 429 after ${attempts} tries. Wait a few minutes and try again.`,
            attempts,
            init,
          );
        }
        const retryAfter = parseRetryAfter(res.headers.get("retry-after"), deps.now());
        if (retryAfter !== null && retryAfter > limits.maxRetryAfterMs) {
          throw new CxoneRateLimitError(
            `CXone rate limited ${where} and asked to wait ${Math.ceil(retryAfter / 1000)} s, longer than the ${Math.round(limits.maxRetryAfterMs / 1000)} s we wait. Try again later.`,
            attempts,
            { ...init, details: { retryAfterMs: retryAfter } },
          );
        }
        const delay =
          retryAfter !== null
            ? retryAfter + Math.floor(deps.random() * limits.retryAfterJitterMs)
            : fullJitterBackoff(attempts, limits.backoffBaseMs, limits.backoffCapMs, deps.random);
        deps.logger.warn({ method, path, attempt: attempts, delayMs: delay, retryAfterMs: retryAfter }, "cxone rate limited; waiting");
        await deps.sleep(delay, spec.signal);
        // The token may expire during the wait: a later 401 earns its own refresh and replay.
        replayed401 = false;
        continue;
      }
      if (status >= 500) {
        if (!spec.idempotent) {
          throw new CxoneAmbiguousWriteError(
            `${where} failed with HTTP ${status}; it may or may not have been applied in CXone and was not repeated. Check CXone before retrying.`,
            { ...init, code: errors[0]?.code ?? `HTTP_${status}` },
          );
        }
        if (attempts >= maxAttempts) {
          const detail = errors.length ? summarizeErrors(errors) : snippet(text) || res.statusText;
          throw new CxoneServerError(`CXone failed ${where} with HTTP ${status} on all ${attempts} tries${detail ? `: ${detail}` : ""}`, {
            ...init,
            code: errors[0]?.code ?? `HTTP_${status}`,
          });
        }
        const retryAfter = parseRetryAfter(res.headers.get("retry-after"), deps.now());
        const backoff = fullJitterBackoff(attempts, limits.backoffBaseMs, limits.backoffCapMs, deps.random);
        const delay = retryAfter !== null && retryAfter <= limits.maxRetryAfterMs ? Math.max(retryAfter, backoff) : backoff;
        deps.logger.warn({ method, path, attempt: attempts, status, delayMs: delay }, "cxone server error; retrying");
        await deps.sleep(delay, spec.signal);
        replayed401 = false;
        continue;
      }

      // The remaining 4xx: the request itself is refused; repeating it would not help.
      const detail = errors.length
        ? summarizeErrors(errors)
        : oauthError
          ? `${oauthError}${oauthDescription ? ` (${oauthDescription})` : ""}`
          : snippet(text);
      if (status === 404) {
        throw new CxoneNotFoundError(`CXone found nothing at ${where} (HTTP 404)${detail ? `: ${detail}` : ""}`, {
          ...init,
          code: errors[0]?.code ?? "NOT_FOUND",
        });
      }
      if (status === 401 || (spec.form && status === 400 && oauthError)) {
        throw new CxoneAuthError(
          `CXone refused the credentials at ${where} (HTTP ${status}${oauthError ? ` ${oauthError}` : ""}). Check the client id and secret${oauthError === "invalid_scope" ? " and the scopes granted to the API client" : ""}.`,
          { ...init, code: oauthError ?? errors[0]?.code ?? "UNAUTHORIZED", details: oauthDescription ? { oauthDescription } : undefined },
        );
      }
      throw new CxoneRequestError(`CXone rejected ${where} (HTTP ${status})${detail ? `: ${detail}` : ""}`, {
        ...init,
        code: errors[0]?.code ?? `HTTP_${status}`,
      });
    }
  }

  private parseBody<S extends z.ZodType>(spec: RequestSpec<S>, text: string, status: number): z.output<S> {
    const where = `${spec.method} ${spec.path}`;
    let json: unknown;
    try {
      json = text === "" ? undefined : JSON.parse(text);
    } catch (err) {
      throw new CxoneResponseError(
        `CXone answered ${where} with HTTP ${status} but the body is not valid JSON (cut off after ${text.length} characters?)`,
        "",
        { method: spec.method, path: spec.path, status, code: "INVALID_JSON", cause: err },
      );
    }
    const parsed = spec.schema.safeParse(json);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const fieldPath = formatIssuePath(issue?.path ?? []);
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more problems)` : "";
    throw new CxoneResponseError(
      `CXone answered ${where} with an unexpected body: ${fieldPath || "(body)"}: ${issue?.message ?? "invalid"}${more}`,
      fieldPath,
      { method: spec.method, path: spec.path, status, details: { issues: parsed.error.issues.slice(0, 10) } },
    );
  }
}
