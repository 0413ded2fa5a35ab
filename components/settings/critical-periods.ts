/**
 * Critical periods as the form edits them: a site and skill picked from lists, start and
 * end as local date-times on the chosen site's clock (UTC for all sites), turned into
 * instants on save. A local time the clock skips or repeats (a DST change) is an error on
 * its input, as in shift imports (DOMAIN.md, Time).
 */
import { instantToLocal, localToInstant } from "@/lib/domain/time";
import type { TradingSettings } from "@/lib/domain/trades/types";

export interface PeriodRow {
  label: string;
  siteId: string;
  skillId: string;
  /** "YYYY-MM-DDTHH:mm" on the zone's clock, as a datetime-local input holds it. */
  start: string;
  end: string;
}

export type SiteZone = { id: string; timeZone: string };

export const zoneOf = (siteId: string, sites: readonly SiteZone[]) => sites.find((s) => s.id === siteId)?.timeZone ?? "UTC";

const pad = (n: number) => String(n).padStart(2, "0");

export function toLocalInput(instant: number, zone: string): string {
  const l = instantToLocal(instant, zone);
  return `${l.year}-${pad(l.month)}-${pad(l.day)}T${pad(l.hour)}:${pad(l.minute)}`;
}

export function toRows(s: TradingSettings, sites: readonly SiteZone[]): PeriodRow[] {
  return s.criticalPeriods.map((p) => {
    const zone = zoneOf(p.siteId ?? "", sites);
    return { label: p.label, siteId: p.siteId ?? "", skillId: p.skillId ?? "", start: toLocalInput(p.start, zone), end: toLocalInput(p.end, zone) };
  });
}

/** A datetime-local value on a zone's clock → an ISO instant, or the reason it is none. */
export function localInputToIso(value: string, zone: string): { ok: true; iso: string } | { ok: false; message: string } {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return { ok: false, message: "is required (a date and a time)." };
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  const r = localToInstant({ year, month, day, hour, minute, second: 0 }, zone);
  if (r.ok) return { ok: true, iso: new Date(r.instant).toISOString() };
  const at = value.replace("T", " ");
  return r.reason === "nonexistent"
    ? { ok: false, message: `${at} does not exist in ${zone} (the clocks skip it).` }
    : { ok: false, message: `${at} happens twice in ${zone} (the clocks go back); pick a time outside the repeated hour.` };
}
