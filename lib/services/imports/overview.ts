import "server-only";
import type { Db } from "../../db/client";
import { getImportHistory, getSavedMappings } from "../../db/queries/imports";
import { getScheduleSummary, type ScheduleSummaryRow } from "../../db/queries/shifts";
import type { ColumnMapping } from "../../schemas/imports";
import type { ImportHistoryItem } from "../../types/imports";

export interface ShiftsOverview {
  /** Stored shifts by site and status from `from` on. */
  summary: ScheduleSummaryRow[];
  history: ImportHistoryItem[];
  /** Column mappings planners confirmed, by header key, so the upload recognises the file again. */
  savedMappings: Record<string, ColumnMapping>;
}

/** What the shifts page shows besides the upload: the schedule from `from` on and the import history. */
export async function getShiftsOverview(db: Db, from: Date): Promise<ShiftsOverview> {
  const [summary, history, savedMappings] = await Promise.all([getScheduleSummary(db, from), getImportHistory(db), getSavedMappings(db)]);
  return { summary, history, savedMappings };
}
