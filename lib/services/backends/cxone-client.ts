import "server-only";
import type { Db } from "../../db/client";
import { getConnection } from "../../db/queries/cxone-connections";
import { createCxoneClient, createPlatformClient, decryptSecret, type CxoneClient, type CxoneClientDeps, type PlatformClient } from "../../cxone";
import { env } from "../../env";
import { AppError } from "../../errors";
import { logger } from "../../logger";

/** The one stored connection (the tenant this dashboard talks to). */
export const CXONE_CONNECTION_ID = "default";

/** A client for the saved connection (or the environment's); null when none is configured. */
export async function getCxoneClient(db: Db): Promise<CxoneClient | null> {
  const row = await getConnection(db, CXONE_CONNECTION_ID);
  // The NICE platform profile has no seed-contract client (no import, coverage or optimization API).
  if (row?.profile === "platform") return null;
  if (row) {
    const clientSecret = decryptSecret(row.clientSecretEncrypted, env().CXONE_SECRET_KEY, CXONE_CONNECTION_ID);
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
  if (client) return client;
  const row = await getConnection(db, CXONE_CONNECTION_ID);
  if (row?.profile === "platform") {
    // Say why instead of "not configured": the platform profile is configured, it just has no such API.
    throw new AppError(
      "UPSTREAM",
      "The connected NICE platform profile has no shift import, coverage or optimization API (they are the seed's WFM API contract only): Shiftboard keeps using its own engines, and shifts go to CXone as the import template file from the Shifts page.",
    );
  }
  throw new AppError("UPSTREAM", "The CXone backend is on but no connection is configured: an admin sets it in Settings → CXone connection.");
}

/** Associated data of the stored access key secret (the client secret uses the connection id). */
export const ACCESS_KEY_AD = `${CXONE_CONNECTION_ID}:access-key`;

/**
 * A NICE platform client for the saved connection when its profile is "platform", else null.
 * On this profile `baseUrl` holds the sign-in issuer (empty: NICE's) and the client id and
 * secret are the registered application's (optional: the JSON access-key sign-in without one).
 */
export async function getPlatformClient(db: Db, deps: CxoneClientDeps = {}): Promise<PlatformClient | null> {
  const row = await getConnection(db, CXONE_CONNECTION_ID);
  if (row?.profile !== "platform" || !row.accessKeyId || !row.accessKeySecretEncrypted) return null;
  const key = env().CXONE_SECRET_KEY;
  const app = row.clientId ? { clientId: row.clientId, clientSecret: decryptSecret(row.clientSecretEncrypted, key, CXONE_CONNECTION_ID) } : {};
  return createPlatformClient(
    {
      ...(row.baseUrl ? { issuer: row.baseUrl } : {}),
      ...(row.tenantId ? { tenantId: row.tenantId } : { apiHost: row.apiHost ?? "" }),
      ...(env().CXONE_API_HOST_TEMPLATE ? { apiHostTemplate: env().CXONE_API_HOST_TEMPLATE } : {}),
      accessKeyId: row.accessKeyId,
      accessKeySecret: decryptSecret(row.accessKeySecretEncrypted, key, ACCESS_KEY_AD),
      ...app,
    },
    { logger, ...deps },
  );
}

export async function requirePlatformClient(db: Db, what: string, deps: CxoneClientDeps = {}): Promise<PlatformClient> {
  const client = await getPlatformClient(db, deps);
  if (!client) {
    throw new AppError("VALIDATION", `${what} needs the NICE platform profile: an admin picks it in Settings → CXone connection (the seed's WFM API has no such endpoint).`);
  }
  return client;
}
