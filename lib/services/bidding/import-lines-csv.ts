import "server-only";
import type { Db } from "../../db/client";
import { insertLines } from "../../db/queries/bidding";
import { recordAudit, type AuditActor } from "../audit";
import { loadReference, validationError } from "./context";
import { readBiddingCsv, rowErrors, type CsvRowError } from "./csv";
import { checkLines, periodSchema, type Period } from "./save-lines";

const DAY_NAMES: Record<string, number> = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 };

/** "Mon-Fri", "1-5", "Mon,Wed,Fri", "1 3 5" → ISO weekdays; null when unreadable. */
export function parseDays(cell: string): number[] | null {
  const token = (t: string) => (/^[1-7]$/.test(t) ? Number(t) : DAY_NAMES[t.slice(0, 3).toLowerCase()] ?? null);
  const out: number[] = [];
  for (const part of cell.split(/[,;\s]+/).filter(Boolean)) {
    const range = part.split(/[-–]/);
    if (range.length === 2) {
      const [a, b] = range.map(token);
      if (a === null || b === null || b < a) return null;
      for (let d = a; d <= b; d++) out.push(d);
    } else {
      const d = token(part);
      if (d === null) return null;
      out.push(d);
    }
  }
  return out.length ? out : null;
}

/**
 * Lines from a CSV with columns label, siteId, skillId, days, start, end, slots (one line
 * a row), for a bid period. Every row error is reported with its row; nothing is stored
 * unless every row is good.
 */
export async function importLinesCsv(db: Db, input: { period: Period; csv: string }, actor: AuditActor, requestId?: string): Promise<{ ids: string[] }> {
  const period = periodSchema.safeParse(input.period);
  if (!period.success) throw validationError(period.error.issues, "period.");
  const records = readBiddingCsv(input.csv, ["label", "siteId", "skillId", "days", "start", "end", "slots"]);
  const errors: CsvRowError[] = [];
  const raw = records.map(({ row, cells }) => {
    const days = parseDays(cells.days);
    if (!days) errors.push({ row, column: "days", value: cells.days, message: "days are weekdays like Mon-Fri, 1-5 or Mon,Wed,Fri." });
    const slots = Number(cells.slots);
    return { label: cells.label, siteId: cells.siteid, skillId: cells.skillid, days: days ?? [], start: cells.start, end: cells.end, slots: cells.slots === "" || !Number.isFinite(slots) ? cells.slots : slots };
  });
  const checked = checkLines(raw, await loadReference(db), period.data, (i) => `row ${records[i].row}`);
  for (const e of checked.errors) if (!(e.field === "days" && errors.some((x) => x.row === records[e.index].row && x.column === "days"))) errors.push({ row: records[e.index].row, column: e.field || null, value: null, message: e.message.replace(/^row \d+: /, "") });
  if (records.length === 0) errors.push({ row: 1, column: null, value: null, message: "the file has no lines." });
  if (errors.length) throw rowErrors(errors.sort((a, b) => a.row - b.row), "lines");
  return db.transaction(async (tx) => {
    const ids = await insertLines(tx, checked.lines, actor.id);
    await recordAudit(tx, actor, { action: "bid_line.imported", entityType: "bid_line", entityId: ids[0] ?? null, details: { period: period.data, count: ids.length } }, requestId);
    return { ids };
  });
}
