"use server";

import { roleAction } from "../safe-action";
import { ACTION_ROLES } from "../access";
import { launchOptimizationSchema } from "../../schemas/optimization";
import { launchOptimization } from "../../services/optimization/launch";

/** Queues an optimization over a date range; the page polls the job. */
export const launchOptimizationAction = roleAction(ACTION_ROLES.launchOptimizationAction)
  .inputSchema(launchOptimizationSchema)
  .action(async ({ parsedInput, ctx }) => ({ jobId: await launchOptimization(ctx.db, parsedInput, { id: ctx.user.id, label: ctx.user.email }, ctx.requestId) }));
