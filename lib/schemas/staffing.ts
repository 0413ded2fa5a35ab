import { z } from "zod";
import { safeText } from "./text";

/** Staffing targets of one skill (DOMAIN.md, Demand and staffing). */
export const staffingSettingsSchema = z.object({
  skillId: safeText().trim().min(1).max(64),
  serviceLevelTarget: z.number({ error: "Service level target must be a number." }).gt(0, { error: "Service level target must be above 0 %." }).lt(1, { error: "Service level target must be below 100 %." }),
  serviceLevelSeconds: z.number().int({ error: "Answer time is whole seconds." }).min(1).max(3600),
  maxOccupancy: z.number().gt(0).max(1, { error: "Occupancy cannot exceed 100 %." }),
  shrinkage: z.number().min(0).lt(0.9, { error: "Shrinkage of 90 % or more leaves nobody on the phones." }),
});

export type StaffingSettingsInput = z.infer<typeof staffingSettingsSchema>;
