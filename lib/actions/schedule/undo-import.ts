"use server";

import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { undoImportSchema } from "../../schemas/schedule";
import { undoImport } from "../../services/schedule/undo-import";

/** Undo a shift import: remove what it added, restore what it replaced, or say why not. */
export const undoImportAction = capabilityAction(ACTION_CAPABILITY.undoImportAction)
  .inputSchema(undoImportSchema)
  .action(async ({ parsedInput, ctx }) => undoImport(ctx.db, parsedInput, ctx.user, Date.now(), ctx.requestId));
