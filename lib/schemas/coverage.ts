import { z } from "zod";
import { safeText } from "./text";
import { parseDateKey } from "../domain/time";

export const dateKey = z.string().refine((v) => parseDateKey(v) !== null, { error: "Use a date like 2026-11-23." });

/** The coverage page's filters, as they sit in the URL. */
export const coverageQuerySchema = z
  .object({
    from: dateKey.optional(),
    to: dateKey.optional(),
    site: safeText().max(64).optional(),
    skill: safeText().max(64).optional(),
    view: z.enum(["net", "gross"]).default("net"),
    day: dateKey.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { error: "The end date is before the start date.", path: ["to"] })
  .refine((q) => !q.from || !q.to || (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 <= 62, {
    error: "Pick at most 62 days.",
    path: ["to"],
  });

export type CoverageQuery = z.infer<typeof coverageQuerySchema>;
