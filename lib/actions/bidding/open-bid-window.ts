"use server";

import { z } from "zod";
import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { openWindow } from "../../services/bidding/open-window";

/** Opens a scope's window; linter errors block it. */
export const openBidWindowAction = capabilityAction(ACTION_CAPABILITY.openBidWindowAction)
  .inputSchema(z.object({ id: z.uuid() }))
  .action(async ({ parsedInput, ctx }) => {
    await openWindow(ctx.db, parsedInput.id, { id: ctx.user.id, label: ctx.user.email }, ctx.requestId);
    return { ok: true };
  });
