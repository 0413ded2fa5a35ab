import "server-only";
import { createHash } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { columnMappings, importRowErrors, imports, shifts as shiftsTable, tradeRequests } from "../db/schema";
import { getAgents, getShiftsOverlapping, getSites, getSkills } from "../db/queries/reference";
import { parseShiftCsv, type ImportContext, type ShiftParseResult } from "../csv";
import type { ColumnMapping, RowError, ValidShiftRow } from "../schemas/imports";
import { SkillCatalog } from "../domain/skills";
import { AppError } from "../errors";
import { recordAudit, type AuditActor } from "./audit";

export interface ShiftImportOptions {
  dryRun: boolean;
  overwriteConflicts: boolean;
  /** Import the valid rows of a file that has errors (off by default: any error imports nothing). */
  onlyValidRows: boolean;
  mapping?: ColumnMapping;
}

export interface ShiftImportRequest {
  fileName: string;
  text: string;
  bytes: number;
  options: ShiftImportOptions;
  actor: AuditActor;
  requestId?: string;
}

export type ShiftImportStatus = "validated" | "committed" | "rejected";

export interface ShiftImportOutcome {
  importId: string | null;
  status: ShiftImportStatus | "needsMapping";
  format: string | null;
  totalRows: number;
  validRows: number;
  importedRows: number;
  unchangedRows: number;
  skippedRows: number;
  replacedRows: number;
  errors: RowError[];
  warnings: RowError[];
  /** When the file's headers are not recognised: pick a column for each field. */
  mappingNeeded?: { headers: string[]; headerKey: string; suggested: Partial<ColumnMapping> };
  /** The committed rows, for a push to CXone. */
  committedRows?: ValidShiftRow[];
}

/** Errors shown in the response; the full list is in the stored error report. */
const ERRORS_IN_RESPONSE = 500;
const INSERT_CHUNK = 1000;
const SHIFT_INSERT_CHUNK = 10_000;

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

async function buildContext(db: Db, overwriteConflicts: boolean): Promise<ImportContext> {
  const [agents, sites, skills] = await Promise.all([getAgents(db), getSites(db), getSkills(db)]);
  return {
    agentsById: new Map(agents.map((a) => [a.id, a])),
    agentsByUsername: new Map(agents.map((a) => [a.username.toLowerCase(), a])),
    sites: new Map(sites.map((s) => [s.id, s])),
    catalog: new SkillCatalog(skills),
    overwriteConflicts,
  };
}

/**
 * Validates a shift file against the schedule and, unless it is a dry run, commits it in
 * one transaction: every valid row or none (unless "only valid rows" is chosen), replaced
 * shifts removed, the history and the audit entry written with it. Re-importing the same
 * file adds nothing: a row whose agent, start and end are stored already is left alone.
 */
