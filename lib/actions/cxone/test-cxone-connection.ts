"use server";

import { z } from "zod";
import { roleAction } from "../safe-action";
import { ACTION_ROLES } from "../access";
import { testCxoneConnection } from "../../services/settings/cxone-connection";

/** Proves the stored credentials and each scope with light reads before anything is written. */
export const testCxoneConnectionAction = roleAction(ACTION_ROLES.testCxoneConnectionAction)
  .inputSchema(z.object({}).strict())
  .action(async ({ ctx }) => testCxoneConnection(ctx.db, { id: ctx.user.id, label: ctx.user.email }, ctx.requestId));
