import "server-only";
import type { Db } from "../../db/client";
import { listApiTokens as listRows } from "../../db/queries/api-tokens";
import { assertCan, type CurrentUser } from "../../auth/checks";
import type { ApiTokenView } from "../../types/api-tokens";
import { toTokenView } from "./view";

/** Every API token with its status, newest first (admins). Never the token itself. */
export async function listApiTokens(db: Db, user: CurrentUser, now: Date): Promise<ApiTokenView[]> {
  assertCan(user, "api.tokens.manage");
  return (await listRows(db)).map((r) => toTokenView(r, now, r.createdByEmail));
}
