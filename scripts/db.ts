/**
 * Opens the database the way the dashboard does (DATABASE_URL, else the embedded
 * PGlite folder) for scripts run outside Next.
 */
import path from "node:path";
import { env } from "@/lib/env";
import { openPglite, openPostgres, type OpenedDb } from "@/lib/db/client";

export function openAppDatabase(): Promise<OpenedDb> {
  const { DATABASE_URL, PGLITE_DATA_DIR } = env();
  return DATABASE_URL ? openPostgres(DATABASE_URL, { max: 4 }) : openPglite(path.resolve(process.cwd(), PGLITE_DATA_DIR));
}
