import { z } from "zod";
import { safeText } from "./text";

/** The CXone connection form. The secret may be left empty to keep the stored one. */
export const cxoneConnectionSchema = z
  .object({
    region: z.enum(["NA", "EU", "JP", "CUSTOM"], { error: "Pick a region or a custom URL." }),
    baseUrl: safeText().trim().max(500).optional(),
    clientId: safeText().trim().min(1, { error: "Enter the client id." }).max(500),
    clientSecret: safeText().max(2000).optional(),
  })
  .refine((c) => c.region !== "CUSTOM" || !!c.baseUrl, { error: "Enter the base URL for a custom endpoint.", path: ["baseUrl"] })
  .transform((c) => ({ ...c, clientSecret: c.clientSecret ? c.clientSecret : undefined, baseUrl: c.region === "CUSTOM" ? c.baseUrl : undefined }));

const scopeCheckSchema = z.object({ ok: z.boolean(), checkedBy: z.string(), message: z.string() });

/**
 * The outcome of "Test connection" (the client's ConnectionTestResult), as stored beside
 * the connection and shown in the form: read back through this schema, so a stored value
 * of another shape shows as "not tested" instead of breaking the page.
 */
export const cxoneConnectionTestSchema = z.object({
  ok: z.boolean(),
  token: z.object({ ok: z.boolean(), message: z.string(), grantedScopes: z.array(z.string()) }),
  scopes: z.record(z.string(), scopeCheckSchema),
});

export type CxoneConnectionTest = z.infer<typeof cxoneConnectionTestSchema>;

/** The connection as the browser may see it: never the secret. */
export interface CxoneConnectionView {
  region: string;
  baseUrl: string | null;
  clientId: string;
  hasSecret: boolean;
  source: "settings" | "environment" | "none";
  lastTestAt: string | null;
  lastTestResult: CxoneConnectionTest | null;
  /** The stored connection's profile (none: "seed", the default). */
  profile: "seed" | "platform";
  platform: CxonePlatformView | null;
  /** The last per-capability "Test connection", for either profile. */
  lastCapabilityReport: z.infer<typeof cxoneCapabilityReportSchema> | null;
}

/** The NICE platform profile's form: tenant id (discovery) or an API host; secrets may be left empty to keep the stored ones. */
export const cxonePlatformConnectionSchema = z
  .object({
    issuer: safeText().trim().max(500).optional(),
    hostBy: z.enum(["tenant", "apiHost"], { error: "Choose discovery from the tenant id or a manual API host." }),
    tenantId: safeText().trim().max(200).optional(),
    apiHost: safeText().trim().max(500).optional(),
    accessKeyId: safeText().trim().min(1, { error: "Enter the access key id." }).max(500),
    accessKeySecret: safeText().max(2000).optional(),
    clientId: safeText().trim().max(500).optional(),
    clientSecret: safeText().max(2000).optional(),
  })
  .refine((c) => c.hostBy !== "tenant" || !!c.tenantId, { error: "Enter the tenant id (CXone's account settings show it).", path: ["tenantId"] })
  .refine((c) => c.hostBy !== "apiHost" || !!c.apiHost, { error: "Enter the API host, like https://api-na1.niceincontact.com.", path: ["apiHost"] })
  .transform((c) => ({
    issuer: c.issuer || undefined,
    tenantId: c.hostBy === "tenant" ? c.tenantId : undefined,
    apiHost: c.hostBy === "apiHost" ? c.apiHost : undefined,
    accessKeyId: c.accessKeyId,
    accessKeySecret: c.accessKeySecret || undefined,
    clientId: c.clientId || undefined,
    clientSecret: c.clientSecret || undefined,
  }));

/** "Test connection" per capability, as stored beside the connection (read back through this schema). */
export const cxoneCapabilityReportSchema = z.object({
  profile: z.enum(["seed", "platform"]),
  ok: z.boolean(),
  checks: z.array(
    z.object({
      key: z.enum(["discovery", "signIn", "agentsRead", "skillsRead", "scheduleExport", "contactHistory", "importEndpoint", "coverageRead", "optimization"]),
      label: z.string(),
      state: z.enum(["ok", "missing_permission", "not_offered", "failed", "not_checked"]),
      message: z.string(),
    }),
  ),
  testedAt: z.string(),
});

/** The platform fields as the browser may see them: never a secret, only whether one is stored. */
export interface CxonePlatformView {
  issuer: string | null;
  tenantId: string | null;
  apiHost: string | null;
  accessKeyId: string;
  hasAccessKeySecret: boolean;
  clientId: string;
  hasClientSecret: boolean;
}
