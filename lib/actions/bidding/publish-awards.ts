"use server";

import { z } from "zod";
import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { publishAwards } from "../../services/bidding/publish-awards";

/** Publishes a period's awards as draft shifts. */
export const publishAwardsAction = capabilityAction(ACTION_CAPABILITY.publishAwardsAction)
  .inputSchema(z.object({ start: z.string(), end: z.string() }))
  .action(async ({ parsedInput, ctx }) => publishAwards(ctx.db, parsedInput, { id: ctx.user.id, label: ctx.user.email }, Date.now(), ctx.requestId));
