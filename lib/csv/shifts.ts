/**
 * Shift CSV import: our canonical CSV, CXone's own template, or any header set
 * with a planner-confirmed mapping. Pure and browser-safe: the Web Worker preview
 * and the server commit run this same code and report the same row errors.
 *
 * Decisions (see also lib/schemas/imports.ts):
 * - Blank status → DRAFT; blank proficiency → 3; canonical breaks ≤ 15 min are paid,
 *   CXone break/lunch activities unpaid.
 * - Zone of a local time: the offset in the cell, else the row's timeZone cell (IANA
 *   zone or `UTC+05:30`), else the zone of the row's site (siteId), else of the
 *   agent's home site. A local time in a DST gap is an error; in a fall-back overlap
 *   it is an error unless the cell carries an offset.
 * - Canonical and mapped files take ISO dates only: a slashed date is ambiguous
 *   between month/day and day/month. Only CXone's template reads `mm/dd/yyyy`.
 * - Overlaps in the file: the first row (in file order) wins; each later row that
 *   overlaps it is reported naming that row. Exact duplicates are DUPLICATE_ROW.
 * - A stored shift with the same agent, start and end is not a conflict: the row
 *   stays valid with an ALREADY_STORED warning (re-import is idempotent by
 *   sourceHash); with overwriteConflicts it is replaced like any overlap.
 * - Without reference data (referenceChecks false, or no catalog) only structural
 *   checks run; a CXone Username then stands in for the agent id.
 *
 * Over 400 lines on purpose: createShiftValidator is one closure whose caches (agent
 * timelines, stored-shift index, parsed skills and breaks) the row loop reads as local
 * variables 100,000 times per file; split across modules they become property reads
 * and imported getters, which the CSV bench measures as a loss. The file-level helpers
 * above it are small and only serve it.
 */
import type { SkillCatalog } from "../domain/skills";
import type { Agent, ShiftBreak, Site, SkillProficiency } from "../domain/types";
import type {
  ColumnMapping,
  DateTimeParts,
  FileError,
  RowError,
  ShiftField,
  ValidShiftRow,
} from "../schemas/imports";
import { MAX_NOTES_LENGTH as NOTES_LIMIT } from "../schemas/imports";
import * as fields from "./fields";
import { shiftSourceHash as sourceHashOf } from "./hash";
import { detectShiftFormat, findActivityColumns, headerSetKey, isActivityHeader, normalizeHeader, suggestShiftMapping } from "./headers";
import { PROGRESS_EVERY as PROGRESS_STEP } from "./limits";
import { clip, streamCsv, type CsvInput } from "./read";
import { clockChangeNear, formatOffset, ZoneResolver, type ZoneSpec } from "./zones";
import { breakOutsideShift, breakText, durationText, shiftLengthProblem, sortBreaks } from "../domain/schedule/shift-rules";

export interface StoredShiftRef {
  id: string;
  start: number;
  end: number;
}

export interface ImportContext {
  agentsById: ReadonlyMap<string, Agent>;
  /** Keys lowercased. */
  agentsByUsername: ReadonlyMap<string, Agent>;
  sites: ReadonlyMap<string, Site>;
  catalog: SkillCatalog | null;
  /** The agent's stored shifts that may overlap the file's window. */
  storedShifts?: (agentId: string) => readonly StoredShiftRef[];
  /** Replace overlapping stored shifts instead of reporting them as errors. */
  overwriteConflicts?: boolean;
  /**
   * false: structural checks only (agents, sites, skills and labor rules are not
   * looked up), e.g. a CLI without a database. A null catalog means the same.
   * Default true.
   */
  referenceChecks?: boolean;
}

/** A context with no reference data: only structural checks run. */
export function structuralImportContext(): ImportContext {
  return { agentsById: new Map(), agentsByUsername: new Map(), sites: new Map(), catalog: null, referenceChecks: false };
}

export interface ShiftParseOptions {
  /** A planner-confirmed mapping (field → header), for a header set we do not recognise. */
  mapping?: ColumnMapping;
  /** Called after every 5,000 data rows and once at the end. */
  onProgress?: (rowsDone: number) => void;
}