export async function importShiftFile(db: Db, request: ShiftImportRequest): Promise<ShiftImportOutcome> {
  const { options } = request;
  const ctx = await buildContext(db, options.overwriteConflicts);
  let mapping = options.mapping;
  let parsed = parseShiftCsv(request.text, ctx, { mapping });

  // An unknown header set may have a mapping a planner confirmed before.
  if (!parsed.ok && parsed.needsMapping && !mapping) {
    const [saved] = await db.select().from(columnMappings).where(eq(columnMappings.headerKey, parsed.headerKey)).limit(1);
    if (saved) {
      mapping = saved.mapping as ColumnMapping;
      parsed = parseShiftCsv(request.text, ctx, { mapping });
    }
  }
  if (!parsed.ok && parsed.needsMapping) {
    return {
      importId: null,
      status: "needsMapping",
      format: null,
      totalRows: 0,
      validRows: 0,
      importedRows: 0,
      unchangedRows: 0,
      skippedRows: 0,
      replacedRows: 0,
      errors: [],
      warnings: [],
      mappingNeeded: { headers: parsed.headers, headerKey: parsed.headerKey, suggested: parsed.suggested },
    };
  }
  if (!parsed.ok) throw new AppError("VALIDATION", parsed.fileError.message, { fileErrorCode: parsed.fileError.code });

  // Overlaps against stored shifts need the stored shifts of the file's agents and window,
  // which are known only after a first pass; most first imports find none and skip the second.
  if (parsed.rows.length > 0) {
    const window = rowsWindow(parsed.rows);
    const agentIds = [...new Set(parsed.rows.map((r) => r.agentId))];
    const stored = await getShiftsOverlapping(db, { from: new Date(window.start), to: new Date(window.end) }, agentIds.length <= 5000 ? { agentIds } : {});
    if (stored.length > 0) {
      const byAgent = new Map<string, { id: string; start: number; end: number }[]>();
      for (const s of stored) {
        const list = byAgent.get(s.agentId) ?? [];
        list.push({ id: s.id, start: s.start, end: s.end });
        byAgent.set(s.agentId, list);
      }
      parsed = parseShiftCsv(request.text, { ...ctx, storedShifts: (id) => byAgent.get(id) ?? [] }, { mapping }) as typeof parsed;
      if (!parsed.ok) throw new AppError("INTERNAL");
    }
  }

  const result = parsed as Extract<ShiftParseResult, { ok: true }>;
  const errorRows = new Set(result.errors.map((e) => e.row)).size;
  const alreadyStored = new Set(result.warnings.filter((w) => w.code === "ALREADY_STORED").map((w) => w.row));
  const rejected = result.errors.length > 0 && !options.onlyValidRows;
  const status: ShiftImportStatus = options.dryRun ? "validated" : rejected ? "rejected" : "committed";
  // A row already stored as it is (same agent, start, end) is left alone: re-import adds nothing.
  const toWrite = status === "committed" ? result.rows.filter((r) => !alreadyStored.has(r.row)) : [];

  const outcome = await db.transaction(async (tx) => {
    let replacedRows = 0;
    let importedRows = 0;
    if (status === "committed" && result.replacedShiftIds.length > 0) {
      const inTrades = await tx
        .select({ id: tradeRequests.id })
        .from(tradeRequests)
        .where(
          and(
            inArray(tradeRequests.status, ["Unmatched", "Matched", "PendingReview"]),
            sql`(${tradeRequests.initiatorShiftId} in ${result.replacedShiftIds} or ${tradeRequests.receiverShiftId} in ${result.replacedShiftIds})`,
          ),
        )
        .limit(1);
      if (inTrades.length > 0) {
        throw new AppError("CONFLICT", "Some shifts this file would replace are part of open trade requests; decide or cancel those trades first.");
      }
      const deleted = await tx.delete(shiftsTable).where(inArray(shiftsTable.id, result.replacedShiftIds)).returning({ id: shiftsTable.id });
      replacedRows = deleted.length;
    }
    const [history] = await tx
      .insert(imports)
      .values({
        kind: "shifts",
        fileName: request.fileName,
        fileHash: sha256(request.text),
        fileBytes: request.bytes,
        format: result.format,
        status,
        dryRun: options.dryRun,
        totalRows: result.rowCount,
        failedRows: errorRows,
        skippedRows: status === "committed" ? errorRows : 0,
        options: { overwriteConflicts: options.overwriteConflicts, onlyValidRows: options.onlyValidRows, mapping: mapping ?? null },
        userId: request.actor.id,
      })
      .returning({ id: imports.id });
    for (let i = 0; i < toWrite.length; i += SHIFT_INSERT_CHUNK) {
      importedRows += await insertShiftRows(tx, toWrite.slice(i, i + SHIFT_INSERT_CHUNK), history.id);
    }
    const allIssues = [...result.errors, ...result.warnings.filter((w) => w.code !== "ALREADY_STORED")];
    for (let i = 0; i < allIssues.length; i += INSERT_CHUNK) {
      await tx.insert(importRowErrors).values(
        allIssues.slice(i, i + INSERT_CHUNK).map((e) => ({ importId: history.id, row: e.row, column: e.column, value: e.value, code: e.code, message: e.message })),
      );
    }
    await tx
      .update(imports)
      .set({ importedRows, replacedRows })
      .where(eq(imports.id, history.id));
    if (mapping && result.format === "mapped") {
      await tx
        .insert(columnMappings)
        .values({ headerKey: result.headerKey, mapping, updatedBy: request.actor.id })
        .onConflictDoUpdate({ target: columnMappings.headerKey, set: { mapping, updatedBy: request.actor.id, updatedAt: new Date() } });
    }
    await recordAudit(tx, {
      actor: request.actor,
      action: `import.shifts.${status}`,
      entityType: "import",
      entityId: history.id,
      details: { fileName: request.fileName, rows: result.rowCount, imported: importedRows, replaced: replacedRows, errors: result.errors.length },
      requestId: request.requestId,
    });
    return { importId: history.id, importedRows, replacedRows };
  });

  return {
    importId: outcome.importId,
    status,
    format: result.format,
    totalRows: result.rowCount,
    validRows: result.rows.length,
    importedRows: outcome.importedRows,
    unchangedRows: status === "committed" ? result.rows.length - outcome.importedRows : 0,
    skippedRows: status === "committed" ? errorRows : 0,
    replacedRows: outcome.replacedRows,
    errors: result.errors.slice(0, ERRORS_IN_RESPONSE),
    warnings: result.warnings.slice(0, ERRORS_IN_RESPONSE),
    committedRows: status === "committed" ? toWrite : undefined,
  };
}

