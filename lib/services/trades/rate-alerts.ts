import "server-only";
import type { Db } from "../../db/client";
import { getSites } from "../../db/queries/reference";
import { countApprovalsAtSiteSince } from "../../db/queries/trades";
import type { RateAlert } from "../../types/trades";
import { loadTradingSettings } from "../settings/trading";

/** Sites (all, or these) whose approved trades in the rolling window have reached the limit. */
export async function getRateAlerts(db: Db, siteIds: string[] | null, now: number): Promise<RateAlert[]> {
  const sites = (await getSites(db)).filter((s) => !siteIds || siteIds.includes(s.id));
  const settingsFor = await loadTradingSettings(db);
  const alerts: RateAlert[] = [];
  for (const site of sites) {
    const { maxApproved, windowHours } = settingsFor(site.id).tradeRateLimit;
    const approved = await countApprovalsAtSiteSince(db, site.id, new Date(now - windowHours * 3_600_000));
    if (approved >= maxApproved) alerts.push({ siteId: site.id, approved, limit: maxApproved, windowHours });
  }
  return alerts;
}
