import "server-only";
import type { Db } from "../../db/client";
import type { AuditActor } from "../audit";
import { saveScope, type SavedScope } from "./save-scope";

/** Edits a scope; an open scope may not gain a linter error. */
export function updateScope(db: Db, id: string, raw: unknown, actor: AuditActor, requestId?: string): Promise<SavedScope> {
  return saveScope(db, id, raw, actor, requestId);
}
