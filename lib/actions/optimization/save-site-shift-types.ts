"use server";

import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { siteShiftTypesEnvelopeSchema } from "../../schemas/capacity-plan";
import { saveSiteShiftTypes } from "../../services/optimization/save-site-shift-types";

/** Saves the capacity plan's shift types for one site; the service reads each shift type and names a bad one's row and field. */
export const saveSiteShiftTypesAction = capabilityAction(ACTION_CAPABILITY.saveSiteShiftTypesAction)
  .inputSchema(siteShiftTypesEnvelopeSchema)
  .action(async ({ parsedInput, ctx }) => saveSiteShiftTypes(ctx.db, ctx.user, parsedInput, ctx.requestId));
