/**
 * The shapes of CSV imports, shared by the browser preview (a Web Worker) and the
 * server commit: the grammar of each cell, the rows an import yields, the errors it
 * reports, the column mapping a planner confirms, and the CXone shift object we push.
 *
 * The row validator in lib/csv runs hand-written fast paths for the per-cell grammar
 * (100,000 rows must parse at ≥ 50 % of raw papaparse throughput). The cell schemas
 * below are the definition; tests/unit/csv/schemas.property.test.ts proves with
 * fast-check that the fast paths accept exactly what these schemas accept and yield
 * the same values.
 */
import * as z from "zod";
import type { LocalDateTime } from "../domain/time";
import { proficiencyFromName } from "../domain/skills";

// ── Limits and defaults (decisions, written down) ────────────────────────────

/** CXone's own limit on shift notes. */
export const MAX_NOTES_LENGTH = 500;
export const SHIFT_STATUSES = ["PUBLISHED", "DRAFT"] as const;
/**
 * An empty status imports as DRAFT: publishing is a deliberate act, and a blank cell
 * must never push shifts to agents' schedules.
 */
export const DEFAULT_SHIFT_STATUS = "DRAFT" as const;
/** `SKILL_ID` without `:N` means proficiency 3 (the middle of 1–5). */
export const DEFAULT_PROFICIENCY = 3;
/**
 * Canonical breaks of at most 15 minutes are paid rest breaks, longer ones unpaid
 * meal breaks (the common US/UK practice). CXone break/lunch activities are unpaid.
 */
export const PAID_BREAK_MAX_MINUTES = 15;
/** Years outside this range are typos (and Date.UTC maps 0–99 to 1900–1999). */
export const MIN_YEAR = 1970;
export const MAX_YEAR = 2999;
/** Real UTC offsets lie within ±14:00. */
export const MAX_OFFSET_HOURS = 14;

// ── Cell grammar ─────────────────────────────────────────────────────────────

/** A date-time cell: wall clock fields plus the offset it carries, if any. */
export interface DateTimeParts extends LocalDateTime {
  millisecond: number;
  /** Minutes east of UTC written in the cell (`Z` → 0), or null for a local time. */
  offsetMinutes: number | null;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const ISO_CELL = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;
const US_CELL = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})(?::(\d{2}))?$/;

function checkParts(p: DateTimeParts): boolean {
  return (
    p.year >= MIN_YEAR &&
    p.year <= MAX_YEAR &&
    p.month >= 1 &&
    p.month <= 12 &&
    p.day >= 1 &&
    p.day <= daysInMonth(p.year, p.month) &&
    p.hour <= 23 &&
    p.minute <= 59 &&
    p.second <= 59
  );
}

function isoParts(s: string): DateTimeParts | null {
  const m = ISO_CELL.exec(s);
  if (!m) return null;
  let offsetMinutes: number | null = null;
  if (m[8]) offsetMinutes = 0;
  else if (m[9]) {
    const oh = Number(m[10]);
    const om = m[11] ? Number(m[11]) : 0;
    if (oh > MAX_OFFSET_HOURS || om > 59) return null;
    offsetMinutes = (m[9] === "-" ? -1 : 1) * (oh * 60 + om);
  }
  const p: DateTimeParts = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: m[6] ? Number(m[6]) : 0,
    millisecond: m[7] ? Number(m[7].slice(0, 3).padEnd(3, "0")) : 0,
    offsetMinutes,
  };
  return checkParts(p) ? p : null;
}

