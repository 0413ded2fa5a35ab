"use server";

import { z } from "zod";
import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { testCxoneConnection } from "../../services/settings/cxone-connection";

/** Proves the stored credentials and each scope with light reads before anything is written. */
export const testCxoneConnectionAction = capabilityAction(ACTION_CAPABILITY.testCxoneConnectionAction)
  .inputSchema(z.object({}).strict())
  .action(async ({ ctx }) => testCxoneConnection(ctx.db, { id: ctx.user.id, label: ctx.user.email }, ctx.requestId));
