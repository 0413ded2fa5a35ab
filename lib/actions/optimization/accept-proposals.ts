"use server";

import { capabilityAction } from "../safe-action";
import { ACTION_CAPABILITY } from "../access";
import { acceptProposalsSchema } from "../../schemas/optimization";
import { acceptProposals } from "../../services/optimization/accept";

/** Writes the chosen proposals of a run as draft shifts; those that no longer fit come back refused with the reason. */
export const acceptProposalsAction = capabilityAction(ACTION_CAPABILITY.acceptProposalsAction)
  .inputSchema(acceptProposalsSchema)
  .action(async ({ parsedInput, ctx }) => acceptProposals(ctx.db, ctx.user, parsedInput, ctx.requestId));
