import "server-only";
import { desc, eq, gte, sql } from "drizzle-orm";
import type { Db } from "../client";
import { columnMappings, imports, shifts, users } from "../schema";
import type { ColumnMapping } from "../../schemas/imports";

/** Shifts per site and status from `from` on, for the schedule summary. */
export async function getScheduleSummary(db: Db, from: Date) {
  return db
    .select({
      siteId: shifts.siteId,
      status: shifts.status,
      count: sql<number>`count(*)::int`,
      first: sql<Date>`min(${shifts.startsAt})`,
      last: sql<Date>`max(${shifts.endsAt})`,
      hours: sql<number>`coalesce(sum(extract(epoch from (${shifts.endsAt} - ${shifts.startsAt}))) / 3600, 0)::float8`,
    })
    .from(shifts)
    .where(gte(shifts.endsAt, from))
    .groupBy(shifts.siteId, shifts.status)
    .orderBy(shifts.siteId, shifts.status);
}

export async function getImportHistory(db: Db, limit = 15) {
  return db
    .select({
      id: imports.id,
      createdAt: imports.createdAt,
      fileName: imports.fileName,
      format: imports.format,
      status: imports.status,
      dryRun: imports.dryRun,
      totalRows: imports.totalRows,
      importedRows: imports.importedRows,
      failedRows: imports.failedRows,
      replacedRows: imports.replacedRows,
      cxoneResult: imports.cxoneResult,
      userEmail: users.email,
    })
    .from(imports)
    .leftJoin(users, eq(users.id, imports.userId))
    .where(eq(imports.kind, "shifts"))
    .orderBy(desc(imports.createdAt))
    .limit(limit);
}

export async function getSavedMappings(db: Db): Promise<Record<string, ColumnMapping>> {
  const rows = await db.select().from(columnMappings);
  return Object.fromEntries(rows.map((r) => [r.headerKey, r.mapping as ColumnMapping]));
}
