"use server";

import { roleAction } from "../safe-action";
import { ACTION_ROLES } from "../access";
import { cxoneConnectionSchema } from "../../schemas/cxone-connection";
import { saveCxoneConnection } from "../../services/settings/cxone-connection";

/** Saves the CXone connection; the secret is encrypted at rest and never sent back. */
export const saveCxoneConnectionAction = roleAction(ACTION_ROLES.saveCxoneConnectionAction)
  .inputSchema(cxoneConnectionSchema)
  .action(async ({ parsedInput, ctx }) => {
    await saveCxoneConnection(ctx.db, parsedInput, { id: ctx.user.id, label: ctx.user.email }, ctx.requestId);
    return { saved: true };
  });
