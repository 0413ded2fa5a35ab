"use server";

import { z } from "zod";
import { safeText } from "../../schemas/text";
import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { getColleagueShifts } from "../../services/trades/my-trades";

/** An agent reads a colleague's coming shifts (times and site) to pick the other side of a swap. */
export const colleagueShiftsAction = capabilityAction(ACTION_CAPABILITY.colleagueShiftsAction)
  .inputSchema(z.object({ agentId: safeText().trim().min(1, { error: "Name the colleague." }).max(64) }))
  .action(async ({ parsedInput, ctx }) => ({ shifts: await getColleagueShifts(ctx.db, ctx.user, parsedInput.agentId, Date.now()) }));
