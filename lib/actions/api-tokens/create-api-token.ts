"use server";

import { createApiTokenSchema } from "../../schemas/api-tokens";
import { createApiToken } from "../../services/api-tokens/create";
import { ACTION_CAPABILITY } from "../access";
import { capabilityAction } from "../safe-action";

/** Mints an API service token (admins); the answer carries the token, shown this once. */
export const createApiTokenAction = capabilityAction(ACTION_CAPABILITY.createApiTokenAction)
  .inputSchema(createApiTokenSchema)
  .action(async ({ parsedInput, ctx }) => createApiToken(ctx.db, { user: ctx.user }, parsedInput, new Date(), ctx.requestId));
