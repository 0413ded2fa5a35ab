"use server";

import { z } from "zod";
import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { copyScope } from "../../services/bidding/copy-scope";

/** Copies a scope into a new draft. */
export const copyBidScopeAction = capabilityAction(ACTION_CAPABILITY.copyBidScopeAction)
  .inputSchema(z.object({ id: z.uuid() }))
  .action(async ({ parsedInput, ctx }) => copyScope(ctx.db, parsedInput.id, { id: ctx.user.id, label: ctx.user.email }, ctx.requestId));
