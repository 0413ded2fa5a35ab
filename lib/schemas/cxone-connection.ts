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
}
