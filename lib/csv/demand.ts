/**
 * Demand CSV import, on the same machinery as shifts: a forecast (skillId,
 * intervalStart, offeredContacts, ahtSeconds) or required agents (skillId,
 * intervalStart, requiredAgents), told apart by the header. An optional siteId column
 * makes a row that site's own demand for the skill; a row without one (or an empty cell)
 * is a queue shared by every site (DOMAIN.md, "Site view"). Forecast rows keep
 * contacts and AHT; turning them into required agents is domain/erlang's job.
 *
 * intervalStart must carry an offset (an interval is an instant on the 15-minute
 * UTC grid; a local time would need a zone the file does not name).
 */
import type { SkillCatalog } from "../domain/skills";
import { INTERVAL_MS } from "../domain/types";
import type { DemandColumnMapping, DemandField, FileError, ForecastRow, RequiredAgentsRow, RowError } from "../schemas/imports";
import { parseIsoDateTime, parseNumberCell, trimCell } from "./fields";
import { detectDemandFormat, headerSetKey, normalizeHeader, suggestDemandMapping } from "./headers";
import { PROGRESS_EVERY } from "./limits";
import { clip, readCsvTable, type CsvInput } from "./read";

export interface DemandImportContext {
  /** null: skill ids are not checked. */
  catalog: SkillCatalog | null;
  /** Known site ids; absent: site ids are not checked. */
  siteIds?: readonly string[];
}

export interface DemandParseOptions {
  mapping?: DemandColumnMapping;
  onProgress?: (rowsDone: number) => void;
}

interface DemandParsedCommon {
  ok: true;
  needsMapping?: undefined;
  mapping: DemandColumnMapping;
  headers: string[];
  headerKey: string;
  delimiter: string;
  rowCount: number;
  errors: RowError[];
  warnings: RowError[];
}

export type DemandParseResult =
  | { ok: false; needsMapping?: undefined; fileError: FileError }
  | { ok: false; needsMapping: true; fileError?: undefined; headers: string[]; headerKey: string; suggested: Partial<DemandColumnMapping> }
  | (DemandParsedCommon & { kind: "forecast"; rows: ForecastRow[] })
  | (DemandParsedCommon & { kind: "required"; rows: RequiredAgentsRow[] });

const LABEL: Record<DemandField, string> = {
  skillId: "skillId",
  siteId: "siteId",
  intervalStart: "intervalStart",
  offeredContacts: "offeredContacts",
  ahtSeconds: "ahtSeconds",
  requiredAgents: "requiredAgents",
};

const q = (v: string) => `"${clip(v, 80)}"`;

