"use server";

import { z } from "zod";
import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { archiveScope } from "../../services/bidding/archive-scope";

/** Archives a scope (kept for the record, out of the linter and the award runs). */
export const archiveBidScopeAction = capabilityAction(ACTION_CAPABILITY.archiveBidScopeAction)
  .inputSchema(z.object({ id: z.uuid() }))
  .action(async ({ parsedInput, ctx }) => {
    await archiveScope(ctx.db, parsedInput.id, { id: ctx.user.id, label: ctx.user.email }, ctx.requestId);
    return { ok: true };
  });
