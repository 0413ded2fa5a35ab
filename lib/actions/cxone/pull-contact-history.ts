"use server";

import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { historyRangeSchema, pullContactHistory } from "../../services/cxone/contact-history";

/** Pulls CXone's historical contacts per skill and interval into our history (platform profile), audited. */
export const pullContactHistoryAction = capabilityAction(ACTION_CAPABILITY.pullContactHistoryAction)
  .inputSchema(historyRangeSchema)
  .action(async ({ parsedInput, ctx }) => pullContactHistory(ctx.db, parsedInput, { id: ctx.user.id, label: ctx.user.email }, { requestId: ctx.requestId }));
