import "server-only";
import { z } from "zod";
import type { Db } from "../../db/client";
import { getShiftsForTemplate } from "../../db/queries/cxone-template";
import { assertCan, type CurrentUser } from "../../auth/checks";
import { buildCxoneTemplate } from "../../csv/cxone-template";
import { addDays, parseDateKey } from "../../domain/time";
import { AppError } from "../../errors";
import { safeText } from "../../schemas/text";
import type { CxoneTemplateExport } from "../../types/cxone";
import { recordAudit } from "../audit";
import { connectedProfile } from "./profile-offer";

export const TEMPLATE_MAX_DAYS = 62;

export const exportTemplateSchema = z
  .object({
    from: z.string().refine((d) => parseDateKey(d) !== null, { error: "From must be a real date, YYYY-MM-DD" }),
    to: z.string().refine((d) => parseDateKey(d) !== null, { error: "To must be a real date, YYYY-MM-DD" }),
    siteId: z.string().trim().min(1).max(100).optional(),
    publishState: z.enum(["published", "unpublished", "unknown"]).default("unknown"),
    unitName: safeText().trim().max(200).optional(),
  })
  .refine((r) => r.to >= r.from, { error: "To is before From", path: ["to"] })
  .refine((r) => r.to <= addDays(r.from, TEMPLATE_MAX_DAYS - 1), { error: `a template covers at most ${TEMPLATE_MAX_DAYS} days`, path: ["to"] });

/**
 * Our shifts starting in a date range (UTC days; one site or all) as CXone's shift import
 * template: the push on a profile without an import endpoint (NICE platform), and a file to
 * import by hand on either. Commas and other characters the template refuses are replaced,
 * each change listed; the instructions explain the target unit's publish state. Audited.
 */
export async function exportCxoneTemplate(db: Db, user: CurrentUser, raw: unknown, options: { requestId?: string } = {}): Promise<CxoneTemplateExport> {
  assertCan(user, "shifts.import");
  const parsed = exportTemplateSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION", parsed.error.issues.map((i) => i.message).join("; "));
  const r = parsed.data;
  const rows = await getShiftsForTemplate(db, { from: new Date(`${r.from}T00:00:00Z`), to: new Date(`${addDays(r.to, 1)}T00:00:00Z`) }, r.siteId);
  if (rows.length === 0) throw new AppError("VALIDATION", `No shifts start between ${r.from} and ${r.to} (UTC)${r.siteId ? ` at site ${r.siteId}` : ""}: nothing to export.`);
  const t = buildCxoneTemplate(rows, { publishState: r.publishState, unitName: r.unitName ?? null });
  const pushedBy = (await connectedProfile(db)) === "seed" ? "import-endpoint" : "file";
  await recordAudit(
    db,
    { id: user.id, label: user.email },
    { action: "cxone.template.exported", entityType: "shifts", entityId: `${r.from}..${r.to}`, details: { from: r.from, to: r.to, siteId: r.siteId ?? null, rows: t.rows, fieldsChanged: t.warnings.length, pushedBy } },
    options.requestId,
  );
  return {
    fileName: `shifts-${r.from}-${r.to}${r.siteId ? `-${r.siteId}` : ""}-cxone-template.csv`,
    csv: t.csv,
    rows: t.rows,
    warnings: t.warnings,
    publishState: t.publishState,
    instructions: t.instructions,
    pushedBy,
  };
}
