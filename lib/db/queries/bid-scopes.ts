import "server-only";
import { asc } from "drizzle-orm";
import type { Db } from "../client";
import { bidScopes } from "../schema";

export type BidScopeRow = typeof bidScopes.$inferSelect;
export type NewBidScopeRow = typeof bidScopes.$inferInsert;

/** Every bid scope, by wave then name. */
export async function listBidScopes(db: Db): Promise<BidScopeRow[]> {
  return db.select().from(bidScopes).orderBy(asc(bidScopes.wave), asc(bidScopes.name));
}

export async function insertBidScopes(db: Db, rows: readonly NewBidScopeRow[]): Promise<void> {
  if (rows.length) await db.insert(bidScopes).values([...rows]);
}
