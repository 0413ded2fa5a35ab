import "server-only";
import type { Db } from "../../db/client";
import { safeCsv } from "../../csv/export";
import { instantToLocal } from "../../domain/time";
import { AppError } from "../../errors";
import { awardShiftsFor } from "./publish-awards";
import { periodSchema } from "./save-lines";

const two = (n: number) => String(n).padStart(2, "0");
/** CXone's template date-time, `mm/dd/yyyy hh:mm:ss`, on the given zone's clock. */
function cxoneLocal(ms: number, zone: string): string {
  const l = instantToLocal(ms, zone);
  return `${two(l.month)}/${two(l.day)}/${l.year} ${two(l.hour)}:${two(l.minute)}:${two(l.second)}`;
}

/**
 * The period's awards as shifts in CXone's schedule import template (Username, Shift Start
 * Date and Time, Shift End Date and Time, Local Time Zone, Base Activity Name, Shift Notes,
 * Activity n Name/Start/End for the breaks), on the site's clock — the columns our own
 * shift import recognises as CXone's.
 */
export async function exportAwardsCxone(db: Db, rawPeriod: unknown): Promise<{ fileName: string; csv: string; rows: number }> {
  const parsed = periodSchema.safeParse(rawPeriod);
  if (!parsed.success) throw new AppError("VALIDATION", parsed.error.issues.map((i) => i.message).join(" "));
  const { shifts, ref } = await awardShiftsFor(db, parsed.data);
  const agents = new Map(ref.agents.map((a) => [a.id, a]));
  const maxBreaks = Math.max(0, ...shifts.map((s) => s.breaks.length));
  const rows = shifts.map((s) => {
    const zone = ref.siteById.get(s.siteId)?.timeZone ?? "UTC";
    const row: Record<string, unknown> = {
      username: agents.get(s.agentId)?.username ?? s.agentId,
      start: cxoneLocal(s.start, zone),
      end: cxoneLocal(s.end, zone),
      zone,
      base: "Open",
      notes: `Bid award ${s.skills.map((k) => k.skillId).join(" ")}`,
    };
    s.breaks.forEach((b, i) => {
      const from = s.start + b.startOffsetMinutes * 60_000;
      row[`a${i}n`] = b.paid ? "Break" : "Lunch";
      row[`a${i}s`] = cxoneLocal(from, zone);
      row[`a${i}e`] = cxoneLocal(from + b.durationMinutes * 60_000, zone);
    });
    return row;
  });
  const columns = [
    { key: "username", header: "Username" },
    { key: "start", header: "Shift Start Date and Time" },
    { key: "end", header: "Shift End Date and Time" },
    { key: "zone", header: "Local Time Zone" },
    { key: "base", header: "Base Activity Name" },
    { key: "notes", header: "Shift Notes" },
    ...Array.from({ length: maxBreaks }, (_, i) => [
      { key: `a${i}n`, header: `Activity ${i + 1} Name` },
      { key: `a${i}s`, header: `Activity ${i + 1} Start Date and Time` },
      { key: `a${i}e`, header: `Activity ${i + 1} End Date and Time` },
    ]).flat(),
  ];
  return { fileName: `awards-${parsed.data.start}-${parsed.data.end}-cxone.csv`, csv: safeCsv(rows, columns, { bom: true }), rows: rows.length };
}
