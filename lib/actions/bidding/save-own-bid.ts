"use server";

import { z } from "zod";
import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { saveOwnBid } from "../../services/bidding/submit-bid";

/** An agent saves a draft or submits their own ranking. */
export const saveOwnBidAction = capabilityAction(ACTION_CAPABILITY.saveOwnBidAction)
  .inputSchema(z.object({ scopeId: z.uuid(), preferences: z.array(z.object({ lineId: z.string(), rank: z.number().int() })).max(500), submit: z.boolean() }))
  .action(async ({ parsedInput, ctx }) => saveOwnBid(ctx.db, ctx.user, parsedInput, Date.now(), ctx.requestId));
