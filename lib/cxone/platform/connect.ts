import "server-only";
/**
 * The NICE platform profile's connection: discovery from the tenant id (or a manual API
 * host) and the access-key sign-in.
 *
 * Discovery: the issuer's `/.well-known/openid-configuration` gives the token endpoint;
 * `/.well-known/cxone-configuration?tenantId=…` gives the tenant's area and domain, and
 * the API host is `apiHostTemplate` filled with them (`https://api-{area}.{domain}`; the
 * simulator's tests use a loopback template).
 *
 * Sign-in: OAuth 2.0 password grant at the token endpoint, the API user's access key id
 * and secret as username and password, with the registered application's client id and
 * secret. Without a registered client, or when the token endpoint does not take the
 * password grant, the older JSON endpoint `{accessKeyId, accessKeySecret}` is used.
 * Permissions come from the user's CXone role, not from scopes.
 */
import { z } from "zod";
import { TokenManager } from "../auth";
import { transportLimitsOf, transportSettings } from "../config";
import { CxoneAuthError, CxoneConfigError, CxoneError, CxoneNotFoundError, CxoneRequestError } from "../errors";
import { platformEndpoints, type EndpointDef, type PlatformEndpoint } from "../profiles/endpoints";
import { tokenResponseSchema, type TokenResponse } from "../schemas";
import { CxoneTransport, type TransportDeps } from "../transport";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);
function safeUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === "https:" || (u.protocol === "http:" && LOOPBACK.has(u.hostname));
  } catch {
    return false;
  }
}
const urlField = (name: string) =>
  z.string().refine(safeUrl, { error: `${name} must be an https:// URL (http:// only for 127.0.0.1/localhost)` });

export const platformConfigSchema = z
  .object({
    issuer: urlField("issuer").default("https://cxone.niceincontact.com"),
    tenantId: z.string().trim().min(1).optional(),
    /** A manual API host instead of discovery. */
    apiHost: urlField("apiHost").optional(),
    apiHostTemplate: z.string().includes("{area}", { error: "apiHostTemplate must contain {area}" }).default("https://api-{area}.{domain}"),
    accessKeyId: z.string().trim().min(1, { error: "accessKeyId is required" }),
    accessKeySecret: z.string().min(1, { error: "accessKeySecret is required" }),
    clientId: z.string().trim().min(1).optional(),
    clientSecret: z.string().min(1).optional(),
    ...transportSettings,
    /** Paths or field names that differ on this tenant. */
    endpoints: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
  })
  .refine((c) => (c.tenantId === undefined) !== (c.apiHost === undefined), { error: "give exactly one of tenantId (discovery) or apiHost", path: ["tenantId"] })
  .refine((c) => (c.clientId === undefined) === (c.clientSecret === undefined), { error: "give both clientId and clientSecret, or neither", path: ["clientId"] });

export type PlatformConfigInput = z.input<typeof platformConfigSchema>;
export type PlatformConfig = z.output<typeof platformConfigSchema>;

/** Discovery answered something we cannot use, or does not know the tenant. */
export class CxoneDiscoveryError extends CxoneError {}

export interface Discovery {
  tokenEndpoint: string;
  area: string | null;
  domain: string | null;
  apiBaseUrl: string;
}

const openidSchema = z.looseObject({ token_endpoint: z.string() });
const cxoneConfigurationSchema = z.looseObject({ area: z.string().regex(/^[a-z]{2,3}\d{1,2}$/), domain: z.string().min(1) });

export async function discover(config: PlatformConfig, transport: CxoneTransport, map: Record<PlatformEndpoint, EndpointDef>): Promise<Discovery> {
  const issuer = config.issuer.replace(/\/+$/, "");
  const raw = await getJson(transport, issuer + map.openidConfiguration.path, "the issuer's openid-configuration");
  const oidc = openidSchema.safeParse(raw);
  if (!oidc.success || !safeUrl(oidc.data.token_endpoint)) {
    throw new CxoneDiscoveryError(
      `Discovery at ${issuer}${map.openidConfiguration.path} answered something unexpected: ${describe(raw)} has no usable token_endpoint. Check the issuer URL.`,
      { code: "DISCOVERY_UNEXPECTED", path: map.openidConfiguration.path },
    );
  }
  const tokenEndpoint = oidc.data.token_endpoint;
  if (config.apiHost) return { tokenEndpoint, area: null, domain: null, apiBaseUrl: config.apiHost.replace(/\/+$/, "") };

  const tenantId = config.tenantId!;
  let cfg: unknown;
  try {
    cfg = await getJson(transport, `${issuer}${map.cxoneConfiguration.path}?tenantId=${encodeURIComponent(tenantId)}`, "the tenant's cxone-configuration");
  } catch (err) {
    if (err instanceof CxoneNotFoundError || (err instanceof CxoneRequestError && err.status === 400)) {
      throw new CxoneDiscoveryError(`CXone does not know the tenant id "${tenantId}" (HTTP ${err.status} from ${map.cxoneConfiguration.path}). Copy the tenant id from CXone's account settings.`, {
        code: "UNKNOWN_TENANT",
        status: err.status,
        path: map.cxoneConfiguration.path,
      });
    }
    throw err;
  }
  const parsed = cxoneConfigurationSchema.safeParse(cfg);
  if (!parsed.success) {
    throw new CxoneDiscoveryError(
      `Discovery for tenant "${tenantId}" answered something unexpected: ${describe(cfg)} instead of an area (like na1, eu1, au1) and a domain. Enter the API host by hand instead.`,
      { code: "DISCOVERY_UNEXPECTED", path: map.cxoneConfiguration.path },
    );
  }
  const { area, domain } = parsed.data;
  const apiBaseUrl = config.apiHostTemplate.replaceAll("{area}", area).replaceAll("{domain}", domain).replace(/\/+$/, "");
  if (!safeUrl(apiBaseUrl)) {
    throw new CxoneDiscoveryError(`Discovery gave area "${area}" and domain "${domain}", which make "${apiBaseUrl}", not an https:// URL.`, { code: "DISCOVERY_UNEXPECTED" });
  }
  return { tokenEndpoint, area, domain, apiBaseUrl };
}

