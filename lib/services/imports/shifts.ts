import "server-only";
import { overlapConflictFrom } from "../shifts/overlap-guard";
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../../db/client";
import { getSavedMapping, insertImport, insertImportRowErrors, putSavedMapping, replaceShiftsForImport, setImportCounts } from "../../db/queries/imports";
import { getAgents, getSites, getSkills } from "../../db/queries/reference";
import { getShiftsOverlapping, insertImportedShifts, OrderedIds, writeImportedShiftsCheckedOnce } from "../../db/queries/shifts";
import { anyOpenTradeOnShifts } from "../../db/queries/trades";
import { parseShiftCsv, type CsvInput, type ImportContext, type ShiftParseResult } from "../../csv";
import type { ColumnMapping, ValidShiftRow } from "../../schemas/imports";
import { SkillCatalog } from "../../domain/skills";
import { pipelined } from "../../db/pipeline";
import { AppError } from "../../errors";
import type { ShiftImportOutcome, ShiftImportStatus } from "../../types/imports";
import { recordAudit, type AuditActor } from "../audit";
import { emitWebhookEvent } from "../webhooks/emit";
import { wakeWebhookWorker } from "../webhooks/worker";
import { wfmBackend } from "../backends";

export interface ShiftImportOptions {
  dryRun: boolean;
  overwriteConflicts: boolean;
  /** Import the valid rows of a file that has errors (off by default: any error imports nothing). */
  onlyValidRows: boolean;
  mapping?: ColumnMapping;
}

export interface ShiftImportRequest {
  fileName: string;
  /** The file's text, or the records the upload worker read from it (lib/api/csv-upload.ts). */
  text: CsvInput;
  /** SHA-256 of the uploaded bytes; computed from the text when not given. */
  fileHash?: string;
  bytes: number;
  options: ShiftImportOptions;
  actor: AuditActor;
  requestId?: string;
}

/** Errors shown in the response; the full list is in the stored error report. */
const ERRORS_IN_RESPONSE = 500;
const INSERT_CHUNK = 1000;
const SHIFT_INSERT_CHUNK = 10_000;

