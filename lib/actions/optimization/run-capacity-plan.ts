"use server";

import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { capacityPlanFormSchema } from "../../schemas/capacity-plan";
import { planCapacity } from "../../services/optimization/capacity-plan";

/** Agents per shift type per day for one skill's required agents (HiGHS, proven optimal or with its bound). */
export const runCapacityPlanAction = capabilityAction(ACTION_CAPABILITY.runCapacityPlanAction)
  .inputSchema(capacityPlanFormSchema)
  .action(async ({ parsedInput, ctx }) => planCapacity(ctx.db, parsedInput));
