"use server";

import { z } from "zod";
import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { importBidsCsv } from "../../services/bidding/import-bids-csv";

/** A planner imports bids on agents' behalf (CSV: agentId, lineId, rank); unknown agents or bad rows store nothing. */
export const enterBidsAction = capabilityAction(ACTION_CAPABILITY.enterBidsAction)
  .inputSchema(z.object({ scopeId: z.uuid(), csv: z.string().max(2_000_000) }))
  .action(async ({ parsedInput, ctx }) => importBidsCsv(ctx.db, parsedInput, { id: ctx.user.id, label: ctx.user.email }, Date.now(), ctx.requestId));