/**
 * Inserts rows through one jsonb parameter expanded by jsonb_to_recordset: one statement
 * and one parameter per chunk instead of ten parameters per row, which is what keeps a
 * 100,000-row import within seconds on both drivers. Rows already stored (same agent,
 * start, end) are skipped by the unique index. Returns how many were inserted.
 */
async function insertShiftRows(tx: Db, rows: readonly ValidShiftRow[], importId: string): Promise<number> {
  const payload = JSON.stringify(
    rows.map((r) => ({
      agent_id: r.agentId,
      site_id: r.siteId,
      starts_at: new Date(r.start).toISOString(),
      ends_at: new Date(r.end).toISOString(),
      status: r.status,
      skills: r.skills,
      breaks: r.breaks,
      notes: r.notes,
    })),
  );
  const result = await tx.execute(sql`
    insert into shifts (agent_id, site_id, starts_at, ends_at, status, skills, breaks, notes, import_id)
    select x.agent_id, x.site_id, x.starts_at, x.ends_at, x.status::shift_status, x.skills, x.breaks, x.notes, ${importId}::uuid
    from jsonb_to_recordset(${payload}::jsonb)
      as x(agent_id text, site_id text, starts_at timestamptz, ends_at timestamptz, status text, skills jsonb, breaks jsonb, notes text)
    on conflict (agent_id, starts_at, ends_at) do nothing`);
  return (result as unknown as { rowCount?: number; affectedRows?: number }).rowCount ?? (result as unknown as { affectedRows?: number }).affectedRows ?? 0;
}

function rowsWindow(rows: readonly ValidShiftRow[]): { start: number; end: number } {
  let start = Infinity;
  let end = -Infinity;
  for (const r of rows) {
    if (r.start < start) start = r.start;
    if (r.end > end) end = r.end;
  }
  return { start, end };
}

export async function getImportErrors(db: Db, importId: string): Promise<RowError[]> {
  const rows = await db
    .select({ row: importRowErrors.row, column: importRowErrors.column, value: importRowErrors.value, code: importRowErrors.code, message: importRowErrors.message })
    .from(importRowErrors)
    .where(eq(importRowErrors.importId, importId))
    .orderBy(importRowErrors.row, importRowErrors.id);
  return rows;
}

export async function getImport(db: Db, importId: string) {
  const [row] = await db.select().from(imports).where(eq(imports.id, importId)).limit(1);
  if (!row) throw new AppError("NOT_FOUND", "No such import.");
  return row;
}
