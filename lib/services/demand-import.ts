import "server-only";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { demand, importRowErrors, imports, staffingSettings } from "../db/schema";
import { getSkills } from "../db/queries/reference";
import { parseDemandCsv } from "../csv";
import type { DemandColumnMapping, RowError } from "../schemas/imports";
import { DEFAULT_STAFFING, requiredStaff, type StaffingSettings } from "../domain/erlang";
import { SkillCatalog } from "../domain/skills";
import { INTERVAL_MS } from "../domain/types";
import { AppError } from "../errors";
import { recordAudit, type AuditActor } from "./audit";

const INTERVAL_SECONDS = INTERVAL_MS / 1000;
const CHUNK = 1000;

export interface DemandImportOutcome {
  importId: string;
  status: "validated" | "committed" | "rejected";
  kind: "forecast" | "required";
  totalRows: number;
  storedRows: number;
  /** Intervals where the service level cannot be reached: stored at the search cap and listed. */
  unreachable: number;
  errors: RowError[];
  warnings: RowError[];
}

export async function getStaffingSettings(db: Db): Promise<Map<string, StaffingSettings>> {
  const rows = await db.select().from(staffingSettings);
  return new Map(
    rows.map((r) => [r.skillId, { serviceLevelTarget: r.serviceLevelTarget, serviceLevelSeconds: r.serviceLevelSeconds, maxOccupancy: r.maxOccupancy, shrinkage: r.shrinkage }]),
  );
}

/**
 * Imports demand: required agents as given, or a forecast turned into required agents by
 * Erlang C with the skill's staffing settings. Required = agents on the phones grossed up
 * by shrinkage (DOMAIN.md); set shrinkage to what the schedule does not already hold
 * (absence, training), since scheduled breaks are taken out of coverage already.
 * One transaction; any row error stores nothing.
 */
export async function importDemandFile(
  db: Db,
  request: { fileName: string; text: string; bytes: number; dryRun: boolean; mapping?: DemandColumnMapping; actor: AuditActor; requestId?: string },
): Promise<DemandImportOutcome> {
  const catalog = new SkillCatalog(await getSkills(db));
  const parsed = parseDemandCsv(request.text, { catalog }, { mapping: request.mapping });
  if (!parsed.ok && parsed.needsMapping) {
    throw new AppError("VALIDATION", `The columns (${parsed.headers.join(", ")}) are not a demand file: use skillId, intervalStart and requiredAgents, or offeredContacts and ahtSeconds.`);
  }
  if (!parsed.ok) throw new AppError("VALIDATION", parsed.fileError.message);

  const settings = await getStaffingSettings(db);
  const warnings = [...parsed.warnings];
  let unreachable = 0;
  const values =
    parsed.kind === "required"
      ? parsed.rows.map((r) => ({ skillId: r.skillId, intervalStart: new Date(r.intervalStart), requiredAgents: r.requiredAgents, offeredContacts: null, ahtSeconds: null }))
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
          return { skillId: r.skillId, intervalStart: new Date(r.intervalStart), requiredAgents: staff.scheduled, offeredContacts: r.offeredContacts, ahtSeconds: r.ahtSeconds };
        });

  const status: DemandImportOutcome["status"] = request.dryRun ? "validated" : parsed.errors.length > 0 ? "rejected" : "committed";
  const importId = await db.transaction(async (tx) => {
    const [history] = await tx
      .insert(imports)
      .values({
        kind: "demand",
        fileName: request.fileName,
        fileHash: createHash("sha256").update(request.text).digest("hex"),
        fileBytes: request.bytes,
        format: parsed.kind,
        status,
        dryRun: request.dryRun,
        totalRows: parsed.rowCount,
        importedRows: status === "committed" ? values.length : 0,
        failedRows: new Set(parsed.errors.map((e) => e.row)).size,
        userId: request.actor.id,
      })
      .returning({ id: imports.id });
    if (status === "committed") {
      for (let i = 0; i < values.length; i += CHUNK) {
        await tx
          .insert(demand)
          .values(values.slice(i, i + CHUNK))
          .onConflictDoUpdate({
            target: [demand.skillId, demand.intervalStart],
            set: { requiredAgents: sql`excluded.required_agents`, offeredContacts: sql`excluded.offered_contacts`, ahtSeconds: sql`excluded.aht_seconds` },
          });
      }
    }
    const issues = [...parsed.errors, ...warnings];
    for (let i = 0; i < issues.length; i += CHUNK) {
      await tx.insert(importRowErrors).values(issues.slice(i, i + CHUNK).map((e) => ({ importId: history.id, row: e.row, column: e.column, value: e.value, code: e.code, message: e.message })));
    }
    await recordAudit(tx, {
      actor: request.actor,
      action: `import.demand.${status}`,
      entityType: "import",
      entityId: history.id,
      details: { fileName: request.fileName, kind: parsed.kind, rows: parsed.rowCount, errors: parsed.errors.length, unreachable },
      requestId: request.requestId,
    });
    return history.id;
  });
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
