import "server-only";
import type { Db } from "../../db/client";
import type { AuditActor } from "../audit";
import { saveScope, type SavedScope } from "./save-scope";

/** A new scope starts as a draft; the linter's findings come back with it. */
export function createScope(db: Db, raw: unknown, actor: AuditActor, requestId?: string): Promise<SavedScope> {
  return saveScope(db, null, raw, actor, requestId);
}