function fileHashOf(request: { text: CsvInput; fileHash?: string }): string {
  if (request.fileHash) return request.fileHash;
  if (typeof request.text !== "string") throw new Error("fileHash is required with pre-read records");
  return createHash("sha256").update(request.text).digest("hex");
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
 * Once committed, the rows written are pushed to the backend (CXone, when it is on); a
 * failed push is recorded on the import and does not undo the commit.
 */
export async function importShiftFile(db: Db, request: ShiftImportRequest): Promise<ShiftImportOutcome> {
  const { options } = request;
  const ctx = await buildContext(db, options.overwriteConflicts);
  let mapping = options.mapping;
  let parsed = parseShiftCsv(request.text, ctx, { mapping });

  // An unknown header set may have a mapping a planner confirmed before.
  if (!parsed.ok && parsed.needsMapping && !mapping) {
    const saved = await getSavedMapping(db, parsed.headerKey);
    if (saved) {
      mapping = saved;
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
      cxone: null,
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
    const importId = await insertImport(tx, {
      kind: "shifts",
      fileName: request.fileName,
      fileHash: fileHashOf(request),
      fileBytes: request.bytes,
      format: result.format,
      status,
      dryRun: options.dryRun,
      totalRows: result.rowCount,
      failedRows: errorRows,
      skippedRows: status === "committed" ? errorRows : 0,
      options: { overwriteConflicts: options.overwriteConflicts, onlyValidRows: options.onlyValidRows, mapping: mapping ?? null },
      userId: request.actor.id,
    });
    const replacedRows = status === "committed" ? await replaceShifts(tx, importId, result.replacedShiftIds) : 0;
    const importedRows = status === "committed" ? await writeShifts(tx, importId, toWrite) : 0;
    const allIssues = [...result.errors, ...result.warnings.filter((w) => w.code !== "ALREADY_STORED")];
    await insertImportRowErrors(tx, importId, allIssues, INSERT_CHUNK);
    await setImportCounts(tx, importId, { importedRows, replacedRows });
    if (mapping && result.format === "mapped") {
      await putSavedMapping(tx, result.headerKey, mapping, request.actor.id);
    }
    await recordAudit(
      tx,
      request.actor,
      {
        action: `import.shifts.${status}`,
        entityType: "import",
        entityId: importId,
        details: { fileName: request.fileName, rows: result.rowCount, imported: importedRows, replaced: replacedRows, errors: result.errors.length },
      },
      request.requestId,
    );
    // Subscribers hear of a commit in the commit's own transaction (a rollback sends nothing).
    const webhooks =
      status === "committed"
        ? await emitWebhookEvent(tx, "import.completed", { importId, kind: "shifts", totalRows: result.rowCount, importedRows, replacedRows, skippedRows: errorRows }, new Date())
        : 0;
    return { importId, importedRows, replacedRows, webhooks };
  }).catch((e: unknown) => {
    throw overlapConflictFrom(e) ?? e;
  });
  if (outcome.webhooks > 0) wakeWebhookWorker(db);

  // With the cxone backend the committed shifts go on to CXone; its counts are kept on the import.
  const cxone = status === "committed" && toWrite.length > 0 ? await wfmBackend().pushImport(db, outcome.importId, toWrite) : null;
  return {
    importId: outcome.importId,
    status,
    format: result.format,
    totalRows: result.rowCount,
    validRows: result.rows.length,
    importedRows: outcome.importedRows,
    // Rows already stored as they are: left alone on a commit, and counted on a dry run too.
    unchangedRows: status === "committed" ? result.rows.length - outcome.importedRows : alreadyStored.size,
    skippedRows: status === "committed" ? errorRows : 0,
    replacedRows: outcome.replacedRows,
    errors: result.errors.slice(0, ERRORS_IN_RESPONSE),
    warnings: result.warnings.slice(0, ERRORS_IN_RESPONSE),
    cxone,
  };
}

/**
 * The replacement step of an overwrite import: removes the stored shifts the file replaces,
 * inside the import's transaction, refused while any of them is part of an open trade.
 * Kept apart so what is replaced can be recorded against the import (undo) in one place.
 */
async function replaceShifts(tx: Db, importId: string, shiftIds: readonly string[]): Promise<number> {
  if (shiftIds.length === 0) return 0;
  if (await anyOpenTradeOnShifts(tx, shiftIds)) {
    throw new AppError("CONFLICT", "Some shifts this file would replace are part of open trade requests; decide or cancel those trades first.");
  }
  // The replaced rows are kept beside the import so undoing it can restore them exactly.
  return replaceShiftsForImport(tx, importId, shiftIds);
}

/**
 * The commit of the file's rows, set-based: a few statements of many rows each (jsonb
 * expanded by jsonb_to_recordset), rows already stored skipped by the (agent, start, end)
 * unique index, the foreign keys checked once for the batch (writeImportedShiftsCheckedOnce).
 * That nobody now works two shifts at once is the database's check at commit (migration
 * 0013), which also sees whatever a concurrent writer committed first. Rows go in by agent
 * and start with time-ordered ids, so the indexes fill in order rather than at random.
 * Returns the rows inserted.
 */
async function writeShifts(tx: Db, importId: string, rows: readonly ValidShiftRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const ordered = [...rows].sort((a, b) => (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : a.start - b.start));
  const { inserted, missing } = await writeImportedShiftsCheckedOnce(tx, { agentIds: ordered.map((r) => r.agentId), siteIds: ordered.map((r) => r.siteId), importId }, async () => {
    // The next chunk's arrays are built while the database inserts the one before.
    const ids = new OrderedIds(Date.now(), randomBytes(6));
    const inserted = await pipelined(Math.ceil(ordered.length / SHIFT_INSERT_CHUNK), (k) =>
      insertImportedShifts(tx, ordered.slice(k * SHIFT_INSERT_CHUNK, (k + 1) * SHIFT_INSERT_CHUNK), importId, ids),
    );
    return inserted.reduce((a, b) => a + b, 0);
  });
  if (missing) {
    const named = [...missing.agentIds.map((id) => `agent ${id}`), ...missing.siteIds.map((id) => `site ${id}`)];
    throw new AppError("CONFLICT", `${named.slice(0, 10).join(", ")}${named.length > 10 ? ` and ${named.length - 10} more` : ""} no longer exist${named.length === 1 ? "s" : ""}: removed while the file was being imported. Nothing was saved; check the file again.`);
  }
  return inserted;
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
