import { z } from "zod";
import { safeText } from "./text";
import { columnMappingSchema } from "./imports";

const flag = z
  .enum(["true", "false", "1", "0"], { error: "Use true or false." })
  .default("false")
  .transform((v) => v === "true" || v === "1");

/** Options of a shift upload, sent as query parameters beside the file body. */
export const shiftUploadQuerySchema = z.object({
  fileName: safeText().min(1, { error: "Name the file." }).max(255),
  dryRun: flag,
  overwriteConflicts: flag,
  onlyValidRows: flag,
  mapping: safeText()
    .max(4000)
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      try {
        const parsed = columnMappingSchema.safeParse(JSON.parse(v));
        if (parsed.success) return parsed.data;
        ctx.addIssue({ code: "custom", message: parsed.error.issues[0]?.message ?? "Not a column mapping." });
      } catch {
        ctx.addIssue({ code: "custom", message: "The mapping is not valid JSON." });
      }
      return z.NEVER;
    }),
});

export type ShiftUploadQuery = z.infer<typeof shiftUploadQuerySchema>;