export type ShiftImportFormat = "canonical" | "cxone" | "mapped";

export type ShiftParseResult =
  | { ok: false; needsMapping?: undefined; fileError: FileError }
  | {
      ok: false;
      needsMapping: true;
      fileError?: undefined;
      headers: string[];
      /** Remember the confirmed mapping under this key (see headerSetKey). */
      headerKey: string;
      suggested: Partial<ColumnMapping>;
    }
  | {
      ok: true;
      needsMapping?: undefined;
      format: ShiftImportFormat;
      mapping: ColumnMapping;
      headers: string[];
      headerKey: string;
      delimiter: string;
      /** Data rows in the file (blank lines not counted). */
      rowCount: number;
      rows: ValidShiftRow[];
      errors: RowError[];
      warnings: RowError[];
      /** Stored shifts the valid rows replace (overwriteConflicts only). */
      replacedShiftIds: string[];
    };

export type { ValidShiftRow, RowError, FileError, ColumnMapping };

// Module-level copies of what the row loop calls: some loaders (tsx) turn imported
// bindings into getters, a measurable cost at 100,000 rows.
const { newParts, parseBreaksCell, parseCxoneDateTimeInto, parseIsoDateTimeInto, parseSkillsCell, parseStatusCell, trimCell, utcMs } = fields;
const shiftSourceHash = sourceHashOf;
const MAX_NOTES_LENGTH = NOTES_LIMIT;
const PROGRESS_EVERY = PROGRESS_STEP;

const MINUTE_MS = 60_000;
const BREAK_ACTIVITY = /break|lunch/i;
const FIELD_LABEL: Record<ShiftField, string> = {
  agentId: "agentId",
  username: "username",
  start: "start",
  end: "end",
  timeZone: "timeZone",
  skills: "skills",
  status: "status",
  breaks: "breaks",
  siteId: "siteId",
  notes: "notes",
  baseActivity: "base activity",
};

/** "2026-03-09 13:00 UTC" */
function fmtUtc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

function fmtSpan(start: number, end: number): string {
  const a = fmtUtc(start);
  const b = new Date(end).toISOString();
  const sameDay = b.slice(0, 10) === a.slice(0, 10);
  return `${a.slice(0, 16)}–${sameDay ? b.slice(11, 16) : b.slice(0, 16).replace("T", " ")} UTC`;
}

const fmtHours = durationText;

function quoteValue(v: string): string {
  return `"${clip(v, 80)}"`;
}

