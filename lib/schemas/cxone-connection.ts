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
