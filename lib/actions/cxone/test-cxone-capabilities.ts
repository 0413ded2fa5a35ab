"use server";

import { z } from "zod";
import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { testCxoneCapabilities } from "../../services/cxone/test-capabilities";

/** "Test connection" per capability for whichever profile is stored: light reads only. */
export const testCxoneCapabilitiesAction = capabilityAction(ACTION_CAPABILITY.testCxoneCapabilitiesAction)
  .inputSchema(z.object({}).strict())
  .action(async ({ ctx }) => testCxoneCapabilities(ctx.db, ctx.user, { requestId: ctx.requestId }));