function colLetter(i: number): string {
  let s = "";
  let n = i + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

type Resolved = { ok: true; cols: Record<ShiftField, number> } | { ok: false; fileError: FileError };

/** Field → column index (-1 when absent), from a mapping whose values are header names. */
function resolveMapping(headers: readonly string[], mapping: ColumnMapping): Resolved {
  const cols = {} as Record<ShiftField, number>;
  const normalized = headers.map(normalizeHeader);
  const used = new Map<number, ShiftField>();
  for (const f of Object.keys(FIELD_LABEL) as ShiftField[]) {
    cols[f] = -1;
    const name = mapping[f];
    if (!name) continue;
    let idx = headers.indexOf(name.trim());
    if (idx < 0) idx = normalized.indexOf(normalizeHeader(name));
    if (idx < 0) {
      return {
        ok: false,
        fileError: { code: "BAD_MAPPING", message: `The mapping names the column "${name}" for ${FIELD_LABEL[f]}, but the file has no such column.` },
      };
    }
    const twin = headers.findIndex((h, j) => j !== idx && normalized[j] === normalized[idx]);
    if (twin >= 0) {
      return {
        ok: false,
        fileError: {
          code: "DUPLICATE_COLUMN",
          message: `Columns ${colLetter(Math.min(idx, twin))} and ${colLetter(Math.max(idx, twin))} are both "${headers[idx]}"; keep one of them.`,
        },
      };
    }
    const other = used.get(idx);
    if (other) {
      return {
        ok: false,
        fileError: { code: "BAD_MAPPING", message: `The column "${headers[idx]}" is mapped to both ${FIELD_LABEL[other]} and ${FIELD_LABEL[f]}.` },
      };
    }
    used.set(idx, f);
    cols[f] = idx;
  }
  if ((cols.agentId < 0 && cols.username < 0) || cols.start < 0 || cols.end < 0) {
    const missing = [cols.agentId < 0 && cols.username < 0 ? "agentId (or username)" : null, cols.start < 0 ? "start" : null, cols.end < 0 ? "end" : null].filter(Boolean);
    return { ok: false, fileError: { code: "BAD_MAPPING", message: `Map a column to ${missing.join(", ")}.` } };
  }
  return { ok: true, cols };
}

interface SkillsEntry {
  code: "BAD_SKILLS" | "UNKNOWN_SKILL" | null;
  message: string;
  skills: SkillProficiency[];
}

interface BreaksEntry {
  code: "BAD_BREAKS" | "BREAK_OVERLAP" | null;
  message: string;
  /** Sorted by offset. */
  breaks: ShiftBreak[];
}

interface AgentTimeline {
  /** Clean (mutually disjoint) shifts sorted by start: the first row wins. */
  starts: number[];
  ends: number[];
  rows: number[];
  /** Rows rejected as overlapping, as [start, end, row, …] (rare): exact duplicates of them are duplicates. */
  rejected: number[] | null;
}

interface StoredIndex {
  list: StoredShiftRef[];
  maxLen: number;
}

/**
 * Rows with identical skills or breaks cells share one frozen array (copying them per
 * row costs a tenth of the parse). Treat ValidShiftRow.skills and .breaks as read-only.
 */
function frozen<T extends object>(xs: T[]): T[] {
  for (const x of xs) Object.freeze(x);
  return Object.freeze(xs) as T[];
}
const NO_SKILLS: SkillProficiency[] = frozen([]);
const NO_BREAKS: ShiftBreak[] = frozen([]);


/**
 * Parses and validates a shift CSV. Never throws on bad input: whole-file problems
 * come back as `fileError`, an unknown header set as `needsMapping`, and everything
 * else as row errors and warnings beside the valid rows.
 */
export function parseShiftCsv(text: CsvInput, ctx: ImportContext, options: ShiftParseOptions = {}): ShiftParseResult {
  const state: { early: ShiftParseResult | null; validator: ShiftValidator | null; done: number } = { early: null, validator: null, done: 0 };
  const onProgress = options.onProgress;
  const streamed = streamCsv(text, {
    header: (headers, delimiter) => {
      const v = createShiftValidator(headers, delimiter, ctx, options.mapping);
      if ("early" in v) {
        state.early = v.early;
        return false;
      }
      state.validator = v;
      return true;
    },
    record: (rec, row, quoteError) => {
      state.validator!.row(rec, row, quoteError);
      if (onProgress && ++state.done % PROGRESS_EVERY === 0) onProgress(state.done);
    },
  });
  if (!streamed.ok) return { ok: false, fileError: streamed.fileError };
  if (state.early) return state.early;
  if (onProgress) onProgress(streamed.rowCount);
  return state.validator!.finish(streamed.rowCount);
}

interface ShiftValidator {
  row(rec: string[], row: number, quoteError: RowError | null): void;
  finish(rowCount: number): ShiftParseResult;
}

/** Everything that depends on the header, then a per-row validator. */
function createShiftValidator(
  headers: string[],
  delimiter: string,
  ctx: ImportContext,
  optionMapping: ColumnMapping | undefined,
): ShiftValidator | { early: ShiftParseResult } {
  const headerKey = headerSetKey(headers);
  const detected = detectShiftFormat(headers);
  let mapping: ColumnMapping;
  let format: ShiftImportFormat;
  if (optionMapping) {
    mapping = optionMapping;
    format = detected.format === "unknown" ? "mapped" : detected.format;
  } else if (detected.format === "unknown") {
    return { early: { ok: false, needsMapping: true, headers, headerKey, suggested: suggestShiftMapping(headers) } };
  } else {
    mapping = detected.mapping;
    format = detected.format;
  }
  const resolved = resolveMapping(headers, mapping);
  if (!resolved.ok) return { early: { ok: false, fileError: resolved.fileError } };
  const cols = resolved.cols;
  const activities = findActivityColumns(headers);
  const usDates = format === "cxone";

  const errors: RowError[] = [];
  const warnings: RowError[] = [];
  const usedCols = new Set<number>(Object.values(cols).filter((c) => c >= 0));
  for (const a of activities) usedCols.add(a.name).add(a.start).add(a.end);
  headers.forEach((h, i) => {
    if (h !== "" && !usedCols.has(i) && !isActivityHeader(h)) {
      warnings.push({ row: 1, column: h, value: null, code: "IGNORED_COLUMN", message: `Row 1: column "${h}" is not an import field and is ignored.` });
    }
  });

  const refs = ctx.referenceChecks !== false && ctx.catalog !== null;
  const catalog = ctx.catalog;
  const overwrite = ctx.overwriteConflicts === true;
  const zones = new ZoneResolver();
  const width = headers.length;
  const cAgent = cols.agentId;
  const cUser = cols.username;
  const cStart = cols.start;
  const cEnd = cols.end;
  const cZone = cols.timeZone;
  const cSkills = cols.skills;
  const cStatus = cols.status;
  const cBreaks = cols.breaks;
  const cSite = cols.siteId;
  const cNotes = cols.notes;
  const hAgent = cAgent >= 0 ? headers[cAgent] : headers[cUser];

  const skillCache = new Map<string, SkillsEntry>();
  const breaksCache = new Map<string, BreaksEntry>();
  let skillIdByLower: Map<string, string> | null = null;
  const timelines = new Map<string, AgentTimeline>();
  const scratch = newParts();
  const storedByAgent = new Map<string, StoredIndex>();
  const replaced = new Set<string>();
  const rows: ValidShiftRow[] = [];

  const err = (row: number, col: number, value: string | null, code: string, message: string) => {
    errors.push({ row, column: col >= 0 ? headers[col] : null, value, code, message: `Row ${row}: ${message}` });
  };

  const skillsFor = (raw: string): SkillsEntry => {
    let e = skillCache.get(raw);
    if (e) return e;
    const parsed = parseSkillsCell(trimCell(raw));
    if (!parsed.ok) e = { code: "BAD_SKILLS", message: `${quoteValue(raw)} is not a skills list: ${parsed.reason} (write SKILL_ID, SKILL_ID:1–5 or SKILL_ID:BEGINNER/INTERMEDIATE/ADVANCED/EXPERT, separated by ";").`, skills: [] };
    else if (refs && catalog) {
      const unknown: string[] = [];
      const skills: SkillProficiency[] = [];
      const seen = new Set<string>();
      let twice = "";
      for (const s of parsed.value) {
        let id: string | undefined = catalog.has(s.skillId) ? s.skillId : undefined;
        if (!id) {
          skillIdByLower ??= new Map(catalog.ids().map((x) => [x.toLowerCase(), x]));
          id = skillIdByLower.get(s.skillId.toLowerCase());
        }
        if (!id) unknown.push(s.skillId);
        else if (seen.has(id)) twice ||= id;
        else {
          seen.add(id);
          skills.push({ skillId: id, proficiency: s.proficiency });
        }
      }
      if (unknown.length > 0) {
        e = { code: "UNKNOWN_SKILL", message: `unknown skill${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}.`, skills: [] };
      } else if (twice) {
        e = { code: "BAD_SKILLS", message: `${quoteValue(raw)} lists ${twice} twice.`, skills: [] };
      } else e = { code: null, message: "", skills: frozen(skills) };
    } else e = { code: null, message: "", skills: frozen(parsed.value) };
    skillCache.set(raw, e);
    return e;
  };

  const breaksFor = (raw: string): BreaksEntry => {
    let e = breaksCache.get(raw);
    if (e) return e;
    const parsed = parseBreaksCell(trimCell(raw));
    if (!parsed.ok) e = { code: "BAD_BREAKS", message: `${quoteValue(raw)} is not a breaks list: ${parsed.reason} (e.g. +120/15;+240/30).`, breaks: [] };
    else {
      const s = sortBreaks(parsed.value);
      e = s.overlap ? { code: "BREAK_OVERLAP", message: `${s.overlap}.`, breaks: s.breaks } : { code: null, message: "", breaks: frozen(s.breaks) };
    }
    breaksCache.set(raw, e);
    return e;
  };

  const storedFor = (agentId: string): StoredIndex | null => {
    if (!ctx.storedShifts) return null;
    let idx = storedByAgent.get(agentId);
    if (!idx) {
      const list = [...ctx.storedShifts(agentId)].sort((a, b) => a.start - b.start);
      let maxLen = 0;
      for (const s of list) maxLen = Math.max(maxLen, s.end - s.start);
      idx = { list, maxLen };
      storedByAgent.set(agentId, idx);
    }
    return idx;
  };

  /** A date-time cell → instant, or null after reporting why. */
  const instantOf = (
    row: number,
    col: number,
    zoneSpec: ZoneSpec | null,
    zoneBad: boolean,
    site: Site | undefined,
    agentFailed: boolean,
    rec: string[],
  ): number | null => {
    const raw = col < rec.length ? rec[col] : "";
    const s = trimCell(raw);
    if (s === "") {
      err(row, col, raw, "MISSING_VALUE", `${headers[col]} is empty.`);
      return null;
    }
    const p: DateTimeParts = scratch;
    if (!(usDates ? parseCxoneDateTimeInto(s, p) : parseIsoDateTimeInto(s, p))) {
      err(
        row,
        col,
        raw,
        "BAD_DATE",
        usDates
          ? `${quoteValue(raw)} is not a date-time in CXone's format mm/dd/yyyy hh:mm:ss (24 h), e.g. 03/09/2026 09:00:00.`
          : `${quoteValue(raw)} is not an ISO 8601 date-time; write 2026-03-09T09:00:00-05:00, or 2026-03-09 09:00 with a timeZone column.`,
      );
      return null;
    }
    const naive = utcMs(p);
    if (p.offsetMinutes !== null) return naive - p.offsetMinutes * MINUTE_MS;
    if (zoneBad) return null;
    if (zoneSpec && zoneSpec.kind === "fixed") return naive - zoneSpec.offsetMinutes * MINUTE_MS;
    const zone = zoneSpec ? zoneSpec.zone : site?.timeZone;
    if (!zone) {
      // An unknown agent already explains why no home-site zone is known.
      if (agentFailed) return null;
      err(row, col, raw, "NO_TIME_ZONE", `${quoteValue(raw)} has no offset and the row has no time zone; add an offset (…-05:00), a timeZone column or a known siteId.`);
      return null;
    }
    const simple = zones.resolveSimple(p, zone);
    if (simple === simple) return simple + p.millisecond; // not NaN
    const r = zones.resolveExact(p, zone);
    if (r.ok) return r.instant + p.millisecond;
    const change = clockChangeNear(p, zone);
    if (r.reason === "nonexistent") {
      err(
        row,
        col,
        raw,
        "DST_NONEXISTENT",
        `${quoteValue(s)} does not exist in ${zone}${change ? ` (clocks skip from ${change.from} to ${change.to})` : ""}.`,
      );
    } else {
      const [first, second] = r.candidates.map((c) => formatOffset(Math.round((naive - p.millisecond - c) / MINUTE_MS)));
      err(
        row,
        col,
        raw,
        "DST_AMBIGUOUS",
        `${quoteValue(s)} happens twice in ${zone}${change ? ` (clocks go back from ${change.from} to ${change.to})` : ""}; add the offset: ${first} for the first, ${second} for the second.`,
      );
    }
    return null;
  };

  const validateRow = (rec: string[], row: number, quoteError: RowError | null): void => {
    // The upload is decoded leniently; a U+FFFD in a cell is a byte that was not UTF-8.
    for (let c = 0; c < rec.length; c++) {
      if (rec[c].indexOf("\uFFFD") !== -1) {
        const name = headers[c] ? `"${headers[c]}"` : `column ${colLetter(c)}`;
        warnings.push({ row, column: headers[c] ?? colLetter(c), value: clip(rec[c], 60), code: "INVALID_UTF8", message: `Row ${row}: ${name} had bytes that are not valid UTF-8; they were replaced with \uFFFD. Save the file as "CSV UTF-8" to keep them.` });
      }
    }
    if (quoteError) {
      errors.push(quoteError);
      return;
    }
    if (rec.length > width) {
      let extra = 0;
      for (let j = width; j < rec.length; j++) if (trimCell(rec[j]) !== "") extra++;
      if (extra > 0) {
        err(
          row,
          -1,
          null,
          "TOO_MANY_COLUMNS",
          `has ${rec.length} cells but the header has ${width} columns; a cell holding the delimiter ("${delimiter === "\t" ? "tab" : delimiter}") must be quoted.`,
        );
        return;
      }
    }
    const before = errors.length;

    // Agent
    let agent: Agent | undefined;
    let agentId: string | null = null;
    const rawAgent = cAgent >= 0 && cAgent < rec.length ? rec[cAgent] : "";
    const aid = trimCell(rawAgent);
    if (aid !== "") {
      if (refs) {
        agent = ctx.agentsById.get(aid);
        if (agent) agentId = agent.id;
        else err(row, cAgent, rawAgent, "UNKNOWN_AGENT", `unknown agent ${quoteValue(aid)}.`);
      } else agentId = aid;
    } else {
      const rawUser = cUser >= 0 && cUser < rec.length ? rec[cUser] : "";
      const user = trimCell(rawUser);
      if (user !== "") {
        if (refs) {
          agent = ctx.agentsByUsername.get(user.toLowerCase());
          if (agent) agentId = agent.id;
          else err(row, cUser, rawUser, "UNKNOWN_AGENT", `no agent has the username ${quoteValue(user)}.`);
        } else agentId = user;
      } else err(row, cAgent >= 0 ? cAgent : cUser, rawAgent || rawUser, "MISSING_VALUE", `${hAgent} is empty.`);
    }

    // Site
    let site: Site | undefined;
    let siteId = "";
    const rawSite = cSite >= 0 && cSite < rec.length ? rec[cSite] : "";
    const sid = trimCell(rawSite);
    if (sid !== "") {
      site = ctx.sites.get(sid);
      if (site) siteId = site.id;
      else if (refs) err(row, cSite, rawSite, "UNKNOWN_SITE", `unknown site ${quoteValue(sid)}.`);
      else siteId = sid;
    } else if (agent) {
      site = ctx.sites.get(agent.homeSiteId);
      siteId = agent.homeSiteId;
    }

    const agentFailed = agentId === null || (sid !== "" && !site && refs);

    // Zone cell
    let zoneSpec: ZoneSpec | null = null;
    let zoneBad = false;
    if (cZone >= 0 && cZone < rec.length) {
      const rawZone = rec[cZone];
      const z = trimCell(rawZone);
      if (z !== "") {
        zoneSpec = zones.zoneSpec(z);
        if (!zoneSpec) {
          zoneBad = true;
          err(row, cZone, rawZone, "BAD_TIME_ZONE", `${quoteValue(z)} is not a time zone; use an IANA name such as America/New_York or an offset such as UTC+05:30.`);
        }
      }
    }

    // Start and end
    const start = instantOf(row, cStart, zoneSpec, zoneBad, site, agentFailed, rec);
    const end = instantOf(row, cEnd, zoneSpec, zoneBad, site, agentFailed, rec);
    const timed = start !== null && end !== null && end > start;
    if (start !== null && end !== null && end <= start) {
      err(row, cEnd, rec[cEnd], "END_NOT_AFTER_START", `the shift ends (${fmtUtc(end)}) ${end === start ? "when" : "before"} it starts (${fmtUtc(start)}).`);
    } else if (timed && refs && site) {
      const problem = shiftLengthProblem(end - start, site.laborRules, site.id);
      if (problem) err(row, cEnd, rec[cEnd], problem.code, problem.message);
    }

    // Skills
    let skills = NO_SKILLS;
    if (cSkills >= 0 && cSkills < rec.length && rec[cSkills] !== "") {
      const e = skillsFor(rec[cSkills]);
      if (e.code) err(row, cSkills, rec[cSkills], e.code, e.message);
      else skills = e.skills;
    }

    // Status
    let status = parseStatusCell(cStatus >= 0 && cStatus < rec.length ? trimCell(rec[cStatus]) : "");
    if (status === null) {
      err(row, cStatus, rec[cStatus], "BAD_STATUS", `${quoteValue(rec[cStatus])} is not a status; use PUBLISHED or DRAFT (blank means DRAFT).`);
      status = "DRAFT";
    }

    // Breaks
    let breaks = NO_BREAKS;
    let breaksOk = true;
    if (cBreaks >= 0 && cBreaks < rec.length && rec[cBreaks] !== "") {
      const e = breaksFor(rec[cBreaks]);
      if (e.code) {
        err(row, cBreaks, rec[cBreaks], e.code, e.message);
        breaksOk = false;
      } else {
        breaks = e.breaks;
        const outside = timed ? breakOutsideShift(breaks, end - start) : null;
        if (timed && outside) {
          err(row, cBreaks, rec[cBreaks], "BREAK_OUTSIDE_SHIFT", `break ${breakText(outside)} ends after the shift, which lasts ${fmtHours(end - start)}.`);
          breaksOk = false;
        }
      }
    }

    // CXone activities: break/lunch → breaks, anything else is ignored with a warning.
    if (activities.length > 0) {
      let added: ShiftBreak[] | null = null;
      for (const a of activities) {
        const rawName = a.name < rec.length ? rec[a.name] : "";
        const name = trimCell(rawName);
        if (name === "") continue;
        if (!BREAK_ACTIVITY.test(name)) {
          warnings.push({
            row,
            column: headers[a.name],
            value: rawName,
            code: "IGNORED_ACTIVITY",
            message: `Row ${row}: activity ${quoteValue(name)} is not a break or lunch and is not imported.`,
          });
          continue;
        }
        const aStart = instantOf(row, a.start, zoneSpec, zoneBad, site, agentFailed, rec);
        const aEnd = instantOf(row, a.end, zoneSpec, zoneBad, site, agentFailed, rec);
        if (aStart === null || aEnd === null) {
          breaksOk = false;
          continue;
        }
        if (aEnd <= aStart) {
          err(row, a.end, rec[a.end], "END_NOT_AFTER_START", `activity ${quoteValue(name)} ends (${fmtUtc(aEnd)}) ${aEnd === aStart ? "when" : "before"} it starts (${fmtUtc(aStart)}).`);
          breaksOk = false;
          continue;
        }
        if (!timed) continue;
        if (aStart < start || aEnd > end) {
          err(row, a.start, rec[a.start], "BREAK_OUTSIDE_SHIFT", `activity ${quoteValue(name)} (${fmtSpan(aStart, aEnd)}) lies outside the shift (${fmtSpan(start, end)}).`);
          breaksOk = false;
          continue;
        }
        (added ??= []).push({ startOffsetMinutes: (aStart - start) / MINUTE_MS, durationMinutes: (aEnd - aStart) / MINUTE_MS, paid: false });
      }
      if (added && breaksOk) {
        const s = sortBreaks(breaks.concat(added));
        breaks = frozen(s.breaks);
        if (s.overlap) {
          err(row, activities[0].name, null, "BREAK_OVERLAP", `${s.overlap}.`);
          breaksOk = false;
        }
      }
    }

    // Notes
    let notes: string | null = null;
    if (cNotes >= 0 && cNotes < rec.length) {
      const raw = rec[cNotes];
      if (raw.length > MAX_NOTES_LENGTH) {
        err(row, cNotes, raw, "NOTES_TOO_LONG", `the notes hold ${raw.length} characters; the limit is ${MAX_NOTES_LENGTH}.`);
      } else if (raw !== "" && trimCell(raw) !== "") notes = raw;
    }

    // Duplicates and overlaps within the file, then against stored shifts.
    if (timed && agentId !== null) {
      let t = timelines.get(agentId);
      if (!t) {
        t = { starts: [], ends: [], rows: [], rejected: null };
        timelines.set(agentId, t);
      }
      const n = t.starts.length;
      let pos = n;
      if (n > 0 && t.starts[n - 1] > start) {
        let lo = 0;
        let hi = n;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (t.starts[mid] < start) lo = mid + 1;
          else hi = mid;
        }
        pos = lo;
      }
      // Clean shifts are disjoint and sorted, so only the neighbours of `pos` can overlap.
      const hit = pos > 0 && t.ends[pos - 1] > start ? pos - 1 : pos < n && t.starts[pos] < end ? pos : -1;
      // An exact duplicate overlaps its first occurrence, or (if that one was rejected) the
      // clean shift that rejected it; so duplicates are always found among overlaps.
      let dupOf = hit >= 0 && t.starts[hit] === start && t.ends[hit] === end ? t.rows[hit] : -1;
      if (hit >= 0 && dupOf < 0 && t.rejected) {
        for (let i = 0; i < t.rejected.length; i += 3) {
          if (t.rejected[i] === start && t.rejected[i + 1] === end) {
            dupOf = t.rejected[i + 2];
            break;
          }
        }
      }
      if (dupOf >= 0) {
        err(row, -1, null, "DUPLICATE_ROW", `duplicates row ${dupOf} (same agent ${agentId}, start and end).`);
      } else if (hit >= 0) {
        (t.rejected ??= []).push(start, end, row);
        err(
          row,
          -1,
          null,
          "OVERLAP_IN_FILE",
          `${agentId}'s shift ${fmtSpan(start, end)} overlaps the shift on row ${t.rows[hit]} (${fmtSpan(t.starts[hit], t.ends[hit])}).`,
        );
      } else if (pos === n) {
        t.starts.push(start);
        t.ends.push(end);
        t.rows.push(row);
      } else {
        t.starts.splice(pos, 0, start);
        t.ends.splice(pos, 0, end);
        t.rows.splice(pos, 0, row);
      }

      const stored = storedFor(agentId);
      if (stored && stored.list.length > 0) {
        const list = stored.list;
        let lo = 0;
        let hi = list.length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (list[mid].start < end) lo = mid + 1;
          else hi = mid;
        }
        const exact: StoredShiftRef[] = [];
        const overlapping: StoredShiftRef[] = [];
        for (let i = lo - 1; i >= 0 && list[i].start > start - stored.maxLen; i--) {
          const s = list[i];
          if (s.end > start) (s.start === start && s.end === end ? exact : overlapping).push(s);
        }
        if (overlapping.length > 0 && !overwrite) {
          const named = overlapping
            .reverse()
            .map((s) => `${s.id} (${fmtSpan(s.start, s.end)})`)
            .join(", ");
          err(
            row,
            -1,
            null,
            "OVERLAP_STORED",
            `${agentId}'s shift ${fmtSpan(start, end)} overlaps stored shift${overlapping.length > 1 ? "s" : ""} ${named}; choose "overwrite conflicts" to replace ${overlapping.length > 1 ? "them" : "it"}.`,
          );
        } else if (errors.length === before) {
          const replacing = overwrite ? [...overlapping.reverse(), ...exact] : [];
          if (replacing.length > 0) {
            for (const s of replacing) replaced.add(s.id);
            warnings.push({
              row,
              column: null,
              value: null,
              code: "REPLACES_STORED",
              message: `Row ${row}: replaces stored shift${replacing.length > 1 ? "s" : ""} ${replacing.map((s) => s.id).join(", ")} of ${agentId}.`,
            });
          } else if (exact.length > 0) {
            warnings.push({
              row,
              column: null,
              value: null,
              code: "ALREADY_STORED",
              message: `Row ${row}: ${agentId}'s shift ${fmtSpan(start, end)} is already stored as ${exact[0].id}; it is kept as stored unless you choose "overwrite conflicts".`,
            });
          }
        }
      }
    }

    if (errors.length === before && timed && agentId !== null && breaksOk) {
      rows.push({
        row,
        agentId,
        siteId,
        start,
        end,
        skills,
        status,
        breaks,
        notes,
        sourceHash: shiftSourceHash(agentId, start, end),
      });
    }
  };

  const finish = (rowCount: number): ShiftParseResult => ({
    ok: true,
    format,
    mapping: { ...mapping },
    headers,
    headerKey,
    delimiter,
    rowCount,
    rows,
    errors,
    warnings,
    replacedShiftIds: [...replaced],
  });

  return { row: validateRow, finish };
}
