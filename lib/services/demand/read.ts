import "server-only";
import { assertCan, type CurrentUser } from "../../auth/checks";
import type { Db } from "../../db/client";
import { getDemandRows } from "../../db/queries/demand";
import { getSites } from "../../db/queries/reference";
import { addDays, startOfLocalDay } from "../../domain/time";
import { AppError } from "../../errors";

export interface DemandQuery {
  from: string;
  /** Inclusive; default from + 6. */
  to?: string;
  skill?: string;
  site?: string;
}

export interface DemandReading {
  from: string;
  to: string;
  timeZone: string;
  site: { id: string; name: string } | null;
  intervalMinutes: 15;
  skills: { skillId: string; intervals: { start: string; siteId: string | null; requiredAgents: number; offeredContacts: number | null; ahtSeconds: number | null }[] }[];
}

/**
 * The demand loaded for a range of days (the site's local days with a site, UTC days
 * without), per skill and stored 15-minute interval, as imported: required agents, and the
 * forecast's contacts and AHT when it came from one. With a site: its own rows and the shared
 * queue's (siteId null), as the Coverage page adds them up.
 */
export async function readDemand(db: Db, user: CurrentUser, q: DemandQuery): Promise<DemandReading> {
  assertCan(user, "coverage.read");
  const to = q.to ?? addDays(q.from, 6);
  let site: { id: string; name: string; timeZone: string } | null = null;
  if (q.site) {
    site = (await getSites(db)).find((s) => s.id === q.site) ?? null;
    if (!site) throw new AppError("VALIDATION", `site: no site ${q.site}.`, { field: "site" });
  }
  const zone = site?.timeZone ?? "UTC";
  const rows = await getDemandRows(db, { from: new Date(startOfLocalDay(q.from, zone)), to: new Date(startOfLocalDay(addDays(to, 1), zone)), skillIds: q.skill ? [q.skill] : undefined, siteId: site?.id });
  const bySkill = new Map<string, DemandReading["skills"][number]["intervals"]>();
  for (const r of rows) {
    let list = bySkill.get(r.skillId);
    if (!list) bySkill.set(r.skillId, (list = []));
    list.push({ start: r.intervalStart.toISOString(), siteId: r.siteId, requiredAgents: r.requiredAgents, offeredContacts: r.offeredContacts, ahtSeconds: r.ahtSeconds });
  }
  return { from: q.from, to, timeZone: zone, site: site ? { id: site.id, name: site.name } : null, intervalMinutes: 15, skills: [...bySkill].map(([skillId, intervals]) => ({ skillId, intervals })) };
}
