import "server-only";
import { can, siteScopeOf, type CurrentUser } from "../../auth/checks";
import type { Db } from "../../db/client";
import { getImportHistory } from "../../db/queries/imports";
import { getAgentAttributeValues } from "../../db/queries/schedule";
import { getSites, getSkills } from "../../db/queries/reference";
import type { ScheduleOptions } from "../../types/schedule-page";

/** The Schedule page's filter choices for this viewer (a supervisor sees only their sites). */
export async function getScheduleOptions(db: Db, user: CurrentUser): Promise<ScheduleOptions> {
  const scope = siteScopeOf(user, "schedule.read");
  const [sites, skills, attributes, history] = await Promise.all([
    getSites(db),
    getSkills(db),
    getAgentAttributeValues(db),
    can(user, "schedule.publish") || can(user, "imports.undo") ? getImportHistory(db, 15) : Promise.resolve([]),
  ]);
  return {
    sites: sites.filter((s) => scope === null || scope.includes(s.id)).map((s) => ({ id: s.id, name: s.name, timeZone: s.timeZone })),
    skills: skills.map((s) => ({ id: s.id, name: s.name })),
    attributes,
    recentImports: history
      .filter((h) => h.status === "committed" && !h.dryRun && h.importedRows > 0 && !h.undoneAt)
      .map((h) => ({ id: h.id, fileName: h.fileName, createdAt: h.createdAt.toISOString(), importedRows: h.importedRows })),
    canEdit: can(user, "schedule.edit"),
    canPublish: can(user, "schedule.publish"),
  };
}
