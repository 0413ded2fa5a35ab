import "server-only";
import { readCsvTable, type CsvInput } from "../../csv/read";
import { z } from "zod";
import type { Db } from "../../db/client";
import { findShiftByAgentStart } from "../../db/queries/shifts";
import { AppError, isAppError } from "../../errors";
import { tradeRequestSchema, type TradeRequest } from "../../schemas/trades";
import type { RowError } from "../../schemas/imports";
import type { BulkTradeOutcome } from "../../types/trades";
import type { AuditActor } from "../audit";
import { requestTrade } from "./request";

/** One request per row; shifts are named by their agent and start, as planners know them. */
const rowSchema = z.object({
  kind: z.enum(["swap", "oneSided"], { error: 'kind must be "swap" or "oneSided".' }),
  initiatorAgentId: z.string().trim().min(1, { error: "initiatorAgentId is required." }),
  initiatorShiftStart: z.iso.datetime({ offset: true, error: "initiatorShiftStart must be an ISO date-time with an offset, e.g. 2026-11-25T09:00:00-05:00." }),
  receiverAgentId: z.string().trim().min(1, { error: "receiverAgentId is required." }),
  receiverShiftStart: z.union([z.literal(""), z.iso.datetime({ offset: true, error: "receiverShiftStart must be an ISO date-time with an offset." })]).optional(),
  note: z.string().max(500).optional(),
});

export const TRADE_CSV_COLUMNS = ["kind", "initiatorAgentId", "initiatorShiftStart", "receiverAgentId", "receiverShiftStart", "note"] as const;
const MAX_ROWS = 2000;

/**
 * Files many trade requests from a CSV. Every row is checked first (shape, and that each
 * named shift exists); a file with any bad row files nothing. Valid rows are then filed in
 * order, each judged with the earlier ones already applied or pending, as a queue would be.
 */
export async function requestTradesFromCsv(db: Db, input: CsvInput, actor: AuditActor, now: number, requestId?: string): Promise<BulkTradeOutcome> {
  // The shared reader: bounded cells, rows and columns, so a hostile file is refused in one
  // linear pass (in the upload worker when the route hands over its records).
  const read = readCsvTable(input);
  if (!read.ok) throw new AppError("VALIDATION", read.fileError.code === "HEADER_ONLY" ? "The file has no trade rows." : read.fileError.message);
  const { headers, records, rowNumbers } = read.table;
  const missing = TRADE_CSV_COLUMNS.filter((c) => c !== "note" && c !== "receiverShiftStart" && !headers.includes(c));
  if (missing.length) throw new AppError("VALIDATION", `The file needs the columns ${TRADE_CSV_COLUMNS.join(", ")}; missing: ${missing.join(", ")}.`);
  if (records.length > MAX_ROWS) throw new AppError("VALIDATION", `At most ${MAX_ROWS} trades per file; this one has ${records.length}.`);
  const rows = records.map((rec) => Object.fromEntries(headers.map((h, j) => [h, rec[j]])) as Record<string, string>);

  const errors: RowError[] = [];
  const requests: Array<{ row: number; request: TradeRequest }> = [];
  const findShift = (agentId: string, start: string) => findShiftByAgentStart(db, agentId, new Date(start));

  for (const [i, raw] of rows.entries()) {
    const row = rowNumbers[i];
    const r = rowSchema.safeParse(raw);
    if (!r.success) {
      for (const issue of r.error.issues) {
        const column = String(issue.path[0] ?? "");
        errors.push({ row, column: column || null, value: column ? (raw[column] ?? null) : null, code: "BAD_VALUE", message: `Row ${row}: ${issue.message}` });
      }
      continue;
    }
    const given = r.data;
    const initiatorShift = await findShift(given.initiatorAgentId, given.initiatorShiftStart);
    if (!initiatorShift) {
      errors.push({ row, column: "initiatorShiftStart", value: given.initiatorShiftStart, code: "UNKNOWN_SHIFT", message: `Row ${row}: ${given.initiatorAgentId} has no shift starting ${given.initiatorShiftStart}.` });
      continue;
    }
    let receiverShift: { id: string; version: number } | undefined;
    if (given.kind === "swap") {
      if (!given.receiverShiftStart) {
        errors.push({ row, column: "receiverShiftStart", value: null, code: "MISSING_VALUE", message: `Row ${row}: a swap names the receiver's shift start.` });
        continue;
      }
      receiverShift = await findShift(given.receiverAgentId, given.receiverShiftStart);
      if (!receiverShift) {
        errors.push({ row, column: "receiverShiftStart", value: given.receiverShiftStart, code: "UNKNOWN_SHIFT", message: `Row ${row}: ${given.receiverAgentId} has no shift starting ${given.receiverShiftStart}.` });
        continue;
      }
    }
    const request = tradeRequestSchema.safeParse({
      kind: given.kind,
      initiatorAgentId: given.initiatorAgentId,
      initiatorShiftId: initiatorShift.id,
      initiatorShiftVersion: initiatorShift.version,
      receiverAgentId: given.receiverAgentId,
      receiverShiftId: receiverShift?.id,
      receiverShiftVersion: receiverShift?.version,
      note: given.note,
    });
    if (!request.success) {
      for (const issue of request.error.issues) errors.push({ row, column: String(issue.path[0] ?? "") || null, value: null, code: "BAD_REQUEST", message: `Row ${row}: ${issue.message}` });
      continue;
    }
    requests.push({ row, request: request.data });
  }
  if (errors.length) return { filed: [], errors };

  const filed: BulkTradeOutcome["filed"] = [];
  for (const { row, request } of requests) {
    try {
      filed.push({ row, ...(await requestTrade(db, request, actor, now, requestId)) });
    } catch (e) {
      // A refusal (e.g. a shift already in another trade) stops nothing else: that request is not filed.
      if (!isAppError(e)) throw e;
      errors.push({ row, column: null, value: null, code: e.code, message: `Row ${row}: ${e.userMessage}` });
    }
  }
  return { filed, errors };
}
