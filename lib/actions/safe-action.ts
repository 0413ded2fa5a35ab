import "server-only";
import { randomUUID } from "node:crypto";
import { createSafeActionClient } from "next-safe-action";
import { assertCan, type CurrentUser } from "../auth/checks";
import { getCurrentUser } from "../auth/current-user";
import type { Capability } from "../auth/permissions";
import { getDb, type Db } from "../db/client";
import { AppError, isAppError, toPublicError, type PublicError } from "../errors";
import { logger } from "../logger";

/**
 * The layered action clients: actionClient (errors masked, request id) →
 * authedAction (a signed-in user, the database) → capabilityAction(capability). Middleware runs
 * before input validation, so an anonymous or wrong-role caller learns nothing about
 * the input shape. Site scope is checked inside each action against the loaded record.
 */
export const actionClient = createSafeActionClient({
  defaultValidationErrorsShape: "flattened",
  handleServerError(error): PublicError {
    const requestId = randomUUID();
    if (isAppError(error)) {
      if (error.code === "INTERNAL") logger.error({ err: error, requestId }, "action failed");
    } else {
      logger.error({ err: error, requestId }, "action failed");
    }
    return toPublicError(error, requestId);
  },
});

export interface ActionContext {
  user: CurrentUser;
  db: Db;
  requestId: string;
}

export const authedAction = actionClient.use(async ({ next }) => {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED");
  const db = await getDb();
  return next({ ctx: { user, db, requestId: randomUUID() } satisfies ActionContext });
});

/**
 * An action only the holders of this capability may call (lib/auth/permissions.ts). Each
 * action names its capability in lib/actions/access.ts so the refusal test can prove it.
 */
export function capabilityAction(capability: Capability) {
  return authedAction.use(async ({ next, ctx }) => {
    assertCan(ctx.user, capability);
    return next({ ctx });
  });
}
