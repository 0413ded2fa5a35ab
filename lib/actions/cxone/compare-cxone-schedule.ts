"use server";

import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { compareCxoneSchedule, compareScheduleSchema } from "../../services/cxone/compare-schedule";

/** CXone's exported schedule against ours for a range; reads only. */
export const compareCxoneScheduleAction = capabilityAction(ACTION_CAPABILITY.compareCxoneScheduleAction)
  .inputSchema(compareScheduleSchema)
  .action(async ({ parsedInput, ctx }) => compareCxoneSchedule(ctx.db, ctx.user, parsedInput));
