import "server-only";
import type { Db } from "../../db/client";
import { getImportHistory, getSavedMappings } from "../../db/queries/imports";
import { getAgents, getSites } from "../../db/queries/reference";
import { getScheduleSummary, type ScheduleSummaryRow } from "../../db/queries/shifts";
import type { ColumnMapping } from "../../schemas/imports";
import type { ImportHistoryItem, PreviewDirectory } from "../../types/imports";

export interface ShiftsOverview {
  /** Stored shifts by site and status from `from` on. */
  summary: ScheduleSummaryRow[];
  history: ImportHistoryItem[];
  /** Column mappings planners confirmed, by header key, so the upload recognises the file again. */
  savedMappings: Record<string, ColumnMapping>;
  /** Sites' zones and agents' home sites and skills, so the preview shows each shift on its site's clock. */
  directory: PreviewDirectory;
}

/** What the shifts page shows besides the upload: the schedule from `from` on and the import history. */
export async function getShiftsOverview(db: Db, from: Date): Promise<ShiftsOverview> {
  const [summary, history, savedMappings, sites, agents] = await Promise.all([getScheduleSummary(db, from), getImportHistory(db), getSavedMappings(db), getSites(db), getAgents(db)]);
  const directory: PreviewDirectory = {
    sites: sites.map((s) => ({ id: s.id, timeZone: s.timeZone })),
    agents: agents.map((a) => ({ id: a.id, username: a.username, homeSiteId: a.homeSiteId, skills: a.skills.map((s) => s.skillId) })),
  };
  return { summary, history, savedMappings, directory };
}
