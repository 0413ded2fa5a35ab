import "server-only";
import type { Db } from "../client";
import { auditLog } from "../schema";

export interface AuditRow {
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  details: Record<string, unknown>;
  requestId: string | null;
}

/** Appends to the audit log (append-only at the database level: a trigger refuses UPDATE and DELETE). */
export async function insertAudit(db: Db, row: AuditRow): Promise<void> {
  await db.insert(auditLog).values(row);
}
