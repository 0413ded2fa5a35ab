import "server-only";
import { and, gt, inArray, lt, sql } from "drizzle-orm";
import type { Db } from "../client";
import { demand } from "../schema";
import type { CoverageGrid } from "../../domain/coverage";
import { INTERVAL_MS } from "../../domain/types";

/** Required agents per skill on the grid; intervals without a demand row are 0. */
export async function getRequiredOnGrid(db: Db, grid: CoverageGrid, options: { skillIds?: string[] } = {}): Promise<Map<string, Float64Array>> {
  const from = new Date(grid.start);
  const to = new Date(grid.start + grid.intervalCount * INTERVAL_MS);
  const conditions = [lt(demand.intervalStart, to), gt(demand.intervalStart, new Date(from.getTime() - 1))];
  if (options.skillIds) conditions.push(inArray(demand.skillId, options.skillIds));
  const rows = await db
    .select({ skillId: demand.skillId, intervalStart: demand.intervalStart, requiredAgents: demand.requiredAgents })
    .from(demand)
    .where(and(...conditions));
  const out = new Map<string, Float64Array>();
  for (const r of rows) {
    let arr = out.get(r.skillId);
    if (!arr) {
      arr = new Float64Array(grid.intervalCount);
      out.set(r.skillId, arr);
    }
    const i = Math.floor((r.intervalStart.getTime() - grid.start) / INTERVAL_MS);
    if (i >= 0 && i < grid.intervalCount) arr[i] = r.requiredAgents;
  }
  return out;
}

export interface DemandRow {
  skillId: string;
  intervalStart: Date;
  requiredAgents: number;
  offeredContacts: number | null;
  ahtSeconds: number | null;
}

/** Stores demand rows, replacing what an interval held before. */
export async function upsertDemand(db: Db, rows: readonly DemandRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(demand)
    .values([...rows])
    .onConflictDoUpdate({
      target: [demand.skillId, demand.intervalStart],
      set: { requiredAgents: sql`excluded.required_agents`, offeredContacts: sql`excluded.offered_contacts`, ahtSeconds: sql`excluded.aht_seconds` },
    });
}
