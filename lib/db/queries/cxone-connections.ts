import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { cxoneConnections } from "../schema";

export type CxoneConnectionRow = typeof cxoneConnections.$inferSelect;

export async function getConnection(db: Db, id: string): Promise<CxoneConnectionRow | undefined> {
  const [row] = await db.select().from(cxoneConnections).where(eq(cxoneConnections.id, id));
  return row;
}

export async function putConnection(
  db: Db,
  id: string,
  values: {
    region: string;
    baseUrl: string;
    clientId: string;
    clientSecretEncrypted: string;
    updatedBy: string | null;
    profile?: "seed" | "platform";
    tenantId?: string | null;
    apiHost?: string | null;
    accessKeyId?: string | null;
    accessKeySecretEncrypted?: string | null;
  },
): Promise<void> {
  const row = { ...values, updatedAt: new Date() };
  await db.insert(cxoneConnections).values({ id, ...row }).onConflictDoUpdate({ target: cxoneConnections.id, set: row });
}

export async function setConnectionTestResult(db: Db, id: string, at: Date, result: Record<string, unknown>): Promise<void> {
  await db.update(cxoneConnections).set({ lastTestAt: at, lastTestResult: result }).where(eq(cxoneConnections.id, id));
}
