"use server";

import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { createShiftSchema } from "../../schemas/schedule";
import { createShift } from "../../services/schedule/create-shift";

/** Create a shift; rule errors or unconfirmed warnings store nothing and come back as findings (shift: null). */
export const createShiftAction = capabilityAction(ACTION_CAPABILITY.createShiftAction)
  .inputSchema(createShiftSchema)
  .action(async ({ parsedInput, ctx }) => createShift(ctx.db, parsedInput, ctx.user, Date.now(), ctx.requestId));
