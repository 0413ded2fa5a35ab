"use server";

import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { exportCxoneTemplate, exportTemplateSchema } from "../../services/cxone/export-template";

/** Our shifts for a range as CXone's import template, with the fields changed and the publish state explained. */
export const exportCxoneTemplateAction = capabilityAction(ACTION_CAPABILITY.exportCxoneTemplateAction)
  .inputSchema(exportTemplateSchema)
  .action(async ({ parsedInput, ctx }) => exportCxoneTemplate(ctx.db, ctx.user, parsedInput, { requestId: ctx.requestId }));
