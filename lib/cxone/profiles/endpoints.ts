import "server-only";
/**
 * Every endpoint each connection profile calls, in one typed map: method, path, where it
 * lives (the API host or the issuer), what it needs (the seed's OAuth scope, or the CXone
 * role permission on the platform), its paging style, a minimum interval where NICE
 * documents one, and the wire field names we read. A tenant whose paths or field names
 * differ is a change here (or an override passed to the client), not a code change.
 */
import type { CxoneScope } from "../config";
import type { PagingStyle } from "../paging";

export type ProfileName = "platform" | "seed";

export interface EndpointDef {
  method: "GET" | "POST";
  /** `{name}` placeholders are filled from the call (e.g. `{jobId}`). */
  path: string;
  /** "issuer": the sign-in host (discovery, token); "api": the tenant's API host. */
  host: "api" | "issuer";
  /** Seed: the OAuth scope; platform: the role permission named on 403. */
  needs: { scope: CxoneScope } | { permission: string } | null;
  paging?: PagingStyle;
  /** One caller at a time, at most this often (ms). */
  minIntervalMs?: number;
  /** Our field → the wire's field, for the records this endpoint answers with. */
  fields?: Record<string, string>;
  /** Documented in NICE's public developer documentation (false: the seed's contract). */
  documented: boolean;
}

export const SEED_ENDPOINTS = {
  token: { method: "POST", path: "/oauth/token", host: "issuer", needs: null, documented: false },
  importShifts: { method: "POST", path: "/api/v1/wfm/schedule/shifts/import", host: "api", needs: { scope: "wfm:schedule:write" }, documented: false },
  coverage: {
    method: "GET",
    path: "/api/v1/wfm/schedule/coverage",
    host: "api",
    needs: { scope: "wfm:schedule:read" },
    paging: { kind: "token", param: "nextPageToken", field: "nextPageToken" },
    documented: false,
  },
  runOptimization: { method: "POST", path: "/api/v1/wfm/schedule/optimization/run", host: "api", needs: { scope: "wfm:optimization:write" }, documented: false },
  optimizationJob: { method: "GET", path: "/api/v1/wfm/schedule/optimization/jobs/{jobId}", host: "api", needs: { scope: "wfm:optimization:read" }, documented: false },
} as const satisfies Record<string, EndpointDef>;

/** Permissions as CXone roles name them (a scheduling manager role carries all of them). */
export const PLATFORM_PERMISSIONS = {
  adminRead: "Admin API: Agents and Skills — View",
  scheduleExport: "WFM Schedules — View (Schedule Export)",
  wfmData: "WFM Data — View",
  dataExtraction: "Data Extraction — Create jobs",
} as const;

export const PLATFORM_ENDPOINTS = {
  openidConfiguration: { method: "GET", path: "/.well-known/openid-configuration", host: "issuer", needs: null, documented: true },
  cxoneConfiguration: { method: "GET", path: "/.well-known/cxone-configuration", host: "issuer", needs: null, documented: true },
  /** The older JSON sign-in, `{accessKeyId, accessKeySecret}` (the password grant uses the discovered token endpoint). */
  accessKeyToken: { method: "POST", path: "/authentication/v1/token/access-key", host: "issuer", needs: null, documented: true },
  agents: {
    method: "GET",
    path: "/inContactAPI/services/v31.0/agents",
    host: "api",
    needs: { permission: PLATFORM_PERMISSIONS.adminRead },
    paging: { kind: "topSkip", top: 100 },
    fields: { list: "agents", total: "totalRecords", agentId: "agentId", userId: "userId", userName: "userName", firstName: "firstName", lastName: "lastName", active: "isActive" },
    documented: true,
  },
  skills: {
    method: "GET",
    path: "/inContactAPI/services/v31.0/skills",
    host: "api",
    needs: { permission: PLATFORM_PERMISSIONS.adminRead },
    paging: { kind: "topSkip", top: 100 },
    fields: { list: "skills", total: "totalRecords", skillId: "skillId", name: "skillName", mediaType: "mediaTypeName", active: "isActive" },
    documented: true,
  },
  agentSkills: {
    method: "GET",
    path: "/inContactAPI/services/v31.0/agents/skills",
    host: "api",
    needs: { permission: PLATFORM_PERMISSIONS.adminRead },
    paging: { kind: "topSkip", top: 100 },
    fields: { list: "agentSkillAssignments", total: "totalRecords", agentId: "agentId", skillId: "skillId", proficiency: "skillProficiency" },
    documented: true,
  },
  scheduleExport: {
    method: "POST",
    path: "/wfm/v1/schedules/export",
    host: "api",
    needs: { permission: PLATFORM_PERMISSIONS.scheduleExport },
    fields: { startDate: "startDate", endDate: "endDate", userId: "userID", list: "shifts", activities: "activities" },
    documented: true,
  },
  contactHistory: {
    method: "GET",
    path: "/wfm-data/v1/contacts/historical",
    host: "api",
    needs: { permission: PLATFORM_PERMISSIONS.wfmData },
    paging: { kind: "links" },
    fields: {
      list: "items",
      skillId: "skillId",
      intervalStart: "intervalStart",
      intervalMinutes: "intervalMinutes",
      offered: "contactsOffered",
      handled: "contactsHandled",
      aht: "averageHandleTimeSeconds",
    },
    documented: true,
  },
  extractionSubmit: {
    method: "POST",
    path: "/data-extraction/v1/jobs",
    host: "api",
    needs: { permission: PLATFORM_PERMISSIONS.dataExtraction },
    minIntervalMs: 30_000,
    documented: true,
  },
  extractionJob: { method: "GET", path: "/data-extraction/v1/jobs/{jobId}", host: "api", needs: { permission: PLATFORM_PERMISSIONS.dataExtraction }, documented: true },
} as const satisfies Record<string, EndpointDef>;

export type SeedEndpoint = keyof typeof SEED_ENDPOINTS;
export type PlatformEndpoint = keyof typeof PLATFORM_ENDPOINTS;
export type PlatformEndpointMap = { [K in PlatformEndpoint]: EndpointDef };

/** The platform map with a tenant's overrides (paths or field names) laid over it. */
export function platformEndpoints(overrides: Partial<{ [K in PlatformEndpoint]: Partial<EndpointDef> }> = {}): PlatformEndpointMap {
  const out = {} as PlatformEndpointMap;
  for (const key of Object.keys(PLATFORM_ENDPOINTS) as PlatformEndpoint[]) {
    const base: EndpointDef = PLATFORM_ENDPOINTS[key];
    const o = overrides[key] ?? {};
    out[key] = { ...base, ...o, fields: base.fields || o.fields ? { ...base.fields, ...o.fields } : undefined };
  }
  return out;
}

/** "/x/{jobId}" + {jobId: "a b"} → "/x/a%20b". */
export function fillPath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new RangeError(`path ${path} needs ${name}`);
    return encodeURIComponent(v);
  });
}
