import type { ScheduleQuery } from "@/lib/schemas/schedule";

/** The grid's filters as a query string without paging: the query key and the API's query. */
export function filtersKey(query: ScheduleQuery): string {
  const p = new URLSearchParams();
  p.set("from", query.from);
  p.set("days", String(query.days));
  for (const k of ["siteId", "skillId", "attribute", "q", "status"] as const) if (query[k]) p.set(k, String(query[k]));
  p.set("sort", query.sort);
  p.set("zoneMode", query.zoneMode);
  return p.toString();
}

/** The strip's part of the filters: range, site and skill. */
export function coverageKey(query: ScheduleQuery): string {
  const p = new URLSearchParams();
  p.set("from", query.from);
  p.set("days", String(query.days));
  if (query.siteId) p.set("siteId", query.siteId);
  if (query.skillId) p.set("skillId", query.skillId);
  return p.toString();
}
