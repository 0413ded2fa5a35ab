"use server";

import { z } from "zod";
import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { testCxoneConnection } from "../../services/cxone";
import { CxoneError } from "../../cxone";
import { AppError } from "../../errors";

/** Proves the stored credentials and each scope with light reads before anything is written. */
export const testCxoneConnectionAction = capabilityAction(ACTION_CAPABILITY.testCxoneConnectionAction)
  .inputSchema(z.object({}).strict())
  .action(async ({ ctx }) => {
    try {
      return await testCxoneConnection(ctx.db, { id: ctx.user.id, label: ctx.user.email }, ctx.requestId);
    } catch (e) {
      if (e instanceof CxoneError) throw new AppError("UPSTREAM", e.message);
      throw e;
    }
  });
