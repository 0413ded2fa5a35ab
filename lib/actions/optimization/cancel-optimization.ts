"use server";

import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { cancelOptimizationSchema } from "../../schemas/optimization";
import { cancelOptimization } from "../../services/optimization/cancel";

/** Stops a running optimization; its best answer so far is kept. */
export const cancelOptimizationAction = capabilityAction(ACTION_CAPABILITY.cancelOptimizationAction)
  .inputSchema(cancelOptimizationSchema)
  .action(async ({ parsedInput, ctx }) => cancelOptimization(ctx.db, parsedInput.runId, { id: ctx.user.id, label: ctx.user.email }, ctx.requestId));