function usParts(s: string): DateTimeParts | null {
  const m = US_CELL.exec(s);
  if (!m) return null;
  const p: DateTimeParts = {
    year: Number(m[3]),
    month: Number(m[1]),
    day: Number(m[2]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: m[6] ? Number(m[6]) : 0,
    millisecond: 0,
    offsetMinutes: null,
  };
  return checkParts(p) ? p : null;
}

/**
 * Our canonical date-time cell: ISO 8601 with an offset (`2026-03-09T09:00:00-05:00`,
 * `…Z`, `…+0530`, `…+05`), or a local date-time (`2026-03-09 09:00[:ss]`,
 * `2026-03-09T09:00`) read in the row's zone. Seconds and fractions are optional.
 */
export const isoDateTimeCellSchema = z
  .string()
  .trim()
  .transform((s, ctx) => {
    const p = isoParts(s);
    if (!p) {
      ctx.issues.push({ code: "custom", input: s, message: "Expected ISO 8601 like 2026-03-09T09:00:00-05:00 or a local 2026-03-09 09:00" });
      return z.NEVER;
    }
    return p;
  });

/** CXone's template date-time: `mm/dd/yyyy hh:mm:ss`, 24 h (seconds and leading zeros optional). */
export const cxoneDateTimeCellSchema = z
  .string()
  .trim()
  .transform((s, ctx) => {
    const p = usParts(s);
    if (!p) {
      ctx.issues.push({ code: "custom", input: s, message: "Expected mm/dd/yyyy hh:mm:ss (24 h)" });
      return z.NEVER;
    }
    return p;
  });

const SKILL_ITEM = /^([^\s:;,]+)(?:\s*:\s*([1-5]|beginner|intermediate|advanced|expert))?$/i;

/** `SKILL_A:4;SKILL_B;SKILL_C:Expert` → [{SKILL_A, 4}, {SKILL_B, 3}, {SKILL_C, 5}] (names: domain/skills PROFICIENCY_NAMES); empty items are ignored; an id may appear once. */
export const skillsCellSchema = z.string().transform((s, ctx) => {
  const out: { skillId: string; proficiency: number }[] = [];
  for (const raw of s.split(";")) {
    const item = raw.trim();
    if (item === "") continue;
    const m = SKILL_ITEM.exec(item);
    if (!m) {
      ctx.issues.push({ code: "custom", input: s, message: `"${item}" is not SKILL_ID or SKILL_ID:1–5 or SKILL_ID:BEGINNER|INTERMEDIATE|ADVANCED|EXPERT` });
      return z.NEVER;
    }
    if (out.some((x) => x.skillId === m[1])) {
      ctx.issues.push({ code: "custom", input: s, message: `${m[1]} is listed twice` });
      return z.NEVER;
    }
    out.push({ skillId: m[1], proficiency: m[2] ? (proficiencyFromName(m[2]) ?? Number(m[2])) : DEFAULT_PROFICIENCY });
  }
  return out;
});

const BREAK_ITEM = /^\+?\s*(\d{1,4})\s*\/\s*(\d{1,4})$/;

/** `+120/15;+240/30` → breaks at 120 min (15 min, paid) and 240 min (30 min, unpaid) after the start. */
export const breaksCellSchema = z.string().transform((s, ctx) => {
  const out: { startOffsetMinutes: number; durationMinutes: number; paid: boolean }[] = [];
  for (const raw of s.split(";")) {
    const item = raw.trim();
    if (item === "") continue;
    const m = BREAK_ITEM.exec(item);
    if (!m || Number(m[2]) === 0) {
      ctx.issues.push({ code: "custom", input: s, message: `"${item}" is not +offsetMinutes/durationMinutes` });
      return z.NEVER;
    }
    const durationMinutes = Number(m[2]);
    out.push({ startOffsetMinutes: Number(m[1]), durationMinutes, paid: durationMinutes <= PAID_BREAK_MAX_MINUTES });
  }
  return out;
});

/** PUBLISHED or DRAFT in any case; blank → DRAFT. */
export const statusCellSchema = z
  .string()
  .trim()
  .transform((s, ctx) => {
    const u = s.toUpperCase();
    if (u === "") return DEFAULT_SHIFT_STATUS;
    if (u === "PUBLISHED" || u === "DRAFT") return u;
    ctx.issues.push({ code: "custom", input: s, message: "Expected PUBLISHED or DRAFT" });
    return z.NEVER;
  });

/** Notes are stored verbatim as text (a leading "=" is never evaluated); blank → null. */
export const notesCellSchema = z
  .string()
  .max(MAX_NOTES_LENGTH, { error: `Notes may hold at most ${MAX_NOTES_LENGTH} characters` })
  .transform((s) => (s.trim() === "" ? null : s));

const NUMBER_CELL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** A plain decimal number (`12`, `12.5`, `-3`); no thousands separators, no exponents. */
export const numberCellSchema = z
  .string()
  .trim()
  .regex(NUMBER_CELL, { error: "Expected a number like 12 or 12.5" })
  .transform(Number);

/** The raw cells of one canonical row, as the columns give them (absent column → ""). */
export const canonicalShiftCellsSchema = z.object({
  agentId: z.string().trim().min(1, { error: "Agent id is required" }),
  start: isoDateTimeCellSchema,
  end: isoDateTimeCellSchema,
  timeZone: z.string().trim(),
  skills: skillsCellSchema,
  status: statusCellSchema,
  breaks: breaksCellSchema,
  siteId: z.string().trim(),
  notes: notesCellSchema,
});
export type CanonicalShiftCells = z.infer<typeof canonicalShiftCellsSchema>;

// ── What an import yields ────────────────────────────────────────────────────

export const shiftStatusSchema = z.enum(SHIFT_STATUSES);

export const skillProficiencySchema = z.object({
  skillId: z.string().min(1),
  proficiency: z.int().min(1).max(5),
});

export const shiftBreakSchema = z.object({
  startOffsetMinutes: z.number().min(0),
  durationMinutes: z.number().positive(),
  paid: z.boolean(),
});

/** A row that passed every check, ready to store (instants in UTC epoch ms). */
export const validShiftRowSchema = z
  .object({
    /** Row number as a spreadsheet shows it (header = 1). */
    row: z.int().min(2),
    agentId: z.string().min(1),
    /** "" only when structural checks ran without reference data and no siteId was given. */
    siteId: z.string(),
    start: z.int(),
    end: z.int(),
    skills: z.array(skillProficiencySchema),
    status: shiftStatusSchema,
    breaks: z.array(shiftBreakSchema),
    notes: z.string().max(MAX_NOTES_LENGTH).nullable(),
    /** Stable hash of agent + start + end, for idempotent re-import. */
    sourceHash: z.string().min(1),
  })
  .refine((r) => r.end > r.start, { error: "end must be after start", path: ["end"] });
export type ValidShiftRow = z.infer<typeof validShiftRowSchema>;

export const rowErrorSchema = z.object({
  /** 1-based row as a spreadsheet shows it: header = row 1. */
  row: z.int().min(1),
  /** The header as written in the file, or null for the whole row. */
  column: z.string().nullable(),
  value: z.string().nullable(),
  code: z.string().min(1),
  message: z.string().min(1),
});
export type RowError = z.infer<typeof rowErrorSchema>;

export const fileErrorSchema = z.object({ code: z.string().min(1), message: z.string().min(1) });
export type FileError = z.infer<typeof fileErrorSchema>;

// ── Column mappings ──────────────────────────────────────────────────────────

export const SHIFT_FIELDS = [
  "agentId",
  "username",
  "start",
  "end",
  "timeZone",
  "skills",
  "status",
  "breaks",
  "siteId",
  "notes",
  "baseActivity",
] as const;
export type ShiftField = (typeof SHIFT_FIELDS)[number];

/** Canonical field → header name as written in the file. Needs agentId or username, start and end. */
export const columnMappingSchema = z
  .partialRecord(z.enum(SHIFT_FIELDS), z.string().min(1))
  .refine((m) => !!(m.agentId || m.username) && !!m.start && !!m.end, {
    error: "Map a column to agentId (or username), start and end",
  });
export type ColumnMapping = Partial<Record<ShiftField, string>>;

/** siteId is optional: a row without one is demand on a queue shared by every site. */
export const DEMAND_FIELDS = ["skillId", "siteId", "intervalStart", "offeredContacts", "ahtSeconds", "requiredAgents"] as const;
export type DemandField = (typeof DEMAND_FIELDS)[number];
export const demandColumnMappingSchema = z
  .partialRecord(z.enum(DEMAND_FIELDS), z.string().min(1))
  .refine((m) => !!m.skillId && !!m.intervalStart && (!!m.requiredAgents || (!!m.offeredContacts && !!m.ahtSeconds)), {
    error: "Map skillId, intervalStart and either requiredAgents or offeredContacts and ahtSeconds",
  });
export type DemandColumnMapping = Partial<Record<DemandField, string>>;

// ── Demand rows ──────────────────────────────────────────────────────────────

export const forecastRowSchema = z.object({
  row: z.int().min(2),
  skillId: z.string().min(1),
  /** null: the shared queue. */
  siteId: z.string().min(1).nullable(),
  intervalStart: z.int(),
  offeredContacts: z.number().min(0),
  ahtSeconds: z.number().min(0),
});
export type ForecastRow = z.infer<typeof forecastRowSchema>;

export const requiredAgentsRowSchema = z.object({
  row: z.int().min(2),
  skillId: z.string().min(1),
  /** null: the shared queue. */
  siteId: z.string().min(1).nullable(),
  intervalStart: z.int(),
  requiredAgents: z.number().min(0),
});
export type RequiredAgentsRow = z.infer<typeof requiredAgentsRowSchema>;

// ── The CXone shift object (POST /api/v1/wfm/schedule/shifts/import) ────────

export const cxoneShiftSchema = z.object({
  agentId: z.string().min(1),
  /** ISO 8601; we send UTC with whole seconds, `2026-03-09T14:00:00Z`. */
  startDate: z.iso.datetime({ offset: true }),
  endDate: z.iso.datetime({ offset: true }),
  /** proficiencyLevel is our 1 (learning) … 5 (expert) scale. */
  skills: z.array(z.object({ skillId: z.string().min(1), proficiencyLevel: z.int().min(1).max(5) })),
  status: shiftStatusSchema,
  /** Seconds from the shift's start, and seconds long. */
  breaks: z.array(z.object({ startTimeOffset: z.int().min(0), duration: z.int().positive() })),
  metadata: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type CxoneShift = z.infer<typeof cxoneShiftSchema>;
