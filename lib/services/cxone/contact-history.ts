import "server-only";
import { z } from "zod";
import type { Db } from "../../db/client";
import { getContactHistory, upsertContactHistory } from "../../db/queries/contact-history";
import { CxoneError, type CxoneClientDeps } from "../../cxone";
import { forecastCsv, historyToForecastRows } from "../../cxone/platform/history";
import { addDays, parseDateKey } from "../../domain/time";
import { AppError } from "../../errors";
import type { DemandImportOutcome } from "../../types/imports";
import { recordAudit, type AuditActor } from "../audit";
import { requirePlatformClient } from "../backends/cxone-client";
import { importDemandFile } from "../imports/demand";

/** History ranges are whole UTC days; a pull covers at most 93 days (one quarter). */
const MAX_DAYS = 93;

export const historyRangeSchema = z
  .object({
    startDate: z.string().refine((d) => parseDateKey(d) !== null, { error: "startDate must be a real date, YYYY-MM-DD" }),
    endDate: z.string().refine((d) => parseDateKey(d) !== null, { error: "endDate must be a real date, YYYY-MM-DD" }),
  })
  .refine((r) => r.endDate >= r.startDate, { error: "endDate is before startDate", path: ["endDate"] })
  .refine((r) => r.endDate <= addDays(r.startDate, MAX_DAYS - 1), { error: `a range covers at most ${MAX_DAYS} days`, path: ["endDate"] });

function parseRange(raw: unknown): z.infer<typeof historyRangeSchema> {
  const r = historyRangeSchema.safeParse(raw);
  if (!r.success) throw new AppError("VALIDATION", r.error.issues.map((i) => i.message).join("; "));
  return r.data;
}

const dayStart = (d: string) => new Date(`${d}T00:00:00Z`);

/**
 * Pulls CXone's historical contacts per skill and interval for [startDate, endDate] and
 * stores them on our 15-minute grid (a longer interval is spread over its quarter-hours),
 * replacing what a previous pull stored for the same intervals. Audited.
 */
export async function pullContactHistory(
  db: Db,
  rawRange: unknown,
  actor: AuditActor,
  options: { requestId?: string; deps?: CxoneClientDeps; now?: Date } = {},
): Promise<{ intervals: number; skills: string[] }> {
  const range = parseRange(rawRange);
  const client = await requirePlatformClient(db, "Pulling contact history", options.deps);
  let history;
  try {
    history = await client.contactHistory(range);
  } catch (e) {
    if (e instanceof CxoneError) throw new AppError("UPSTREAM", e.message);
    throw e;
  }
  const rows = historyToForecastRows(history).map((r) => ({ skillId: r.skillId, intervalStart: new Date(r.intervalStart), contacts: r.offeredContacts, ahtSeconds: r.ahtSeconds }));
  const skills = [...new Set(rows.map((r) => r.skillId))].sort();
  await db.transaction(async (tx) => {
    await upsertContactHistory(tx, rows, options.now ?? new Date());
    await recordAudit(
      tx,
      actor,
      { action: "cxone.history.pulled", entityType: "contact_history", entityId: `${range.startDate}..${range.endDate}`, details: { ...range, intervals: rows.length, skills } },
      options.requestId,
    );
  });
  return { intervals: rows.length, skills };
}

/**
 * Stored history for a range as the demand import's forecast rows, run through that import
 * (Erlang C with each skill's staffing settings): history becomes demand like a forecast file.
 */
export async function historyAsDemand(db: Db, rawRange: unknown, actor: AuditActor, options: { dryRun: boolean; requestId?: string }): Promise<DemandImportOutcome> {
  const range = parseRange(rawRange);
  const stored = await getContactHistory(db, dayStart(range.startDate), dayStart(addDays(range.endDate, 1)));
  if (stored.length === 0) throw new AppError("VALIDATION", `No contact history is stored for ${range.startDate} – ${range.endDate}: pull it from CXone first.`);
  const text = forecastCsv(
    stored.map((s) => ({ skillId: s.skillId, intervalStart: s.intervalStart.toISOString().replace(".000Z", "Z"), offeredContacts: s.contacts, ahtSeconds: s.ahtSeconds })),
  );
  return importDemandFile(db, { fileName: `cxone-history-${range.startDate}-${range.endDate}.csv`, text, bytes: text.length, dryRun: options.dryRun, actor, requestId: options.requestId });
}
