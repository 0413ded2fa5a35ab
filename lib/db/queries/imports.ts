import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { executeCount } from "../execute";
import { columnMappings, importRowErrors, imports, users } from "../schema";
import type { ColumnMapping, RowError } from "../../schemas/imports";

export type ImportRow = typeof imports.$inferSelect;
export type NewImportRow = typeof imports.$inferInsert;

export async function insertImport(db: Db, row: NewImportRow): Promise<string> {
  const [history] = await db.insert(imports).values(row).returning({ id: imports.id });
  return history.id;
}

export async function setImportCounts(db: Db, id: string, counts: { importedRows: number; replacedRows: number }): Promise<void> {
  await db.update(imports).set(counts).where(eq(imports.id, id));
}

export async function setImportCxoneResult(db: Db, id: string, cxoneResult: Record<string, unknown>): Promise<void> {
  await db.update(imports).set({ cxoneResult }).where(eq(imports.id, id));
}

export async function getImport(db: Db, id: string): Promise<ImportRow | undefined> {
  const [row] = await db.select().from(imports).where(eq(imports.id, id)).limit(1);
  return row;
}

/** Shift imports newest first, with who ran them. */
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
      undoneAt: imports.undoneAt,
    })
    .from(imports)
    .leftJoin(users, eq(users.id, imports.userId))
    .where(eq(imports.kind, "shifts"))
    .orderBy(desc(imports.createdAt))
    .limit(limit);
}

/** Stores row errors and warnings in chunks (one statement per chunk). */
export async function insertImportRowErrors(db: Db, importId: string, issues: readonly RowError[], chunk = 1000): Promise<void> {
  for (let i = 0; i < issues.length; i += chunk) {
    await db.insert(importRowErrors).values(issues.slice(i, i + chunk).map((e) => ({ importId, row: e.row, column: e.column, value: e.value, code: e.code, message: e.message })));
  }
}

export async function getImportRowErrors(db: Db, importId: string): Promise<RowError[]> {
  return db
    .select({ row: importRowErrors.row, column: importRowErrors.column, value: importRowErrors.value, code: importRowErrors.code, message: importRowErrors.message })
    .from(importRowErrors)
    .where(eq(importRowErrors.importId, importId))
    .orderBy(importRowErrors.row, importRowErrors.id);
}

// ── Column mappings a planner confirmed, by header key ───────────────────────

export async function getSavedMappings(db: Db): Promise<Record<string, ColumnMapping>> {
  const rows = await db.select().from(columnMappings);
  return Object.fromEntries(rows.map((r) => [r.headerKey, r.mapping as ColumnMapping]));
}

export async function getSavedMapping(db: Db, headerKey: string): Promise<ColumnMapping | undefined> {
  const [saved] = await db.select().from(columnMappings).where(eq(columnMappings.headerKey, headerKey)).limit(1);
  return saved?.mapping as ColumnMapping | undefined;
}

export async function putSavedMapping(db: Db, headerKey: string, mapping: ColumnMapping, userId: string | null): Promise<void> {
  await db
    .insert(columnMappings)
    .values({ headerKey, mapping, updatedBy: userId })
    .onConflictDoUpdate({ target: columnMappings.headerKey, set: { mapping, updatedBy: userId, updatedAt: new Date() } });
}

// ── What an overwrite replaced, kept for undo ─────────────────────────────────

/**
 * Deletes the stored shifts an import replaces and keeps each whole row beside the import
 * in the same statement, so undoing the import restores them exactly. Returns how many
 * were replaced.
 */
export async function replaceShiftsForImport(db: Db, importId: string, shiftIds: readonly string[]): Promise<number> {
  if (shiftIds.length === 0) return 0;
  return executeCount(
    db,
    sql`
    with old as (
      delete from shifts where id in (select jsonb_array_elements_text(${JSON.stringify(shiftIds)}::jsonb)::uuid) returning *
    )
    insert into import_replacements (import_id, shift_id, shift)
    select ${importId}::uuid, old.id, to_jsonb(old) from old`,
  );
}

// ── The API's import list ─────────────────────────────────────────────────────

const importColumns = {
  id: imports.id,
  kind: imports.kind,
  fileName: imports.fileName,
  fileBytes: imports.fileBytes,
  format: imports.format,
  status: imports.status,
  dryRun: imports.dryRun,
  totalRows: imports.totalRows,
  importedRows: imports.importedRows,
  skippedRows: imports.skippedRows,
  failedRows: imports.failedRows,
  replacedRows: imports.replacedRows,
  cxoneResult: imports.cxoneResult,
  userEmail: users.email,
  undoneAt: imports.undoneAt,
  createdAt: imports.createdAt,
};

export type ImportListRow = Awaited<ReturnType<typeof getImportPage>>[number];

/**
 * A page of imports of either kind, newest first, keyed by (created_at to the millisecond,
 * id); one row more than `limit` when a next page exists.
 */
export async function getImportPage(db: Db, q: { kind?: "shifts" | "demand"; after?: { createdAt: string; id: string } | null; limit: number }) {
  const createdMs = sql`date_trunc('milliseconds', ${imports.createdAt})`;
  const conditions = [];
  if (q.kind) conditions.push(eq(imports.kind, q.kind));
  if (q.after) conditions.push(sql`(${createdMs}, ${imports.id}) < (${q.after.createdAt}::timestamptz, ${q.after.id}::uuid)`);
  return db
    .select(importColumns)
    .from(imports)
    .leftJoin(users, eq(users.id, imports.userId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(createdMs), desc(imports.id))
    .limit(q.limit + 1);
}

/** One import with who ran it. */
export async function getImportWithUser(db: Db, id: string): Promise<ImportListRow | undefined> {
  const [row] = await db.select(importColumns).from(imports).leftJoin(users, eq(users.id, imports.userId)).where(eq(imports.id, id)).limit(1);
  return row;
}
