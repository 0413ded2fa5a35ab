import "server-only";
import { and, arrayContains, asc, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { executeRows } from "../execute";
import { users, webhookDeliveries, webhookEndpoints } from "../schema";

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;

export async function insertWebhookEndpoint(
  db: Db,
  row: { id: string; url: string; events: string[]; secretEncrypted: string; secretPrefix: string; createdBy: string | null; createdAt: Date },
): Promise<WebhookEndpointRow> {
  const [inserted] = await db.insert(webhookEndpoints).values(row).returning();
  return inserted;
}

export async function getWebhookEndpoint(db: Db, id: string): Promise<WebhookEndpointRow | null> {
  const [row] = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)).limit(1);
  return row ?? null;
}

/** Every endpoint, oldest first, with the email of the admin who registered it. */
export async function listWebhookEndpoints(db: Db): Promise<(WebhookEndpointRow & { createdByEmail: string | null })[]> {
  return db
    .select({ endpoint: webhookEndpoints, createdByEmail: users.email })
    .from(webhookEndpoints)
    .leftJoin(users, eq(users.id, webhookEndpoints.createdBy))
    .orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id))
    .then((rows) => rows.map((r) => ({ ...r.endpoint, createdByEmail: r.createdByEmail })));
}

/** The active endpoints subscribed to an event. */
export async function subscribedWebhookEndpoints(db: Db, eventType: string): Promise<WebhookEndpointRow[]> {
  return db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.active, true), arrayContains(webhookEndpoints.events, [eventType])));
}

/** False when there is no such endpoint or it already has that state. */
export async function setWebhookEndpointActive(db: Db, id: string, active: boolean): Promise<boolean> {
  const rows = await db
    .update(webhookEndpoints)
    .set({ active })
    .where(and(eq(webhookEndpoints.id, id), eq(webhookEndpoints.active, !active)))
    .returning({ id: webhookEndpoints.id });
  return rows.length > 0;
}

/** Deletes the endpoint and (cascade) its delivery log. */
export async function deleteWebhookEndpoint(db: Db, id: string): Promise<boolean> {
  const rows = await db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id)).returning({ id: webhookEndpoints.id });
  return rows.length > 0;
}

export async function insertWebhookDeliveries(
  db: Db,
  rows: { endpointId: string; eventType: string; payload: Record<string, unknown>; nextAttemptAt: Date; createdAt: Date }[],
): Promise<{ id: string; endpointId: string }[]> {
  if (rows.length === 0) return [];
  return db.insert(webhookDeliveries).values(rows).returning({ id: webhookDeliveries.id, endpointId: webhookDeliveries.endpointId });
}

export async function getWebhookDelivery(db: Db, id: string): Promise<{ delivery: WebhookDeliveryRow; endpoint: WebhookEndpointRow } | null> {
  const [row] = await db
    .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(eq(webhookDeliveries.id, id))
    .limit(1);
  return row ?? null;
}

/**
 * Records one attempt on a pending delivery: its outcome, and either the time of the next
 * attempt or the final status. False when the delivery is no longer pending (delivered by
 * another run of the same job, or deleted with its endpoint).
 */
export async function recordWebhookAttempt(
  db: Db,
  id: string,
  attempt: { status: "pending" | "delivered" | "failed"; httpStatus: number | null; error: string | null; at: Date; nextAttemptAt: Date | null },
): Promise<boolean> {
  const rows = await db
    .update(webhookDeliveries)
    .set({
      status: attempt.status,
      attempts: sql`${webhookDeliveries.attempts} + 1`,
      lastHttpStatus: attempt.httpStatus,
      lastError: attempt.error,
      lastAttemptAt: attempt.at,
      nextAttemptAt: attempt.nextAttemptAt,
      deliveredAt: attempt.status === "delivered" ? attempt.at : null,
    })
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.status, "pending")))
    .returning({ id: webhookDeliveries.id });
  return rows.length > 0;
}

/** A failed delivery goes back to pending for one more attempt (its count goes on). False unless it was failed. */
export async function reopenWebhookDelivery(db: Db, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(webhookDeliveries)
    .set({ status: "pending", nextAttemptAt: now })
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.status, "failed")))
    .returning({ id: webhookDeliveries.id });
  return rows.length > 0;
}

/** The latest `perEndpoint` deliveries of each endpoint, newest first. */
export async function latestWebhookDeliveries(db: Db, perEndpoint: number): Promise<WebhookDeliveryRow[]> {
  const ranked = await executeRows<{ id: string }>(
    db,
    sql`select id from (
      select id, row_number() over (partition by endpoint_id order by created_at desc, id desc) as n from webhook_deliveries
    ) ranked where n <= ${perEndpoint}`,
  );
  if (ranked.length === 0) return [];
  return db
    .select()
    .from(webhookDeliveries)
    .where(sql`${webhookDeliveries.id} in (${sql.join(ranked.map((r) => sql`${r.id}`), sql`, `)})`)
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id));
}

/** When the earliest pending delivery is next due after `after` (null: none waits). */
export async function nextPendingWebhookAttempt(db: Db, after: Date): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<Date | string | null>`min(${webhookDeliveries.nextAttemptAt})` })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.status, "pending"), sql`${webhookDeliveries.nextAttemptAt} > ${after.toISOString()}`));
  return row?.at ? new Date(row.at) : null;
}

/** One endpoint's deliveries, newest first, after a (createdAt, id) key; one more than `limit` tells if a page follows. */
export async function pageWebhookDeliveries(db: Db, endpointId: string, after: { createdAt: Date; id: string } | null, limit: number): Promise<WebhookDeliveryRow[]> {
  const where = after
    ? and(
        eq(webhookDeliveries.endpointId, endpointId),
        sql`(${webhookDeliveries.createdAt}, ${webhookDeliveries.id}) < (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)`,
      )
    : eq(webhookDeliveries.endpointId, endpointId);
  return db
    .select()
    .from(webhookDeliveries)
    .where(where)
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit + 1);
}
