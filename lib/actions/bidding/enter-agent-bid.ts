"use server";

import { z } from "zod";
import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { saveBid } from "../../services/bidding/save-bid";

/** A planner enters one agent's ranking on their behalf (checked like the agent's own; audited under the planner's name). */
export const enterAgentBidAction = capabilityAction(ACTION_CAPABILITY.enterAgentBidAction)
  .inputSchema(
    z.object({
      scopeId: z.uuid({ error: "Choose a bid scope." }),
      agentId: z.string().trim().min(1, { error: "Name the agent." }).max(64),
      preferences: z.array(z.object({ lineId: z.string().max(64), rank: z.number().int() })).min(1, { error: "Rank at least one line." }).max(500),
      submit: z.boolean(),
    }),
  )
  .action(async ({ parsedInput, ctx }) => saveBid(ctx.db, parsedInput, { id: ctx.user.id, label: ctx.user.email }, Date.now(), ctx.requestId));
