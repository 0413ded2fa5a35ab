"use server";

import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { publishSelectionSchema } from "../../schemas/schedule";
import { publishShifts } from "../../services/schedule/publish-shifts";

/** Publish a selection in one transaction (and push it to CXone when that backend is on). */
export const publishShiftsAction = capabilityAction(ACTION_CAPABILITY.publishShiftsAction)
  .inputSchema(publishSelectionSchema)
  .action(async ({ parsedInput, ctx }) => publishShifts(ctx.db, parsedInput, ctx.user, Date.now(), ctx.requestId));
