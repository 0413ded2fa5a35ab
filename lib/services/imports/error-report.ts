import "server-only";
import type { Db } from "../../db/client";
import { getImport, getImportRowErrors } from "../../db/queries/imports";
import { AppError } from "../../errors";
import type { RowError } from "../../schemas/imports";

/** An import's stored errors and warnings, every row, for the downloadable error report. */
export async function getImportErrorReport(db: Db, importId: string): Promise<{ fileName: string; errors: RowError[] }> {
  const record = await getImport(db, importId);
  if (!record) throw new AppError("NOT_FOUND", "No such import.");
  return { fileName: record.fileName, errors: await getImportRowErrors(db, record.id) };
}