/** Parses and validates a demand CSV; see DemandParseResult. */
export function parseDemandCsv(text: CsvInput, ctx: DemandImportContext, options: DemandParseOptions = {}): DemandParseResult {
  const read = readCsvTable(text);
  if (!read.ok) return { ok: false, fileError: read.fileError };
  const { headers, records, rowNumbers, quoteErrors, delimiter } = read.table;
  const headerKey = headerSetKey(headers);

  let mapping: DemandColumnMapping;
  const ignoredHeaders: string[] = [];
  if (options.mapping) mapping = options.mapping;
  else {
    const d = detectDemandFormat(headers);
    if (d.kind === "unknown") return { ok: false, needsMapping: true, headers, headerKey, suggested: suggestDemandMapping(headers) };
    mapping = d.mapping;
    ignoredHeaders.push(...d.ignored);
  }

  const normalized = headers.map(normalizeHeader);
  const col = {} as Record<DemandField, number>;
  for (const f of Object.keys(LABEL) as DemandField[]) {
    col[f] = -1;
    const name = mapping[f];
    if (!name) continue;
    let i = headers.indexOf(name.trim());
    if (i < 0) i = normalized.indexOf(normalizeHeader(name));
    if (i < 0) {
      return { ok: false, fileError: { code: "BAD_MAPPING", message: `The mapping names the column "${name}" for ${LABEL[f]}, but the file has no such column.` } };
    }
    col[f] = i;
  }
  const kind: "forecast" | "required" = col.requiredAgents >= 0 ? "required" : "forecast";
  if (col.skillId < 0 || col.intervalStart < 0 || (kind === "forecast" && (col.offeredContacts < 0 || col.ahtSeconds < 0))) {
    return {
      ok: false,
      fileError: { code: "BAD_MAPPING", message: "Map skillId, intervalStart and either requiredAgents or offeredContacts and ahtSeconds." },
    };
  }
  if (kind === "required") {
    // One demand figure per row: an explicit staffing figure wins over one we would derive.
    col.offeredContacts = -1;
    col.ahtSeconds = -1;
  }

  const errors: RowError[] = [];
  const warnings: RowError[] = [];
  const used = new Set(Object.values(col).filter((c) => c >= 0));
  headers.forEach((h, i) => {
    if (h !== "" && !used.has(i)) {
      warnings.push({
        row: 1,
        column: h,
        value: null,
        code: "IGNORED_COLUMN",
        message: ignoredHeaders.includes(h)
          ? `Row 1: column "${h}" is ignored: the file gives required agents, which take precedence over a forecast.`
          : `Row 1: column "${h}" is not an import field and is ignored.`,
      });
    }
  });

  const catalog = ctx.catalog;
  let byLower: Map<string, string> | null = null;
  const width = headers.length;
  const firstRow = new Map<string, number>();
  const forecast: ForecastRow[] = [];
  const required: RequiredAgentsRow[] = [];
  const onProgress = options.onProgress;

  const err = (row: number, c: number, value: string | null, code: string, message: string) => {
    errors.push({ row, column: c >= 0 ? headers[c] : null, value, code, message: `Row ${row}: ${message}` });
  };
  const cell = (rec: string[], c: number) => (c >= 0 && c < rec.length ? rec[c] : "");

  /** A non-negative number cell, or null after reporting. */
  const amount = (row: number, rec: string[], c: number): number | null => {
    const raw = cell(rec, c);
    const s = trimCell(raw);
    if (s === "") {
      err(row, c, raw, "MISSING_VALUE", `${headers[c]} is empty.`);
      return null;
    }
    const n = parseNumberCell(s);
    if (n === null) {
      err(row, c, raw, "BAD_NUMBER", `${q(raw)} is not a number (write 12 or 12.5, without thousands separators).`);
      return null;
    }
    if (n < 0) {
      err(row, c, raw, "NEGATIVE_VALUE", `${headers[c]} is ${s}; it cannot be negative.`);
      return null;
    }
    return n;
  };

  for (let k = 0; k < records.length; k++) {
    if (onProgress && k > 0 && k % PROGRESS_EVERY === 0) onProgress(k);
    const rec = records[k];
    const row = rowNumbers[k];
    const qe = quoteErrors.size > 0 ? quoteErrors.get(k) : undefined;
    if (qe) {
      errors.push(qe);
      continue;
    }
    if (rec.length > width && rec.slice(width).some((c) => trimCell(c) !== "")) {
      err(row, -1, null, "TOO_MANY_COLUMNS", `has ${rec.length} cells but the header has ${width} columns; a cell holding the delimiter must be quoted.`);
      continue;
    }
    const before = errors.length;

    const rawSkill = cell(rec, col.skillId);
    let skillId: string | null = trimCell(rawSkill);
    if (skillId === "") {
      err(row, col.skillId, rawSkill, "MISSING_VALUE", `${headers[col.skillId]} is empty.`);
      skillId = null;
    } else if (catalog && !catalog.has(skillId)) {
      byLower ??= new Map(catalog.ids().map((x) => [x.toLowerCase(), x]));
      const id = byLower.get(skillId.toLowerCase());
      if (id) skillId = id;
      else {
        err(row, col.skillId, rawSkill, "UNKNOWN_SKILL", `unknown skill ${q(skillId)}.`);
        skillId = null;
      }
    }

    const rawSite = cell(rec, col.siteId);
    let siteId: string | null = col.siteId >= 0 ? trimCell(rawSite) || null : null;
    if (siteId !== null && ctx.siteIds) {
      const known = ctx.siteIds.find((x) => x.toLowerCase() === siteId!.toLowerCase());
      if (known) siteId = known;
      else {
        err(row, col.siteId, rawSite, "UNKNOWN_SITE", `unknown site ${q(siteId)}; leave the cell empty for demand shared by every site.`);
        siteId = null;
      }
    }

    const rawStart = cell(rec, col.intervalStart);
    const s = trimCell(rawStart);
    let intervalStart: number | null = null;
    if (s === "") err(row, col.intervalStart, rawStart, "MISSING_VALUE", `${headers[col.intervalStart]} is empty.`);
    else {
      const p = parseIsoDateTime(s);
      if (!p) {
        err(row, col.intervalStart, rawStart, "BAD_DATE", `${q(rawStart)} is not an ISO 8601 date-time; write 2026-03-09T09:00:00-05:00 or …Z.`);
      } else if (p.offsetMinutes === null) {
        err(row, col.intervalStart, rawStart, "BAD_DATE", `${q(rawStart)} has no offset; write it with one, e.g. ${s.replace(" ", "T")}Z or …-05:00.`);
      } else {
        const t = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond) - p.offsetMinutes * 60_000;
        if (t % INTERVAL_MS !== 0) {
          err(row, col.intervalStart, rawStart, "OFF_GRID", `${q(rawStart)} is not on the 15-minute grid (:00, :15, :30, :45 with whole minutes).`);
        } else intervalStart = t;
      }
    }

    let contacts: number | null = null;
    let aht: number | null = null;
    let req: number | null = null;
    if (kind === "forecast") {
      contacts = amount(row, rec, col.offeredContacts);
      const rawAht = cell(rec, col.ahtSeconds);
      const a = trimCell(rawAht);
      const n = a === "" ? null : parseNumberCell(a);
      if (a === "") err(row, col.ahtSeconds, rawAht, "MISSING_VALUE", `${headers[col.ahtSeconds]} is empty.`);
      else if (n === null) err(row, col.ahtSeconds, rawAht, "BAD_NUMBER", `${q(rawAht)} is not a number of seconds.`);
      else if (n < 0 || (n === 0 && contacts !== null && contacts > 0)) {
        err(row, col.ahtSeconds, rawAht, "BAD_AHT", `AHT ${a} s is not positive${n === 0 ? ` while ${contacts} contacts are offered` : ""}.`);
      } else aht = n;
    } else req = amount(row, rec, col.requiredAgents);

    if (skillId !== null && intervalStart !== null) {
      const key = `${skillId}|${siteId ?? ""}|${intervalStart}`;
      const first = firstRow.get(key);
      if (first !== undefined) {
        const where = siteId ? `, site ${siteId}` : "";
        err(row, -1, null, "DUPLICATE_ROW", `duplicates row ${first} (same skill ${skillId}${where} and interval ${new Date(intervalStart).toISOString().slice(0, 16)}Z).`);
      } else firstRow.set(key, row);
    }

    if (errors.length === before && skillId !== null && intervalStart !== null) {
      if (kind === "forecast" && contacts !== null && aht !== null) {
        forecast.push({ row, skillId, siteId, intervalStart, offeredContacts: contacts, ahtSeconds: aht });
      } else if (kind === "required" && req !== null) {
        required.push({ row, skillId, siteId, intervalStart, requiredAgents: req });
      }
    }
  }
  if (onProgress) onProgress(records.length);

  const common: DemandParsedCommon = {
    ok: true,
    mapping: { ...mapping },
    headers,
    headerKey,
    delimiter,
    rowCount: records.length,
    errors,
    warnings,
  };
  return kind === "forecast" ? { ...common, kind, rows: forecast } : { ...common, kind, rows: required };
}
