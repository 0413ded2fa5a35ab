/** Time and naming helpers of the demo trade planner. */
import { isoWeekday, localToInstant, offsetMinutes, parseDateKey } from "../../domain/time";
import type { Instant } from "../../domain/types";
import type { DemoData } from "../generate";

// ── Helpers ──────────────────────────────────────────────────────────────────

export function siteZone(demo: DemoData, siteId: string): string {
  const site = demo.sites.find((s) => s.id === siteId);
  if (!site) throw new Error(`The demo has no site ${siteId}`);
  return site.timeZone;
}

export function localInstant(dateKey: string, hour: number, zone: string): Instant {
  const r = localToInstant({ ...parseDateKey(dateKey)!, hour, minute: 0, second: 0 }, zone);
  if (r.ok) return r.instant;
  return r.reason === "ambiguous" ? r.candidates[0] : localInstant(dateKey, hour + 1, zone);
}

/** "2026-11-27T16:00:00-05:00": the form the settings page shows. */
export function isoWithOffset(instant: Instant, zone: string): string {
  const off = offsetMinutes(zone, instant);
  const local = new Date(instant + off * 60_000).toISOString().slice(0, 19);
  const sign = off < 0 ? "-" : "+";
  const abs = Math.abs(off);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

export function dayName(dateKey: string): string {
  return ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][isoWeekday(dateKey)];
}
