import "server-only";
/**
 * The simulator's NICE platform profile: discovery, the access-key sign-in (password
 * grant with a registered application, and the older JSON endpoint), and the documented
 * reads with their paging styles — Admin API agents and skills (top/skip), schedule
 * export (≤ 7 days, one user), WFM data historical contacts (`_links.next`, 204 when
 * empty), Data Extraction jobs (one caller per tenant, at most every 30 s; download URLs
 * that expire). Permissions come from the API user's role; a 403 names role and permission.
 * The API lives under `/api-{area}` on the simulator's own host, so the client's host
 * template for it is `http://{domain}/api-{area}` (discovery answers domain = host:port).
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import { PLATFORM_PERMISSIONS } from "../profiles/endpoints";
import type { SimEndpoint } from "./faults";
import type { SimStore } from "./store";

export interface SimAnswer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Raw text instead of JSON (downloads). */
  text?: string;
}

export interface SimPlatformUser {
  accessKeyId: string;
  accessKeySecret: string;
  /** The CXone role, named in 403s. */
  role: string;
  permissions: readonly string[];
}

export interface SimPlatformOptions {
  tenants?: { tenantId: string; area: string }[];
  users?: SimPlatformUser[];
  /** Registered applications for the password grant. */
  apps?: { clientId: string; clientSecret: string }[];
  /** false: the token endpoint refuses the password grant (clients fall back to the JSON endpoint). */
  passwordGrant?: boolean;
  /** Discovery answers something unexpected: "html" (not JSON) or "no-area". */
  discoveryFault?: "html" | "no-area" | null;
  /** Data Extraction: minimum interval between submissions per tenant. */
  extractionMinIntervalMs?: number;
  /** How long a download URL works. */
  downloadTtlMs?: number;
}

export const DEFAULT_PLATFORM_USER: SimPlatformUser = {
  accessKeyId: "sim-access-key",
  accessKeySecret: "sim-access-secret",
  role: "Scheduling Manager",
  permissions: Object.values(PLATFORM_PERMISSIONS),
};
export const DEFAULT_PLATFORM_APP = { clientId: "sim-app", clientSecret: "sim-app-secret" };
export const DEFAULT_TENANT = { tenantId: "sim-tenant", area: "na1" };

interface TokenRec {
  clientId: string;
  scopes: Set<string>;
  expiresAt: number;
  role?: string;
}

export interface PlatformContext {
  store: SimStore;
  now: () => number;
  tokens: Map<string, TokenRec>;
  tokenLifetimeMs: () => number;
  onTokenIssued: () => void;
  options: SimPlatformOptions;
}

const err = (code: string, message: string, field?: string) => ({ errors: [{ ...(field ? { field } : {}), code, message }] });
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY = 86_400_000;

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Which platform route a path is, after stripping `/api-{area}`; null when none. */
export function platformRoute(method: string, path: string): { endpoint: SimEndpoint; kind: string; jobId?: string } | null {
  const table: [SimEndpoint, string, string, RegExp][] = [
    ["discovery", "GET", "openid", /^\/\.well-known\/openid-configuration$/],
    ["discovery", "GET", "cxoneConfig", /^\/\.well-known\/cxone-configuration$/],
    ["token", "POST", "passwordGrant", /^\/auth\/token$/],
    ["token", "POST", "accessKey", /^\/authentication\/v1\/token\/access-key$/],
    ["agents", "GET", "agents", /^\/api-[a-z0-9]+\/inContactAPI\/services\/v31\.0\/agents$/],
    ["agents", "GET", "agentSkills", /^\/api-[a-z0-9]+\/inContactAPI\/services\/v31\.0\/agents\/skills$/],
    ["skills", "GET", "skills", /^\/api-[a-z0-9]+\/inContactAPI\/services\/v31\.0\/skills$/],
    ["export", "POST", "export", /^\/api-[a-z0-9]+\/wfm\/v1\/schedules\/export$/],
    ["contacts", "GET", "contacts", /^\/api-[a-z0-9]+\/wfm-data\/v1\/contacts\/historical$/],
    ["extraction", "POST", "extractionSubmit", /^\/api-[a-z0-9]+\/data-extraction\/v1\/jobs$/],
    ["extraction", "GET", "extractionJob", /^\/api-[a-z0-9]+\/data-extraction\/v1\/jobs\/([^/]+)$/],
    ["extraction", "GET", "download", /^\/__files\/([^/]+)$/],
  ];
  for (const [endpoint, m, kind, re] of table) {
    const hit = re.exec(path);
    if (hit && m === method) return { endpoint, kind, jobId: hit[1] ? decodeURIComponent(hit[1]) : undefined };
  }
  return null;
}

