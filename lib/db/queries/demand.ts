import "server-only";
import { and, eq, gt, gte, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { demand } from "../schema";
import type { CoverageGrid } from "../../domain/coverage";
import { INTERVAL_MS } from "../../domain/types";

/** Demand on a grid, split as stored: the shared queues (no site) and each site's own rows. */
export interface DemandOnGrid {
  /** Per skill: every row added up (shared plus every site's own) — what the whole center must staff. */
  total: Map<string, Float64Array>;
  /** Per skill: rows without a site. */
  shared: Map<string, Float64Array>;
  /** Per site, per skill: that site's own rows. */
  bySite: Map<string, Map<string, Float64Array>>;
}

function add(map: Map<string, Float64Array>, skillId: string, i: number, v: number, n: number) {
  let arr = map.get(skillId);
  if (!arr) {
    arr = new Float64Array(n);
    map.set(skillId, arr);
  }
  arr[i] += v;
}

/** Every demand row on the grid, shared and per site; intervals without a row are 0. */
export async function getDemandOnGrid(db: Db, grid: CoverageGrid, options: { skillIds?: string[] } = {}): Promise<DemandOnGrid> {
  const from = new Date(grid.start);
  const to = new Date(grid.start + grid.intervalCount * INTERVAL_MS);
  const conditions = [lt(demand.intervalStart, to), gt(demand.intervalStart, new Date(from.getTime() - 1))];
  if (options.skillIds) conditions.push(inArray(demand.skillId, options.skillIds));
  const rows = await db
    .select({ skillId: demand.skillId, siteId: demand.siteId, intervalStart: demand.intervalStart, requiredAgents: demand.requiredAgents })
    .from(demand)
    .where(and(...conditions));
  const out: DemandOnGrid = { total: new Map(), shared: new Map(), bySite: new Map() };
  const n = grid.intervalCount;
  for (const r of rows) {
    const i = Math.floor((r.intervalStart.getTime() - grid.start) / INTERVAL_MS);
    if (i < 0 || i >= n) continue;
    add(out.total, r.skillId, i, r.requiredAgents, n);
    if (r.siteId === null) add(out.shared, r.skillId, i, r.requiredAgents, n);
    else {
      let site = out.bySite.get(r.siteId);
      if (!site) out.bySite.set(r.siteId, (site = new Map()));
      add(site, r.skillId, i, r.requiredAgents, n);
    }
  }
  return out;
}

/** Required agents per skill on the grid, every site's rows and the shared ones added up; intervals without a row are 0. */
export async function getRequiredOnGrid(db: Db, grid: CoverageGrid, options: { skillIds?: string[] } = {}): Promise<Map<string, Float64Array>> {
  return (await getDemandOnGrid(db, grid, options)).total;
}

export interface DemandRow {
  skillId: string;
  /** null: the queue shared by every site. */
  siteId?: string | null;
  intervalStart: Date;
  requiredAgents: number;
  offeredContacts: number | null;
  ahtSeconds: number | null;
}

/** Stores demand rows, replacing what a skill, site (or the shared queue) and interval held before. */
export async function upsertDemand(db: Db, rows: readonly DemandRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insert(demand)
    .values(rows.map((r) => ({ ...r, siteId: r.siteId ?? null })))
    .onConflictDoUpdate({
      target: [demand.skillId, demand.siteId, demand.intervalStart],
      set: { requiredAgents: sql`excluded.required_agents`, offeredContacts: sql`excluded.offered_contacts`, ahtSeconds: sql`excluded.aht_seconds` },
    });
}

/**
 * Stored demand rows in [from, to), ordered by skill and interval: with `siteId`, that site's
 * own rows and the shared ones (site null); without, every row.
 */
export async function getDemandRows(db: Db, q: { from: Date; to: Date; skillIds?: string[]; siteId?: string }) {
  const conditions = [gte(demand.intervalStart, q.from), lt(demand.intervalStart, q.to)];
  if (q.skillIds) conditions.push(inArray(demand.skillId, q.skillIds));
  if (q.siteId) conditions.push(or(isNull(demand.siteId), eq(demand.siteId, q.siteId))!);
  return db
    .select({ skillId: demand.skillId, siteId: demand.siteId, intervalStart: demand.intervalStart, requiredAgents: demand.requiredAgents, offeredContacts: demand.offeredContacts, ahtSeconds: demand.ahtSeconds })
    .from(demand)
    .where(and(...conditions))
    .orderBy(demand.skillId, demand.intervalStart, demand.siteId);
}
