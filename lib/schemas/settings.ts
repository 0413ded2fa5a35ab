import { z } from "zod";

/** A message for a missing or non-number value only: a type's `error` would otherwise answer for its range checks too. */
const onlyType = (message: string) => (iss: { code?: string }) => (iss.code === "invalid_type" ? message : undefined);

/** Gap thresholds (DOMAIN.md, Gaps): a day is a gap below `gapBelow`, HIGH below `highBelow`. */
export const gapThresholdsSchema = z
  .object({
    gapBelow: z.number({ error: onlyType("Gap threshold must be a number.") }).gt(0).max(1),
    highBelow: z.number({ error: onlyType("High-priority threshold must be a number.") }).gt(0).max(1),
    windowMinShortfall: z.number().min(0.1).max(50),
  })
  .refine((v) => v.highBelow <= v.gapBelow, { error: "The HIGH threshold must not be above the gap threshold.", path: ["highBelow"] });

export type GapThresholdsInput = z.infer<typeof gapThresholdsSchema>;

export const DEFAULT_GAP_THRESHOLDS_SETTING: GapThresholdsInput = { gapBelow: 0.85, highBelow: 0.7, windowMinShortfall: 0.5 };
