import "server-only";
import type { Db } from "../../db/client";
import { getSites } from "../../db/queries/reference";
import { getPublishableShifts, type PublishableShift } from "../../db/queries/schedule-edits";
import { paidHours } from "../../domain/trades/hours";
import { localDayRange } from "../../domain/time";
import { AppError } from "../../errors";
import type { PublishSelection } from "../../schemas/schedule";
import type { PublishPreview } from "../../types/schedule";

/**
 * The shifts a publish selection means: drafts, and published shifts changed since, that
 * match every filter given. Days are cut in the chosen site's zone, or in UTC without one
 * (a shift belongs to the day it starts on). Shared by the preview and the publish.
 */
export async function selectPublishable(db: Db, selection: PublishSelection): Promise<PublishableShift[]> {
  let from: Date | undefined;
  let to: Date | undefined;
  if (selection.from || selection.to) {
    const sites = await getSites(db);
    const site = selection.siteId ? sites.find((s) => s.id === selection.siteId) : undefined;
    if (selection.siteId && !site) throw new AppError("VALIDATION", `Site: there is no site "${selection.siteId}".`);
    const zone = site?.timeZone ?? "UTC";
    if (selection.from) from = new Date(localDayRange(selection.from, zone).start);
    if (selection.to) to = new Date(localDayRange(selection.to, zone).end);
    if (from && to && to <= from) throw new AppError("VALIDATION", `To: ${selection.to} is before ${selection.from}; choose a range that ends on or after its first day.`);
  }
  return getPublishableShifts(db, { from, to, siteId: selection.siteId, importId: selection.importId, shiftIds: selection.shiftIds });
}

export function summarize(rows: readonly PublishableShift[]): PublishPreview {
  const bySite = new Map<string, { siteId: string; shifts: number; agents: Set<string>; paidHours: number }>();
  const agents = new Set<string>();
  let hours = 0;
  for (const r of rows) {
    const h = paidHours({ id: r.id, agentId: r.agentId, siteId: r.siteId, start: r.startsAt.getTime(), end: r.endsAt.getTime(), breaks: r.breaks, skills: r.skills, status: "DRAFT", version: 1 });
    hours += h;
    agents.add(r.agentId);
    const s = bySite.get(r.siteId) ?? { siteId: r.siteId, shifts: 0, agents: new Set<string>(), paidHours: 0 };
    s.shifts++;
    s.agents.add(r.agentId);
    s.paidHours += h;
    bySite.set(r.siteId, s);
  }
  return {
    shifts: rows.length,
    agents: agents.size,
    paidHours: round2(hours),
    bySite: [...bySite.values()].sort((a, b) => a.siteId.localeCompare(b.siteId)).map((s) => ({ siteId: s.siteId, shifts: s.shifts, agents: s.agents.size, paidHours: round2(s.paidHours) })),
    shiftIds: rows.map((r) => r.id),
  };
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}
