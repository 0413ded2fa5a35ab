import { z } from "zod";
import { MAX_IMPORT_BYTES } from "../../csv/limits";
import { rowErrorSchema } from "../../schemas/imports";
import { shiftUploadQuerySchema } from "../../schemas/shift-import";
import { safeText } from "../../schemas/text";
import { FILE_BODY } from "../csrf";
import { defineOperation, instant, pageOf, pageQuery } from "./define";

const importStatus = z.enum(["validated", "committed", "rejected"]);

export const shiftImportOutcomeSchema = z.looseObject({
  importId: z.string().nullable(),
  status: z.enum(["validated", "committed", "rejected", "needsMapping"]),
  format: z.string().nullable(),
  totalRows: z.number().int(),
  validRows: z.number().int(),
  importedRows: z.number().int(),
  unchangedRows: z.number().int(),
  skippedRows: z.number().int(),
  replacedRows: z.number().int(),
  errors: z.array(rowErrorSchema),
  warnings: z.array(rowErrorSchema),
  cxone: z.unknown().nullable(),
});

export const demandImportQuerySchema = z.object({
  fileName: safeText().min(1, { error: "Name the file." }).max(255),
  dryRun: z.enum(["true", "false"], { error: "Use true or false." }).default("false").transform((v) => v === "true"),
});

export const demandImportOutcomeSchema = z.object({
  importId: z.string(),
  status: importStatus,
  kind: z.enum(["forecast", "required"]),
  totalRows: z.number().int(),
  storedRows: z.number().int(),
  unreachable: z.number().int().meta({ description: "Intervals where the service level cannot be reached (stored at the search cap)." }),
  errors: z.array(rowErrorSchema),
  warnings: z.array(rowErrorSchema),
});

const SHIFT_CSV = "agentId,start,end,skills,status,siteId\nAGENT-1001,2030-01-07T14:00:00Z,2030-01-07T22:00:00Z,SKILL-EN-TECH-SUPPORT:4,DRAFT,NYC\n";
const DEMAND_CSV = "skillId,intervalStart,offeredContacts,ahtSeconds\nSKILL-EN-BILLING,2030-01-07T14:00:00Z,100,180\n";

export const importShifts = defineOperation({
  path: "/api/v1/imports/shifts",
  method: "POST",
  tag: "Imports",
  summary: "Import a shift CSV",
  description: "The body is the file (text/csv); options are query parameters. `dryRun=true` validates every row and stores nothing. Row errors name the row and column; a file with errors stores nothing unless `onlyValidRows=true`.",
  input: shiftUploadQuerySchema,
  inputFrom: "query",
  inputExample: { fileName: "week-48.csv", dryRun: "true" },
  fileBody: { contentType: "text/csv", description: `The shift CSV (CXone template, or agentId,start,end[,skills,status,breaks,siteId,notes]), up to ${MAX_IMPORT_BYTES / 1048576} MB.`, example: SHIFT_CSV },
  accepts: FILE_BODY,
  idempotent: true,
  maxBodyBytes: MAX_IMPORT_BYTES,
  response: {
    description: "What the import did (or would do, on a dry run), with every row error.",
    schema: shiftImportOutcomeSchema,
    example: { importId: "6d2f0c1a-3b4e-4f5a-8c7d-9e0f1a2b3c4d", status: "validated", format: "simple", totalRows: 1, validRows: 1, importedRows: 0, unchangedRows: 0, skippedRows: 0, replacedRows: 0, errors: [], warnings: [], cxone: null },
  },
});

export const importDemand = defineOperation({
  path: "/api/v1/imports/demand",
  method: "POST",
  tag: "Imports",
  summary: "Import demand (forecast or required agents)",
  description: "The body is the file: a forecast (contacts, AHT per skill and interval, turned into required agents by Erlang C with each skill's staffing targets) or required agents directly.",
  input: demandImportQuerySchema,
  inputFrom: "query",
  inputExample: { fileName: "forecast-week-48.csv", dryRun: "false" },
  fileBody: { contentType: "text/csv", description: `The demand CSV: skillId,intervalStart,offeredContacts,ahtSeconds (a forecast) or skillId,intervalStart,requiredAgents, up to ${MAX_IMPORT_BYTES / 1048576} MB.`, example: DEMAND_CSV },
  accepts: FILE_BODY,
  idempotent: true,
  maxBodyBytes: MAX_IMPORT_BYTES,
  response: {
    description: "What was stored, and the intervals whose target cannot be reached.",
    schema: demandImportOutcomeSchema,
    example: { importId: "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", status: "committed", kind: "forecast", totalRows: 1, storedRows: 1, unreachable: 0, errors: [], warnings: [] },
  },
});

