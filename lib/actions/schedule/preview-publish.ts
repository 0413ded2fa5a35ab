"use server";

import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { publishSelectionSchema } from "../../schemas/schedule";
import { previewPublish } from "../../services/schedule/preview-publish";

/** What publishing a selection would change; pass its shiftIds to publishShiftsAction. */
export const previewPublishAction = capabilityAction(ACTION_CAPABILITY.previewPublishAction)
  .inputSchema(publishSelectionSchema)
  .action(async ({ parsedInput, ctx }) => previewPublish(ctx.db, parsedInput, ctx.user));
