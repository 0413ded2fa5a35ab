"use server";

import { z } from "zod";
import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { historyAsDemand, historyRangeSchema } from "../../services/cxone/contact-history";

/** Stored contact history as demand through Erlang C (a dry run first, then the import). */
export const historyAsDemandAction = capabilityAction(ACTION_CAPABILITY.historyAsDemandAction)
  .inputSchema(z.object({ range: historyRangeSchema, dryRun: z.boolean() }))
  .action(async ({ parsedInput, ctx }) => historyAsDemand(ctx.db, parsedInput.range, { id: ctx.user.id, label: ctx.user.email }, { dryRun: parsedInput.dryRun, requestId: ctx.requestId }));
