import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "../../db/client";
import { upsertDemand, type DemandRow } from "../../db/queries/demand";
import { insertImport, insertImportRowErrors } from "../../db/queries/imports";
import { getSites, getSkills } from "../../db/queries/reference";
import { parseDemandCsv, type CsvInput } from "../../csv";
import type { DemandColumnMapping } from "../../schemas/imports";
import { DEFAULT_STAFFING, requiredStaff } from "../../domain/erlang";
import { SkillCatalog } from "../../domain/skills";
import { INTERVAL_MS } from "../../domain/types";
import { AppError } from "../../errors";
import type { DemandImportOutcome } from "../../types/imports";
import { recordAudit, type AuditActor } from "../audit";
import { emitWebhookEvent } from "../webhooks/emit";
import { wakeWebhookWorker } from "../webhooks/worker";
import { getStaffingSettings } from "../settings/staffing";

const INTERVAL_SECONDS = INTERVAL_MS / 1000;
const CHUNK = 1000;

/**
 * Imports demand: required agents as given, or a forecast turned into required agents by
 * Erlang C with the skill's staffing settings. Required = agents on the phones grossed up
 * by shrinkage (DOMAIN.md); set shrinkage to what the schedule does not already hold
 * (absence, training), since scheduled breaks are taken out of coverage already.
 * One transaction; any row error stores nothing.
 */
export async function importDemandFile(
  db: Db,
  request: { fileName: string; text: CsvInput; fileHash?: string; bytes: number; dryRun: boolean; mapping?: DemandColumnMapping; actor: AuditActor; requestId?: string },
): Promise<DemandImportOutcome> {
  const [skills, sites] = await Promise.all([getSkills(db), getSites(db)]);
  const catalog = new SkillCatalog(skills);
  const parsed = parseDemandCsv(request.text, { catalog, siteIds: sites.map((s) => s.id) }, { mapping: request.mapping });
  if (!parsed.ok && parsed.needsMapping) {
    throw new AppError("VALIDATION", `The columns (${parsed.headers.join(", ")}) are not a demand file: use skillId, intervalStart and requiredAgents, or offeredContacts and ahtSeconds (and siteId for a site's own demand).`);
  }
  if (!parsed.ok) throw new AppError("VALIDATION", parsed.fileError.message);

  const settings = await getStaffingSettings(db);
  const warnings = [...parsed.warnings];
  let unreachable = 0;
  const values: DemandRow[] =
    parsed.kind === "required"
      ? parsed.rows.map((r) => ({ skillId: r.skillId, siteId: r.siteId, intervalStart: new Date(r.intervalStart), requiredAgents: r.requiredAgents, offeredContacts: null, ahtSeconds: null }))
      : parsed.rows.map((r) => {
          const s = settings.get(r.skillId) ?? DEFAULT_STAFFING;
          const staff = requiredStaff(r.offeredContacts, r.ahtSeconds, INTERVAL_SECONDS, s);
          if (staff.flag === "UNREACHABLE") {
            unreachable++;
            warnings.push({
              row: r.row,
              column: "offeredContacts",
              value: String(r.offeredContacts),
              code: "SL_UNREACHABLE",
              message: `Row ${r.row}: ${Math.round(s.serviceLevelTarget * 100)} % in ${s.serviceLevelSeconds} s cannot be reached for ${r.offeredContacts} contacts at ${r.ahtSeconds} s AHT (${staff.trafficErlangs.toFixed(1)} Erlangs) within ${staff.agents} agents; stored ${staff.scheduled} and flagged.`,
            });
          }
          return { skillId: r.skillId, siteId: r.siteId, intervalStart: new Date(r.intervalStart), requiredAgents: staff.scheduled, offeredContacts: r.offeredContacts, ahtSeconds: r.ahtSeconds };
        });

  const status: DemandImportOutcome["status"] = request.dryRun ? "validated" : parsed.errors.length > 0 ? "rejected" : "committed";
  const { importId, webhooks } = await db.transaction(async (tx) => {
    const importId = await insertImport(tx, {
      kind: "demand",
      fileName: request.fileName,
      fileHash: request.fileHash ?? createHash("sha256").update(typeof request.text === "string" ? request.text : request.text.cells).digest("hex"),
      fileBytes: request.bytes,
      format: parsed.kind,
      status,
      dryRun: request.dryRun,
      totalRows: parsed.rowCount,
      importedRows: status === "committed" ? values.length : 0,
      failedRows: new Set(parsed.errors.map((e) => e.row)).size,
      userId: request.actor.id,
    });
    if (status === "committed") {
      for (let i = 0; i < values.length; i += CHUNK) await upsertDemand(tx, values.slice(i, i + CHUNK));
    }
    await insertImportRowErrors(tx, importId, [...parsed.errors, ...warnings], CHUNK);
    await recordAudit(
      tx,
      request.actor,
      {
        action: `import.demand.${status}`,
        entityType: "import",
        entityId: importId,
        details: { fileName: request.fileName, kind: parsed.kind, rows: parsed.rowCount, errors: parsed.errors.length, unreachable },
      },
      request.requestId,
    );
    // Subscribers hear of a commit in the commit's own transaction (a rollback sends nothing).
    const webhooks =
      status === "committed"
        ? await emitWebhookEvent(tx, "import.completed", { importId, kind: "demand", totalRows: parsed.rowCount, importedRows: values.length, replacedRows: 0, skippedRows: 0 }, new Date())
        : 0;
    return { importId, webhooks };
  });
  if (webhooks > 0) wakeWebhookWorker(db);
  return {
    importId,
    status,
    kind: parsed.kind,
    totalRows: parsed.rowCount,
    storedRows: status === "committed" ? values.length : 0,
    unreachable,
    errors: parsed.errors.slice(0, 500),
    warnings: warnings.slice(0, 500),
  };
}
