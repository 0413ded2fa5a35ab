import "server-only";
import type { Db } from "../../db/client";
import { addDays } from "../../domain/time";
import type { ScheduleCoverageStrip } from "../../types/schedule-page";
import { getCoverageView } from "../coverage/view";

/**
 * The strip above the schedule grid: one skill's required and net scheduled agents over the
 * grid's range and site, computed by the Coverage page's own use case, so the two pages
 * cannot disagree. Without a skill chosen, the first skill with demand or coverage.
 */
export async function getScheduleCoverageStrip(
  db: Db,
  query: { from: string; days: number; siteId?: string; skillId?: string },
  today: string,
): Promise<ScheduleCoverageStrip> {
  const view = await getCoverageView(db, { from: query.from, to: addDays(query.from, query.days - 1), site: query.siteId, view: "net" }, today);
  const series = (query.skillId ? view.series.find((s) => s.skillId === query.skillId) : view.series[0]) ?? null;
  return {
    skillId: series?.skillId ?? query.skillId ?? null,
    skillName: series?.name ?? null,
    timeZone: view.timeZone,
    bucketMinutes: view.bucketMinutes,
    points: (series?.points ?? []).map((p) => ({ t: p.t, required: p.required, scheduled: p.net, shortfall: p.shortfall, ...(p.otherNet !== undefined ? { otherSites: p.otherNet } : {}) })),
    skillOptions: view.skillOptions,
  };
}
