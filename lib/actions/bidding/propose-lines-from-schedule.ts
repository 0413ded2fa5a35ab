"use server";

import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { linesFromScheduleSchema, proposeLinesFromSchedule } from "../../services/bidding/lines-from-schedule";

/** A planner reads the schedule's weekly patterns of a scope as proposed lines (nothing stored). */
export const proposeLinesFromScheduleAction = capabilityAction(ACTION_CAPABILITY.proposeLinesFromScheduleAction)
  .inputSchema(linesFromScheduleSchema)
  .action(async ({ parsedInput, ctx }) => proposeLinesFromSchedule(ctx.db, parsedInput));
