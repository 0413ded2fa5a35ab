import "server-only";
import type { Db } from "../../db/client";
import { getImportWithUser } from "../../db/queries/imports";
import { AppError } from "../../errors";
import type { ImportView } from "../../types/imports";
import { toImportView } from "./list";

/** One import: its counts, status and whether it was undone. */
export async function getImportView(db: Db, id: string): Promise<ImportView> {
  const row = await getImportWithUser(db, id);
  if (!row) throw new AppError("NOT_FOUND", "No such import.");
  return toImportView(row);
}
