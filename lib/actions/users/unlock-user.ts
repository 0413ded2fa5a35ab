"use server";

import { signInThrottle } from "../../auth/options";
import { unlockUserSchema } from "../../schemas/users";
import { unlockUser } from "../../services/users/unlock-user";
import { ACTION_CAPABILITY } from "../access";
import { capabilityAction } from "../safe-action";

/** Lifts a sign-in lockout (admins only); the account name's throttle starts again too. */
export const unlockUserAction = capabilityAction(ACTION_CAPABILITY.unlockUserAction)
  .inputSchema(unlockUserSchema)
  .action(async ({ parsedInput, ctx }) => {
    const { email } = await unlockUser(ctx.db, parsedInput.userId, { id: ctx.user.id, label: ctx.user.email }, new Date(), ctx.requestId);
    await (await signInThrottle()).forgive(email);
    return { email };
  });
