import { z } from "zod";

/** The CXone connection form. The secret may be left empty to keep the stored one. */
export const cxoneConnectionSchema = z
  .object({
    region: z.enum(["NA", "EU", "JP", "CUSTOM"], { error: "Pick a region or a custom URL." }),
    baseUrl: z.string().trim().max(500).optional(),
    clientId: z.string().trim().min(1, { error: "Enter the client id." }).max(500),
    clientSecret: z.string().max(2000).optional(),
  })
  .refine((c) => c.region !== "CUSTOM" || !!c.baseUrl, { error: "Enter the base URL for a custom endpoint.", path: ["baseUrl"] })
  .transform((c) => ({ ...c, clientSecret: c.clientSecret ? c.clientSecret : undefined, baseUrl: c.region === "CUSTOM" ? c.baseUrl : undefined }));
