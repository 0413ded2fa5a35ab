import "server-only";
import type { Db } from "../../db/client";
import { getConnection } from "../../db/queries/cxone-connections";
import { createCxoneClient, decryptSecret, type CxoneClient } from "../../cxone";
import { env } from "../../env";
import { AppError } from "../../errors";
import { logger } from "../../logger";

/** The one stored connection (the tenant this dashboard talks to). */
export const CXONE_CONNECTION_ID = "default";

/** A client for the saved connection (or the environment's); null when none is configured. */
export async function getCxoneClient(db: Db): Promise<CxoneClient | null> {
  const row = await getConnection(db, CXONE_CONNECTION_ID);
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
  if (!client) throw new AppError("UPSTREAM", "The CXone backend is on but no connection is configured: an admin sets it in Settings → CXone connection.");
  return client;
}
