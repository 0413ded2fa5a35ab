import "server-only";
import { z } from "zod";
import type { Db } from "../../db/client";
import { insertLines, type StoredLine } from "../../db/queries/bidding";
import { AppError } from "../../errors";
import { bidLineSchema } from "../../schemas/bidding";
import { recordAudit, type AuditActor } from "../audit";
import { loadReference, validationError, type Reference } from "./context";

export const periodSchema = z
  .object({ start: z.iso.date({ error: "The period start is a date (YYYY-MM-DD)." }), end: z.iso.date({ error: "The period end is a date (YYYY-MM-DD)." }) })
  .refine((p) => p.end >= p.start, { error: "The bid period ends before it starts.", path: ["end"] });
export type Period = z.infer<typeof periodSchema>;

/** Validates lines against the schema and the known sites and skills; `where(i)` names the form row or CSV row. */
export function checkLines(raw: readonly unknown[], ref: Reference, period: Period, where: (i: number) => string): { lines: Omit<StoredLine, "id">[]; errors: { index: number; field: string; message: string }[] } {
  const lines: Omit<StoredLine, "id">[] = [];
  const errors: { index: number; field: string; message: string }[] = [];
  raw.forEach((r, index) => {
    const parsed = bidLineSchema.safeParse({ ...(r as Record<string, unknown>), id: "new" });
    if (!parsed.success) {
      for (const i of parsed.error.issues) errors.push({ index, field: i.path.join("."), message: `${where(index)}: ${i.message}` });
      return;
    }
    const l = parsed.data;
    if (!ref.siteById.has(l.siteId)) errors.push({ index, field: "siteId", message: `${where(index)}: unknown site ${l.siteId}.` });
    if (!ref.catalog.get(l.skillId)) errors.push({ index, field: "skillId", message: `${where(index)}: unknown skill ${l.skillId}.` });
    const { id: _id, ...rest } = l;
    void _id;
    lines.push({ ...rest, periodStart: period.start, periodEnd: period.end });
  });
  return { lines, errors };
}

/** Stores lines from the form for a bid period; any bad line stores nothing. */
export async function saveLines(db: Db, input: { period: Period; lines: unknown[] }, actor: AuditActor, requestId?: string): Promise<{ ids: string[] }> {
  const period = periodSchema.safeParse(input.period);
  if (!period.success) throw validationError(period.error.issues, "period.");
  if (input.lines.length === 0) throw new AppError("VALIDATION", "Give at least one line.");
  const { lines, errors } = checkLines(input.lines, await loadReference(db), period.data, (i) => `line ${i + 1}`);
  if (errors.length) throw new AppError("VALIDATION", errors.map((e) => e.message).join("; "), { issues: errors.map((e) => ({ path: `lines.${e.index}.${e.field}`, message: e.message })) });
  return db.transaction(async (tx) => {
    const ids = await insertLines(tx, lines, actor.id);
    await recordAudit(tx, actor, { action: "bid_line.created", entityType: "bid_line", entityId: ids[0] ?? null, details: { period: period.data, count: ids.length, lines } }, requestId);
    return { ids };
  });
}
