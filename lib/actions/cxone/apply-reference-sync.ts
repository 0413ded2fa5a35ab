"use server";

import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { applyReferenceSync, applyReferenceSyncSchema } from "../../services/cxone/apply-reference-sync";

/** Applies the previewed sync (same fingerprint) in one audited transaction. */
export const applyReferenceSyncAction = capabilityAction(ACTION_CAPABILITY.applyReferenceSyncAction)
  .inputSchema(applyReferenceSyncSchema)
  .action(async ({ parsedInput, ctx }) => applyReferenceSync(ctx.db, ctx.user, parsedInput, { requestId: ctx.requestId }));
