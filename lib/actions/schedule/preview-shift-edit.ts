"use server";

import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { previewShiftEditSchema } from "../../schemas/schedule";
import { previewShiftEdit } from "../../services/schedule/preview-shift-edit";

/** The rules an edit (or new shift) breaks and the net coverage it moves, stored nowhere. */
export const previewShiftEditAction = capabilityAction(ACTION_CAPABILITY.previewShiftEditAction)
  .inputSchema(previewShiftEditSchema)
  .action(async ({ parsedInput, ctx }) => previewShiftEdit(ctx.db, parsedInput, ctx.user));