export function createPlatformHandlers(ctx: PlatformContext) {
  const o = ctx.options;
  const tenants = o.tenants ?? [DEFAULT_TENANT];
  const users = o.users ?? [DEFAULT_PLATFORM_USER];
  const apps = o.apps ?? [DEFAULT_PLATFORM_APP];
  const extraction = { lastSubmitAt: null as number | null, jobs: new Map<string, { startDate: string; endDate: string; entityName: string; sig: string }>() };

  const issue = (user: SimPlatformUser, clientId: string): SimAnswer => {
    const token = `simp.${randomBytes(24).toString("base64url")}`;
    const ttl = ctx.tokenLifetimeMs();
    ctx.tokens.set(token, { clientId, scopes: new Set(user.permissions), expiresAt: ctx.now() + ttl, role: user.role });
    ctx.onTokenIssued();
    return { status: 200, body: { access_token: token, token_type: "Bearer", expires_in: Math.max(1, Math.ceil(ttl / 1000)), refresh_token: `r.${token}` }, headers: { "cache-control": "no-store" } };
  };

  /** Names the credential that is wrong (the client shows it to the person fixing it). */
  const checkKey = (id: string, secret: string): SimPlatformUser | SimAnswer => {
    const user = users.find((u) => u.accessKeyId === id);
    if (!user) return { status: 401, body: { error: "invalid_grant", error_description: `Unknown access key id "${id}"` } };
    if (!safeEqual(user.accessKeySecret, secret)) return { status: 401, body: { error: "invalid_grant", error_description: "The access key secret does not match the access key id" } };
    return user;
  };

  return {
    discovery(kind: string, url: URL, host: string): SimAnswer {
      const origin = `http://${host}`;
      if (o.discoveryFault === "html") return { status: 200, body: undefined, text: "<html><body>Sign in</body></html>", headers: { "content-type": "text/html" } };
      if (kind === "openid") return { status: 200, body: { issuer: origin, token_endpoint: `${origin}/auth/token`, grant_types_supported: ["password", "client_credentials"] } };
      const tenantId = url.searchParams.get("tenantId") ?? "";
      const t = tenants.find((x) => x.tenantId === tenantId);
      if (!t) return { status: 404, body: err("TENANT_NOT_FOUND", `No tenant "${tenantId}"`, "tenantId") };
      if (o.discoveryFault === "no-area") return { status: 200, body: { private: false, region: "somewhere" } };
      return { status: 200, body: { private: false, area: t.area, domain: host } };
    },

    token(kind: string, body: string, authorization: string | undefined): SimAnswer {
      if (kind === "accessKey") {
        let b: { accessKeyId?: unknown; accessKeySecret?: unknown };
        try {
          b = JSON.parse(body) as typeof b;
        } catch {
          return { status: 400, body: err("INVALID_JSON", "The body is not valid JSON") };
        }
        if (typeof b.accessKeyId !== "string" || typeof b.accessKeySecret !== "string") return { status: 400, body: err("INVALID_REQUEST", "accessKeyId and accessKeySecret are required") };
        const user = checkKey(b.accessKeyId, b.accessKeySecret);
        return "status" in user ? user : issue(user, "access-key");
      }
      const form = new URLSearchParams(body);
      let clientId = form.get("client_id") ?? "";
      let clientSecret = form.get("client_secret") ?? "";
      const basic = /^Basic\s+(.+)$/i.exec(authorization ?? "");
      if (basic) {
        const d = Buffer.from(basic[1], "base64").toString("utf8");
        clientId = d.slice(0, d.indexOf(":"));
        clientSecret = d.slice(d.indexOf(":") + 1);
      }
      if (form.get("grant_type") !== "password" || o.passwordGrant === false) {
        return { status: 400, body: { error: "unsupported_grant_type", error_description: "This token endpoint takes grant_type=password" } };
      }
      const app = apps.find((a) => a.clientId === clientId);
      if (!app || !safeEqual(app.clientSecret, clientSecret)) return { status: 401, body: { error: "invalid_client", error_description: `Unknown application "${clientId}" or wrong client secret` } };
      const user = checkKey(form.get("username") ?? "", form.get("password") ?? "");
      return "status" in user ? user : issue(user, clientId);
    },

    /** 401/403 like the platform: the 403 names the role and the permission it lacks. */
    checkAuth(authorization: string | undefined, permission: string): SimAnswer | null {
      const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
      if (!m) return { status: 401, body: err("UNAUTHORIZED", "A bearer token is required") };
      const t = ctx.tokens.get(m[1]);
      if (!t) return { status: 401, body: err("INVALID_TOKEN", "The bearer token is not valid") };
      if (ctx.now() >= t.expiresAt) {
        ctx.tokens.delete(m[1]);
        return { status: 401, body: err("TOKEN_EXPIRED", "The bearer token has expired") };
      }
      if (!t.scopes.has(permission)) return { status: 403, body: err("FORBIDDEN", `The role "${t.role ?? "?"}" lacks the permission "${permission}"`) };
      return null;
    },

    permissionFor(kind: string): string | null {
      if (kind === "agents" || kind === "skills" || kind === "agentSkills") return PLATFORM_PERMISSIONS.adminRead;
      if (kind === "export") return PLATFORM_PERMISSIONS.scheduleExport;
      if (kind === "contacts") return PLATFORM_PERMISSIONS.wfmData;
      if (kind === "extractionSubmit" || kind === "extractionJob") return PLATFORM_PERMISSIONS.dataExtraction;
      return null;
    },

    admin(kind: string, url: URL): SimAnswer {
      const top = Number(url.searchParams.get("top") ?? "100");
      const skip = Number(url.searchParams.get("skip") ?? "0");
      if (!Number.isInteger(top) || top < 1 || top > 100) return { status: 400, body: err("INVALID_VALUE", "top must be 1–100", "top") };
      if (!Number.isInteger(skip) || skip < 0) return { status: 400, body: err("INVALID_VALUE", "skip must be ≥ 0", "skip") };
      const agents = [...ctx.store.agents.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
      let all: Record<string, unknown>[];
      let list: string;
      if (kind === "agents") {
        list = "agents";
        all = agents.map((a) => {
          const [firstName, ...rest] = a.name.split(" ");
          // teamName: a field the client does not read, which must pass.
          return { agentId: a.id, userId: simUserId(a.id), userName: a.username, firstName, lastName: rest.join(" "), isActive: true, teamName: a.homeSiteId };
        });
      } else if (kind === "skills") {
        list = "skills";
        all = ctx.store.catalog.ids().sort().map((id) => ({ skillId: id, skillName: ctx.store.catalog.get(id)?.name ?? id, mediaTypeName: "Phone Call", isActive: true }));
      } else {
        list = "agentSkillAssignments";
        all = agents.flatMap((a) => a.skills.map((s) => ({ agentId: a.id, skillId: s.skillId, skillProficiency: s.proficiency })));
      }
      if (skip >= all.length) return { status: 204, body: undefined };
      return { status: 200, body: { totalRecords: all.length, [list]: all.slice(skip, skip + top) } };
    },

    exportSchedule(raw: string): SimAnswer {
      let b: { startDate?: unknown; endDate?: unknown; userID?: unknown };
      try {
        b = JSON.parse(raw) as typeof b;
      } catch {
        return { status: 400, body: err("INVALID_JSON", "The body is not valid JSON") };
      }
      for (const f of ["startDate", "endDate"] as const) {
        if (typeof b[f] !== "string" || !DATE.test(b[f] as string)) return { status: 400, body: err("INVALID_VALUE", `${f} must be YYYY-MM-DD`, f) };
      }
      if (typeof b.userID !== "string" || b.userID === "") return { status: 400, body: err("INVALID_VALUE", "userID is required", "userID") };
      const from = Date.parse(`${b.startDate}T00:00:00Z`);
      const to = Date.parse(`${b.endDate}T00:00:00Z`) + DAY;
      if (to <= from) return { status: 400, body: err("INVALID_RANGE", "endDate is before startDate", "endDate") };
      if (to - from > 7 * DAY) return { status: 400, body: err("RANGE_TOO_LONG", "A schedule export covers at most 7 days", "endDate") };
      const agentId = agentIdOf(b.userID);
      const shifts = (ctx.store.shifts.get(agentId) ?? []).filter((s) => s.start < to && s.end > from);
      if (shifts.length === 0) return { status: 204, body: undefined };
      const iso = (t: number) => new Date(t).toISOString().replace(".000Z", "Z");
      return {
        status: 200,
        body: {
          userID: b.userID,
          shifts: shifts.map((s) => ({
            startDate: iso(s.start),
            endDate: iso(s.end),
            activities: [{ name: "Open", startDate: iso(s.start), endDate: iso(s.end) }, ...s.breaks.map((br) => ({ name: "Break", startDate: iso(s.start + br.startOffsetMinutes * 60_000), endDate: iso(s.start + (br.startOffsetMinutes + br.durationMinutes) * 60_000) }))],
            publishState: s.status === "PUBLISHED" ? "PUBLISHED" : "UNPUBLISHED",
          })),
        },
      };
    },

    contacts(url: URL, prefix: string): SimAnswer {
      const q = url.searchParams;
      const start = q.get("startDate") ?? "";
      const end = q.get("endDate") ?? "";
      if (!DATE.test(start) || !DATE.test(end)) return { status: 400, body: err("INVALID_VALUE", "startDate and endDate must be YYYY-MM-DD", "startDate") };
      const pageSize = Number(q.get("pageSize") ?? "200");
      const offset = Number(q.get("offset") ?? "0");
      const from = Date.parse(`${start}T00:00:00Z`);
      const to = Date.parse(`${end}T00:00:00Z`) + DAY;
      const skill = q.get("skillId");
      const rows: Record<string, unknown>[] = [];
      for (const [skillId, m] of [...ctx.store.demand.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
        if (skill && skill !== skillId) continue;
        for (const [t, required] of [...m.entries()].sort((a, b) => a[0] - b[0])) {
          if (t < from || t >= to || required <= 0) continue;
          // Volumes that need `required` agents at a 300 s handle time (Erlang C round trip in tests).
          const aht = 300;
          const offered = Math.round((required * 900) / aht);
          rows.push({ skillId, intervalStart: new Date(t).toISOString(), intervalMinutes: 15, contactsOffered: offered, contactsHandled: offered, averageHandleTimeSeconds: aht, channel: "PHONE" });
        }
      }
      if (rows.length === 0 || offset >= rows.length) return { status: 204, body: undefined };
      const page = rows.slice(offset, offset + pageSize);
      const more = offset + pageSize < rows.length;
      const next = new URLSearchParams(q);
      next.set("offset", String(offset + pageSize));
      return { status: 200, body: { items: page, _links: more ? { next: { href: `${prefix}/wfm-data/v1/contacts/historical?${next}` } } : {} } };
    },

    submitExtraction(raw: string): SimAnswer {
      const min = o.extractionMinIntervalMs ?? 30_000;
      const t = ctx.now();
      if (extraction.lastSubmitAt !== null && t - extraction.lastSubmitAt < min) {
        const wait = Math.ceil((extraction.lastSubmitAt + min - t) / 1000);
        return { status: 429, body: err("EXTRACTION_THROTTLED", `One data extraction job per tenant every ${min / 1000} s; try again in ${wait} s`), headers: { "retry-after": String(wait) } };
      }
      let b: { entityName?: unknown; startDate?: unknown; endDate?: unknown };
      try {
        b = JSON.parse(raw) as typeof b;
      } catch {
        return { status: 400, body: err("INVALID_JSON", "The body is not valid JSON") };
      }
      if (typeof b.entityName !== "string") return { status: 400, body: err("INVALID_VALUE", "entityName is required", "entityName") };
      extraction.lastSubmitAt = t;
      const jobId = `dx-${randomBytes(6).toString("hex")}`;
      extraction.jobs.set(jobId, { entityName: b.entityName, startDate: String(b.startDate ?? ""), endDate: String(b.endDate ?? ""), sig: randomBytes(12).toString("hex") });
      return { status: 202, body: { jobId } };
    },

    extractionJob(jobId: string, host: string): SimAnswer {
      const job = extraction.jobs.get(jobId);
      if (!job) return { status: 404, body: err("NOT_FOUND", `No extraction job ${jobId}`) };
      const expires = ctx.now() + (o.downloadTtlMs ?? 60_000);
      return { status: 200, body: { jobId, status: "SUCCEEDED", result: { url: `http://${host}/__files/${jobId}?expires=${expires}&sig=${job.sig}`, expiresAt: new Date(expires).toISOString() } } };
    },

    download(jobId: string, url: URL): SimAnswer {
      const job = extraction.jobs.get(jobId);
      if (!job || url.searchParams.get("sig") !== job.sig) return { status: 403, body: undefined, text: "<Error><Code>AccessDenied</Code></Error>", headers: { "content-type": "application/xml" } };
      if (ctx.now() > Number(url.searchParams.get("expires"))) return { status: 403, body: undefined, text: "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>", headers: { "content-type": "application/xml" } };
      return { status: 200, body: undefined, text: `entityName,startDate,endDate\r\n${job.entityName},${job.startDate},${job.endDate}\r\n`, headers: { "content-type": "text/csv" } };
    },
  };
}

/** The user-management id of an agent in the simulator. */
export function simUserId(agentId: string): string {
  return `user-${agentId}`;
}
function agentIdOf(userId: string): string {
  return userId.startsWith("user-") ? userId.slice(5) : userId;
}
