import "server-only";
import type { SQL } from "drizzle-orm";
import type { Db } from "./client";

/**
 * Raw statements answer in each driver's own shape: node-postgres gives `rows` and
 * `rowCount`, PGlite `rows` and `affectedRows`. These two read either, so no query casts
 * a driver result itself.
 */
interface RawResult<T> {
  rows?: T[];
  rowCount?: number | null;
  affectedRows?: number;
}

/** The rows a raw statement returned (`select …`, `… returning …`). */
export async function executeRows<T extends Record<string, unknown>>(db: Db, statement: SQL): Promise<T[]> {
  const result = (await db.execute(statement)) as unknown as RawResult<T>;
  return result.rows ?? [];
}

/** How many rows a raw insert, update or delete touched. */
export async function executeCount(db: Db, statement: SQL): Promise<number> {
  const result = (await db.execute(statement)) as unknown as RawResult<never>;
  return result.rowCount ?? result.affectedRows ?? 0;
}
