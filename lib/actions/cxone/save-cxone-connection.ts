"use server";

import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { cxoneConnectionSchema } from "../../schemas/cxone-connection";
import { saveCxoneConnection } from "../../services/settings/cxone-connection";

/** Saves the CXone connection; the secret is encrypted at rest and never sent back. */
export const saveCxoneConnectionAction = capabilityAction(ACTION_CAPABILITY.saveCxoneConnectionAction)
  .inputSchema(cxoneConnectionSchema)
  .action(async ({ parsedInput, ctx }) => {
    await saveCxoneConnection(ctx.db, parsedInput, { id: ctx.user.id, label: ctx.user.email }, ctx.requestId);
    return { saved: true };
  });
