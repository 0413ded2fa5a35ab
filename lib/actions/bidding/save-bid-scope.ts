"use server";

import { z } from "zod";
import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { createScope } from "../../services/bidding/create-scope";
import { updateScope } from "../../services/bidding/update-scope";

/** An admin creates (no id) or edits a scope; the scope itself is validated by the service with field-named messages, and the linter's findings come back. */
export const saveBidScopeAction = capabilityAction(ACTION_CAPABILITY.saveBidScopeAction)
  .inputSchema(z.object({ id: z.uuid().nullable(), scope: z.record(z.string(), z.unknown()) }))
  .action(async ({ parsedInput, ctx }) => {
    const actor = { id: ctx.user.id, label: ctx.user.email };
    return parsedInput.id ? updateScope(ctx.db, parsedInput.id, parsedInput.scope, actor, ctx.requestId) : createScope(ctx.db, parsedInput.scope, actor, ctx.requestId);
  });
