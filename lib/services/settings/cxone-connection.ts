import "server-only";
import type { Db } from "../../db/client";
import { getConnection, putConnection, setConnectionTestResult } from "../../db/queries/cxone-connections";
import { createCxoneClient, encryptSecret, platformConfigSchema, CxoneError } from "../../cxone";
import { env } from "../../env";
import { AppError } from "../../errors";
import { cxoneCapabilityReportSchema, cxoneConnectionTestSchema, type CxoneConnectionTest, type CxoneConnectionView } from "../../schemas/cxone-connection";
import { recordAudit, type AuditActor } from "../audit";
import { ACCESS_KEY_AD, CXONE_CONNECTION_ID, requireCxoneClient } from "../backends/cxone-client";

/** The connection as the browser may see it: never the secret. */
export async function getCxoneConnectionView(db: Db): Promise<CxoneConnectionView> {
  const row = await getConnection(db, CXONE_CONNECTION_ID);
  if (row) {
    const lastTest = cxoneConnectionTestSchema.safeParse(row.lastTestResult);
    const report = cxoneCapabilityReportSchema.safeParse(row.lastTestResult);
    const platform = row.profile === "platform";
    return {
      region: row.region,
      baseUrl: row.region === "CUSTOM" ? row.baseUrl : null,
      clientId: platform ? "" : row.clientId,
      hasSecret: platform ? false : true,
      source: "settings",
      lastTestAt: row.lastTestAt?.toISOString() ?? null,
      lastTestResult: lastTest.success ? lastTest.data : null,
      profile: platform ? "platform" : "seed",
      platform: platform
        ? {
            issuer: row.baseUrl || null,
            tenantId: row.tenantId,
            apiHost: row.apiHost,
            accessKeyId: row.accessKeyId ?? "",
            hasAccessKeySecret: !!row.accessKeySecretEncrypted,
            clientId: row.clientId,
            hasClientSecret: !!row.clientId && !!row.clientSecretEncrypted,
          }
        : null,
      lastCapabilityReport: report.success ? report.data : null,
    };
  }
  const e = env();
  if (e.CXONE_CLIENT_ID && e.CXONE_CLIENT_SECRET) {
    return { region: e.CXONE_BASE_URL ? "CUSTOM" : (e.CXONE_REGION ?? "NA"), baseUrl: e.CXONE_BASE_URL ?? null, clientId: e.CXONE_CLIENT_ID, hasSecret: true, source: "environment", lastTestAt: null, lastTestResult: null, profile: "seed", platform: null, lastCapabilityReport: null };
  }
  return { region: "NA", baseUrl: null, clientId: "", hasSecret: false, source: "none", lastTestAt: null, lastTestResult: null, profile: "seed", platform: null, lastCapabilityReport: null };
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
    await putConnection(tx, CXONE_CONNECTION_ID, { profile: "seed", region: input.region, baseUrl, clientId: input.clientId, clientSecretEncrypted: secret, tenantId: null, apiHost: null, accessKeyId: null, accessKeySecretEncrypted: null, updatedBy: actor.id });
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

export interface CxonePlatformConnectionInput {
  /** Sign-in issuer; omitted: NICE's. */
  issuer?: string;
  tenantId?: string;
  apiHost?: string;
  accessKeyId: string;
  /** Omitted: keep the stored one. */
  accessKeySecret?: string;
  /** The registered application (password grant); omitted: the JSON access-key sign-in. */
  clientId?: string;
  clientSecret?: string;
}

/**
 * Saves the NICE platform profile: tenant id (discovery) or API host, the access key (its
 * secret encrypted like the client secret, with its own associated data) and optionally the
 * registered application. The issuer is kept in `baseUrl`.
 */
export async function saveCxonePlatformConnection(db: Db, input: CxonePlatformConnectionInput, actor: AuditActor, requestId?: string): Promise<void> {
  const existing = await getConnection(db, CXONE_CONNECTION_ID);
  const keepKey = existing?.profile === "platform" && existing.accessKeyId === input.accessKeyId && !!existing.accessKeySecretEncrypted;
  if (!input.accessKeySecret && !keepKey) throw new AppError("VALIDATION", "Enter the access key secret.");
  const checked = platformConfigSchema.safeParse({
    ...(input.issuer ? { issuer: input.issuer } : {}),
    ...(input.tenantId ? { tenantId: input.tenantId } : {}),
    ...(input.apiHost ? { apiHost: input.apiHost } : {}),
    accessKeyId: input.accessKeyId,
    accessKeySecret: input.accessKeySecret ?? "kept",
    ...(input.clientId ? { clientId: input.clientId, clientSecret: input.clientSecret ?? "kept" } : {}),
  });
  if (!checked.success) throw new AppError("VALIDATION", checked.error.issues.map((i) => `${i.path.join(".") || "connection"}: ${i.message}`).join("; "));
  const key = env().CXONE_SECRET_KEY;
  const accessSecret = input.accessKeySecret ? encryptSecret(input.accessKeySecret, key, ACCESS_KEY_AD) : existing!.accessKeySecretEncrypted!;
  const appSecret = input.clientId && input.clientSecret ? encryptSecret(input.clientSecret, key, CXONE_CONNECTION_ID) : input.clientId && existing ? existing.clientSecretEncrypted : "";
  await db.transaction(async (tx) => {
    await putConnection(tx, CXONE_CONNECTION_ID, {
      profile: "platform",
      region: "PLATFORM",
      baseUrl: input.issuer ?? "",
      clientId: input.clientId ?? "",
      clientSecretEncrypted: appSecret,
      tenantId: input.tenantId ?? null,
      apiHost: input.apiHost ?? null,
      accessKeyId: input.accessKeyId,
      accessKeySecretEncrypted: accessSecret,
      updatedBy: actor.id,
    });
    await recordAudit(
      tx,
      actor,
      {
        action: "cxone.connection.saved",
        entityType: "cxone_connection",
        entityId: CXONE_CONNECTION_ID,
        details: { profile: "platform", region: "PLATFORM", baseUrl: input.issuer ?? null, clientId: input.clientId ?? "", secretChanged: !!input.accessKeySecret, tenantId: input.tenantId ?? null, apiHost: input.apiHost ?? null, accessKeyId: input.accessKeyId },
      },
      requestId,
    );
  });
}
