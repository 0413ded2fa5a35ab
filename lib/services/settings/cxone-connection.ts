import "server-only";
import type { Db } from "../../db/client";
import { getConnection, putConnection, setConnectionTestResult } from "../../db/queries/cxone-connections";
import { createCxoneClient, encryptSecret, CxoneError } from "../../cxone";
import { env } from "../../env";
import { AppError } from "../../errors";
import { cxoneConnectionTestSchema, type CxoneConnectionTest, type CxoneConnectionView } from "../../schemas/cxone-connection";
import { recordAudit, type AuditActor } from "../audit";
import { CXONE_CONNECTION_ID, requireCxoneClient } from "../backends/cxone-client";

/** The connection as the browser may see it: never the secret. */
export async function getCxoneConnectionView(db: Db): Promise<CxoneConnectionView> {
  const row = await getConnection(db, CXONE_CONNECTION_ID);
  if (row) {
    const lastTest = cxoneConnectionTestSchema.safeParse(row.lastTestResult);
    return {
      region: row.region,
      baseUrl: row.region === "CUSTOM" ? row.baseUrl : null,
      clientId: row.clientId,
      hasSecret: true,
      source: "settings",
      lastTestAt: row.lastTestAt?.toISOString() ?? null,
      lastTestResult: lastTest.success ? lastTest.data : null,
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
  const existing = await getConnection(db, CXONE_CONNECTION_ID);
  if (!input.clientSecret && !existing) throw new AppError("VALIDATION", "Enter the client secret.");
  const baseUrl = input.region === "CUSTOM" ? (input.baseUrl ?? "") : "";
  // Validate by building a client (same rules as at use: https, or http on loopback only).
  try {
    createCxoneClient({ ...(input.region === "CUSTOM" ? { baseUrl } : { region: input.region }), clientId: input.clientId, clientSecret: input.clientSecret ?? "placeholder" });
  } catch (e) {
    throw new AppError("VALIDATION", e instanceof CxoneError ? e.message : "The connection settings are not valid.");
  }
  const secret = input.clientSecret ? encryptSecret(input.clientSecret, env().CXONE_SECRET_KEY, CXONE_CONNECTION_ID) : existing!.clientSecretEncrypted;
  await db.transaction(async (tx) => {
    await putConnection(tx, CXONE_CONNECTION_ID, { region: input.region, baseUrl, clientId: input.clientId, clientSecretEncrypted: secret, updatedBy: actor.id });
    await recordAudit(
      tx,
      actor,
      { action: "cxone.connection.saved", entityType: "cxone_connection", entityId: CXONE_CONNECTION_ID, details: { region: input.region, baseUrl: baseUrl || null, clientId: input.clientId, secretChanged: !!input.clientSecret } },
      requestId,
    );
  });
}

/**
 * Proves the token and each scope with light reads, and keeps the result beside the
 * connection. A CXone failure reaches the caller as an UPSTREAM error with CXone's words.
 */
export async function testCxoneConnection(db: Db, actor: AuditActor, requestId?: string): Promise<CxoneConnectionTest> {
  let result: CxoneConnectionTest;
  try {
    const client = await requireCxoneClient(db);
    result = cxoneConnectionTestSchema.parse(await client.testConnection());
  } catch (e) {
    if (e instanceof CxoneError) throw new AppError("UPSTREAM", e.message);
    throw e;
  }
  await setConnectionTestResult(db, CXONE_CONNECTION_ID, new Date(), result);
  await recordAudit(db, actor, { action: "cxone.connection.tested", entityType: "cxone_connection", entityId: CXONE_CONNECTION_ID, details: { ok: result.ok } }, requestId);
  return result;
}
