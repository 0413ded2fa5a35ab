import "server-only";
import type { Db } from "../db/client";
import { auditLog } from "../db/schema";

export interface AuditActor {
  id: string | null;
  /** "System" for the engines, the user's email otherwise. */
  label: string;
}

export interface AuditEntry {
  actor: AuditActor;
  action: string;
  entityType: string;
  entityId?: string | null;
  details?: Record<string, unknown>;
  requestId?: string | null;
}

/** Appends to the audit log (append-only at the database level). Pass the transaction when inside one. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorUserId: entry.actor.id,
    actorLabel: entry.actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    details: entry.details ?? {},
    requestId: entry.requestId ?? null,
  });
}
