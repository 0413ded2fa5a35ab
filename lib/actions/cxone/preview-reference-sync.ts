"use server";

import { z } from "zod";
import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { previewReferenceSync } from "../../services/cxone/preview-reference-sync";

/** What syncing CXone's agents and skills would change; writes nothing. */
export const previewReferenceSyncAction = capabilityAction(ACTION_CAPABILITY.previewReferenceSyncAction)
  .inputSchema(z.object({}).strict())
  .action(async ({ ctx }) => previewReferenceSync(ctx.db, ctx.user));