async function getJson(transport: CxoneTransport, url: string, what: string): Promise<unknown> {
  try {
    return (await transport.request({ method: "GET", path: url, idempotent: true, auth: false, schema: z.unknown() })).data;
  } catch (err) {
    if (err instanceof CxoneError && err.code === "INVALID_JSON") {
      throw new CxoneDiscoveryError(`Discovery: ${what} at ${url} is not JSON. Check the issuer URL.`, { code: "DISCOVERY_UNEXPECTED", cause: err });
    }
    throw err;
  }
}

function describe(v: unknown): string {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

/** The access-key sign-in: password grant with the registered client, else the JSON endpoint. */
export function accessKeyGrant(config: PlatformConfig, transport: CxoneTransport, tokenEndpoint: string, map: Record<PlatformEndpoint, EndpointDef>, log: TransportDeps["logger"]): () => Promise<TokenResponse> {
  const issuer = config.issuer.replace(/\/+$/, "");
  const jsonGrant = async () =>
    (
      await transport.request({
        method: "POST",
        path: issuer + map.accessKeyToken.path,
        json: { accessKeyId: config.accessKeyId, accessKeySecret: config.accessKeySecret },
        idempotent: true,
        auth: false,
        schema: tokenResponseSchema,
      })
    ).data;
  return async () => {
    try {
      if (!config.clientId || !config.clientSecret) return await jsonGrant();
      try {
        return (
          await transport.request({
            method: "POST",
            path: tokenEndpoint,
            form: { grant_type: "password", username: config.accessKeyId, password: config.accessKeySecret, client_id: config.clientId, client_secret: config.clientSecret },
            idempotent: true,
            auth: false,
            schema: tokenResponseSchema,
          })
        ).data;
      } catch (err) {
        const unsupported = (err instanceof CxoneError && err.code === "unsupported_grant_type") || err instanceof CxoneNotFoundError;
        if (!unsupported) throw err;
        log.info({ tokenEndpoint }, "the token endpoint does not take the password grant; signing in with the JSON access-key endpoint");
        return await jsonGrant();
      }
    } catch (err) {
      throw nameCredential(err);
    }
  };
}

/** Says which credential was refused: the registered application's client, or the API user's access key. */
function nameCredential(err: unknown): unknown {
  if (!(err instanceof CxoneAuthError)) return err;
  const said = typeof err.details?.oauthDescription === "string" ? ` CXone said: ${err.details.oauthDescription}.` : err.errors[0] ? ` CXone said: ${err.errors[0].message}.` : "";
  const msg =
    err.code === "invalid_client"
      ? `CXone refused the registered application's client id or client secret (invalid_client).${said} Check the client id and secret NICE issued for this app.`
      : `CXone refused the access key (${err.code}).${said} Check the access key id and secret of the API user; a key that was regenerated or deactivated must be replaced.`;
  return new CxoneAuthError(msg, { status: err.status, code: err.code, errors: err.errors, path: err.path, method: err.method, details: err.details });
}

export interface PlatformConnection {
  config: PlatformConfig;
  transport: CxoneTransport;
  tokens: TokenManager;
  discovery: Discovery;
  map: Record<PlatformEndpoint, EndpointDef>;
}

export function parsePlatformConfig(input: PlatformConfigInput): PlatformConfig {
  const parsed = platformConfigSchema.safeParse(input);
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error);
    const parts = [...flat.formErrors, ...Object.entries(flat.fieldErrors).map(([k, v]) => `${k}: ${(v as string[]).join(", ")}`)];
    throw new CxoneConfigError(`CXone platform settings are not valid: ${parts.join("; ")}`, { code: "INVALID_CONFIG" });
  }
  return parsed.data;
}

/** Discovers the tenant's hosts and prepares the sign-in (the first token is fetched on the first call). */
export async function connectPlatform(config: PlatformConfig, deps: TransportDeps): Promise<PlatformConnection> {
  const limits = transportLimitsOf(config);
  const map = platformEndpoints(config.endpoints as Parameters<typeof platformEndpoints>[0]);
  const issuerTransport = new CxoneTransport(config.issuer.replace(/\/+$/, ""), limits, deps);
  const discovery = await discover(config, issuerTransport, map);
  const transport = new CxoneTransport(discovery.apiBaseUrl, limits, deps);
  const tokens = new TokenManager(
    transport,
    { clientId: "", clientSecret: "", scopes: [], refreshSkewMs: config.tokenRefreshSkewMs, grant: accessKeyGrant(config, transport, discovery.tokenEndpoint, map, deps.logger) },
    deps,
  );
  transport.setTokenSource(tokens);
  return { config, transport, tokens, discovery, map };
}
