import "server-only";
import type { Db } from "../../db/client";
import { getImportPage, type ImportListRow } from "../../db/queries/imports";
import { AppError } from "../../errors";
import type { ImportView } from "../../types/imports";

export function toImportView(r: ImportListRow): ImportView {
  return {
    id: r.id,
    kind: r.kind,
    fileName: r.fileName,
    fileBytes: r.fileBytes,
    format: r.format,
    status: r.status,
    dryRun: r.dryRun,
    createdAt: r.createdAt.toISOString(),
    createdBy: r.userEmail ?? null,
    counts: { totalRows: r.totalRows, importedRows: r.importedRows, skippedRows: r.skippedRows, failedRows: r.failedRows, replacedRows: r.replacedRows },
    undone: r.undoneAt !== null,
    undoneAt: r.undoneAt?.toISOString() ?? null,
    cxone: r.cxoneResult ?? null,
  };
}

/** Shift and demand imports newest first, one page (`after`: the previous page's last key). */
export async function listImportsPage(db: Db, filter: { kind?: "shifts" | "demand" }, after: string | null, limit: number): Promise<{ items: ImportView[]; lastKey: string | null }> {
  let key: { createdAt: string; id: string } | null = null;
  if (after) {
    const [createdAt, id] = after.split("|");
    if (!createdAt || !id || Number.isNaN(Date.parse(createdAt)) || !/^[0-9a-f-]{36}$/i.test(id)) throw new AppError("VALIDATION", "cursor: not a cursor this API issued.", { field: "cursor" });
    key = { createdAt, id };
  }
  const rows = await getImportPage(db, { kind: filter.kind, after: key, limit });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { items: page.map(toImportView), lastKey: rows.length > limit && last ? `${last.createdAt.toISOString()}|${last.id}` : null };
}