export const importIdParam = z.uuid({ error: "Not an import id." });

export const importErrorReport = defineOperation({
  path: "/api/v1/imports/[id]/errors",
  method: "GET",
  tag: "Imports",
  summary: "An import's error report (CSV)",
  description: "Every row error of the import, as CSV safe to open in a spreadsheet (formulas neutralised).",
  pathParams: { id: importIdParam },
  response: { description: "The error report.", schema: undefined, contentType: "text/csv", example: "row,column,value,code,message\n2,start,tomorrow,BAD_TIME,Row 2: start is not an instant.\n" },
});

export const undoImportResultSchema = z.object({ importId: z.string(), removed: z.number().int(), restored: z.number().int() });

export const undoShiftImport = defineOperation({
  path: "/api/v1/imports/[id]/undo",
  method: "POST",
  tag: "Imports",
  summary: "Undo a shift import",
  description:
    "Removes exactly the shifts the import added and restores the ones it replaced, in one transaction. Refused (409, with the reason) when one of its shifts was traded, is in an open trade, was changed since, or is gone; or when it was already undone.",
  pathParams: { id: importIdParam },
  accepts: ["application/json", ""],
  response: { description: "What was removed and restored.", schema: undoImportResultSchema, example: { importId: "6d2f0c1a-3b4e-4f5a-8c7d-9e0f1a2b3c4d", removed: 120, restored: 3 } },
});

// ── Reading imports back ──

export const importListQuerySchema = z.strictObject({
  ...pageQuery,
  kind: z.enum(["shifts", "demand"], { error: "kind is shifts or demand." }).optional().meta({ description: "Only shift or only demand imports." }),
});

export const importViewSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["shifts", "demand"]),
    fileName: z.string(),
    fileBytes: z.number().int(),
    format: z.string(),
    status: z.enum(["validated", "committed", "rejected", "failed"]).meta({ description: "validated: a dry run (nothing stored); committed: stored; rejected: refused, nothing stored." }),
    dryRun: z.boolean(),
    createdAt: instant(),
    createdBy: z.string().nullable().meta({ description: "Who ran it (a token's service user: api-token-…@tokens.invalid)." }),
    counts: z.object({ totalRows: z.number().int(), importedRows: z.number().int(), skippedRows: z.number().int(), failedRows: z.number().int(), replacedRows: z.number().int() }),
    undone: z.boolean().meta({ description: "A planner undid it: its shifts removed, what it replaced restored." }),
    undoneAt: instant().nullable(),
    cxone: z.record(z.string(), z.unknown()).nullable().meta({ description: "CXone's answer to the push of its shifts (cxone backend)." }),
  })
  .meta({ id: "Import" });

const IMPORT_EXAMPLE = {
  id: "6d2f0c1a-3b4e-4f5a-8c7d-9e0f1a2b3c4d",
  kind: "shifts" as const,
  fileName: "week-48.csv",
  fileBytes: 18234,
  format: "simple",
  status: "committed" as const,
  dryRun: false,
  createdAt: "2026-11-28T09:15:00.000Z",
  createdBy: "planner@demo.local",
  counts: { totalRows: 120, importedRows: 118, skippedRows: 2, failedRows: 0, replacedRows: 3 },
  undone: false,
  undoneAt: null,
  cxone: null,
};

export const listImports = defineOperation({
  path: "/api/v1/imports",
  method: "GET",
  tag: "Imports",
  summary: "Shift and demand imports, newest first",
  input: importListQuerySchema,
  inputExample: { kind: "shifts", limit: 20 },
  response: { description: "A page of imports.", schema: pageOf(importViewSchema), example: { items: [IMPORT_EXAMPLE], nextCursor: null } },
});

export const getImportOp = defineOperation({
  path: "/api/v1/imports/[id]",
  method: "GET",
  tag: "Imports",
  summary: "One import: counts, status, undone",
  description: "Its row errors are at /imports/{id}/errors (CSV).",
  pathParams: { id: importIdParam },
  response: { description: "The import.", schema: importViewSchema, example: IMPORT_EXAMPLE },
});
