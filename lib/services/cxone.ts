import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "../db/client";
import { cxoneConnections, imports } from "../db/schema";
import { createCxoneClient, decryptSecret, encryptSecret, CxoneError, type CxoneClient } from "../cxone";
import { toCxoneShift } from "../csv";
import type { ValidShiftRow } from "../schemas/imports";
import { env } from "../env";
import { AppError } from "../errors";
import { logger } from "../logger";
import { recordAudit, type AuditActor } from "./audit";

const CONNECTION_ID = "default";

export interface CxoneConnectionView {
  region: string;
  baseUrl: string | null;
  clientId: string;
  hasSecret: boolean;
  source: "settings" | "environment" | "none";
  lastTestAt: string | null;
  lastTestResult: Record<string, unknown> | null;
}

/** The connection as the browser may see it: never the secret. */
export async function getCxoneConnectionView(db: Db): Promise<CxoneConnectionView> {
  const [row] = await db.select().from(cxoneConnections).where(eq(cxoneConnections.id, CONNECTION_ID));
  if (row) {
    return {
      region: row.region,
      baseUrl: row.region === "CUSTOM" ? row.baseUrl : null,
      clientId: row.clientId,
      hasSecret: true,
      source: "settings",
      lastTestAt: row.lastTestAt?.toISOString() ?? null,
      lastTestResult: row.lastTestResult ?? null,
    };
  }
  const e = env();
  if (e.CXONE_CLIENT_ID && e.CXONE_CLIENT_SECRET) {
    return { region: e.CXONE_BASE_URL ? "CUSTOM" : (e.CXONE_REGION ?? "NA"), baseUrl: e.CXONE_BASE_URL ?? null, clientId: e.CXONE_CLIENT_ID, hasSecret: true, source: "environment", lastTestAt: null, lastTestResult: null };
  }
  return { region: "NA", baseUrl: null, clientId: "", hasSecret: false, source: "none", lastTestAt: null, lastTestResult: null };
}

export interface CxoneConnectionInput {
  region: "NA" | "EU" | "JP" | "CUSTOM";
  baseUrl?: string;
  clientId: string;
  /** Omitted: keep the stored secret. */
  clientSecret?: string;
}

/** Saves the connection; the secret is encrypted with AES-256-GCM (key from CXONE_SECRET_KEY). */
export async function saveCxoneConnection(db: Db, input: CxoneConnectionInput, actor: AuditActor, requestId?: string): Promise<void> {
  const [existing] = await db.select().from(cxoneConnections).where(eq(cxoneConnections.id, CONNECTION_ID));
  if (!input.clientSecret && !existing) throw new AppError("VALIDATION", "Enter the client secret.");
  const baseUrl = input.region === "CUSTOM" ? input.baseUrl ?? "" : "";
  // Validate by building a client (same rules as at use: https, or http on loopback only).
  try {
    createCxoneClient({ ...(input.region === "CUSTOM" ? { baseUrl } : { region: input.region }), clientId: input.clientId, clientSecret: input.clientSecret ?? "placeholder" });
  } catch (e) {
    throw new AppError("VALIDATION", e instanceof CxoneError ? e.message : "The connection settings are not valid.");
  }
  const secret = input.clientSecret ? encryptSecret(input.clientSecret, env().CXONE_SECRET_KEY, CONNECTION_ID) : existing!.clientSecretEncrypted;
  const values = { region: input.region, baseUrl, clientId: input.clientId, clientSecretEncrypted: secret, updatedBy: actor.id, updatedAt: new Date() };
  await db.transaction(async (tx) => {
    await tx.insert(cxoneConnections).values({ id: CONNECTION_ID, ...values }).onConflictDoUpdate({ target: cxoneConnections.id, set: values });
    await recordAudit(tx, {
      actor,
      action: "cxone.connection.saved",
      entityType: "cxone_connection",
      entityId: CONNECTION_ID,
      details: { region: input.region, baseUrl: baseUrl || null, clientId: input.clientId, secretChanged: !!input.clientSecret },
      requestId,
    });
  });
}

/** A client for the saved connection (or the environment's); null when none is configured. */
export async function getCxoneClient(db: Db): Promise<CxoneClient | null> {
  const [row] = await db.select().from(cxoneConnections).where(eq(cxoneConnections.id, CONNECTION_ID));
  if (row) {
    const clientSecret = decryptSecret(row.clientSecretEncrypted, env().CXONE_SECRET_KEY, CONNECTION_ID);
    return createCxoneClient({ ...(row.region === "CUSTOM" ? { baseUrl: row.baseUrl } : { region: row.region as "NA" | "EU" | "JP" }), clientId: row.clientId, clientSecret }, { logger });
  }
  const e = env();
  if (e.CXONE_CLIENT_ID && e.CXONE_CLIENT_SECRET) {
    return createCxoneClient({ ...(e.CXONE_BASE_URL ? { baseUrl: e.CXONE_BASE_URL } : { region: e.CXONE_REGION ?? "NA" }), clientId: e.CXONE_CLIENT_ID, clientSecret: e.CXONE_CLIENT_SECRET }, { logger });
  }
  return null;
}

export async function requireCxoneClient(db: Db): Promise<CxoneClient> {
  const client = await getCxoneClient(db);
  if (!client) throw new AppError("UPSTREAM", "The CXone backend is on but no connection is configured: an admin sets it in Settings → CXone connection.");
  return client;
}

/** Proves the token and each scope with light reads, and keeps the result beside the connection. */
export async function testCxoneConnection(db: Db, actor: AuditActor, requestId?: string) {
  const client = await requireCxoneClient(db);
  const result = await client.testConnection();
  await db.update(cxoneConnections).set({ lastTestAt: new Date(), lastTestResult: result as unknown as Record<string, unknown> }).where(eq(cxoneConnections.id, CONNECTION_ID));
  await recordAudit(db, { actor, action: "cxone.connection.tested", entityType: "cxone_connection", entityId: CONNECTION_ID, details: { ok: result.ok }, requestId });
  return result;
}

/**
 * With WFM_BACKEND=cxone, pushes the shifts an import committed to CXone in batches and
 * records CXone's processed/failed counts per batch on the import. The local commit stands
 * either way; a failed push is recorded, not hidden.
 */
export async function pushImportToCxone(db: Db, importId: string, rows: readonly ValidShiftRow[]): Promise<Record<string, unknown> | null> {
  if (env().WFM_BACKEND !== "cxone" || rows.length === 0) return null;
  let summary: Record<string, unknown>;
  try {
    const client = await requireCxoneClient(db);
    const result = await client.importShifts(rows.map(toCxoneShift), { rowNumbers: rows.map((r) => r.row), overwriteConflicts: false });
    summary = {
      status: result.status,
      processedCount: result.processedCount,
      failedCount: result.failedCount,
      batches: result.batches.map((b) => ({ batch: b.batch, status: b.status, processedCount: b.processedCount, failedCount: b.failedCount, jobId: b.jobId })),
      errors: result.errors.slice(0, 200).map((e) => ({ row: e.row, field: e.field, code: e.code, message: e.message })),
    };
  } catch (e) {
    summary = { status: "FAILED", message: e instanceof CxoneError || e instanceof AppError ? e.message : "The push to CXone failed." };
    logger.warn({ err: e, importId }, "cxone push failed");
  }
  await db.update(imports).set({ cxoneResult: summary }).where(eq(imports.id, importId));
  return summary;
}
