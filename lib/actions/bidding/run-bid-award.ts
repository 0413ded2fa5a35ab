"use server";

import { z } from "zod";
import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { launchAwardRun } from "../../services/bidding/run-award";

/** Queues the award run of a bid period. */
export const runBidAwardAction = capabilityAction(ACTION_CAPABILITY.runBidAwardAction)
  .inputSchema(z.object({ start: z.string(), end: z.string() }))
  .action(async ({ parsedInput, ctx }) => ({ jobId: await launchAwardRun(ctx.db, parsedInput, { id: ctx.user.id, label: ctx.user.email }, ctx.requestId) }));
