"use server";

import { revokeApiTokenSchema } from "../../schemas/api-tokens";
import { revokeApiToken } from "../../services/api-tokens/revoke";
import { ACTION_CAPABILITY } from "../access";
import { capabilityAction } from "../safe-action";

/** Revokes an API token (admins): its next request gets 401. */
export const revokeApiTokenAction = capabilityAction(ACTION_CAPABILITY.revokeApiTokenAction)
  .inputSchema(revokeApiTokenSchema)
  .action(async ({ parsedInput, ctx }) => revokeApiToken(ctx.db, ctx.user, parsedInput.tokenId, new Date(), ctx.requestId));
