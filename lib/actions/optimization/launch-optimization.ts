"use server";

import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { launchOptimizationSchema } from "../../schemas/optimization";
import { launchOptimization } from "../../services/optimization/launch";

/** Queues an optimization over a date range; the page polls the job. */
export const launchOptimizationAction = capabilityAction(ACTION_CAPABILITY.launchOptimizationAction)
  .inputSchema(launchOptimizationSchema)
  .action(async ({ parsedInput, ctx }) => ({ jobId: await launchOptimization(ctx.db, parsedInput, { id: ctx.user.id, label: ctx.user.email }, ctx.requestId) }));
