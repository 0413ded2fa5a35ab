/**
 * The browser preview of a shift file: the same parser the server runs, with structural
 * checks only (the browser has no schedule); Validate on the server adds the reference
 * checks (agents, sites, skills, stored shifts).
 */
import { parseShiftCsv, structuralImportContext } from "@/lib/csv";
import type { ColumnMapping, RowError, ValidShiftRow } from "@/lib/schemas/imports";
import type { PreviewDirectory } from "@/lib/types/imports";

export interface PreviewRequest {
  text: string;
  mapping?: ColumnMapping;
}

export type PreviewResult =
  | { kind: "fileError"; message: string }
  | { kind: "needsMapping"; headers: string[]; headerKey: string; suggested: Partial<ColumnMapping> }
  | {
      kind: "ok";
      format: string;
      delimiter: string;
      headers: string[];
      headerKey: string;
      mapping: ColumnMapping;
      rowCount: number;
      validCount: number;
      sample: ValidShiftRow[];
      errors: RowError[];
      errorCount: number;
    };

export type PreviewMessage = { type: "progress"; rows: number } | { type: "result"; result: PreviewResult };

export function previewShiftFile(request: PreviewRequest, onProgress?: (rows: number) => void): PreviewResult {
  const r = parseShiftCsv(request.text, structuralImportContext(), { mapping: request.mapping, onProgress });
  if (!r.ok && r.needsMapping) return { kind: "needsMapping", headers: r.headers, headerKey: r.headerKey, suggested: r.suggested };
  if (!r.ok) return { kind: "fileError", message: r.fileError.message };
  return {
    kind: "ok",
    format: r.format,
    delimiter: r.delimiter,
    headers: r.headers,
    headerKey: r.headerKey,
    mapping: r.mapping,
    rowCount: r.rowCount,
    validCount: r.rows.length,
    sample: r.rows.slice(0, 10),
    errors: r.errors.slice(0, 200),
    errorCount: r.errors.length,
  };
}

/** A preview row as shown: where the shift is worked, on whose clock, with which skills. */
export interface PreviewRowDisplay {
  site: string;
  /** The zone the times are shown in: the site's, else UTC (said so). */
  zone: string;
  start: string;
  end: string;
  skills: string;
}

/**
 * Shows a sample row on its site's clock with dates and the zone named (DOMAIN.md: a
 * shift's times in its site's zone). The site is the row's, else the agent's home site (a
 * CXone template row names only the username); listed skills, else the agent's own.
 * Unknown agent or site: UTC, and Validate on the server says what is wrong.
 */
export function displayPreviewRow(row: ValidShiftRow, directory: PreviewDirectory, format: (t: number, zone: string) => string): PreviewRowDisplay {
  const key = row.agentId.toLowerCase();
  const agent = directory.agents.find((a) => a.id.toLowerCase() === key || (a.username !== null && a.username.toLowerCase() === key));
  const siteId = row.siteId || agent?.homeSiteId || "";
  const zone = directory.sites.find((s) => s.id.toLowerCase() === siteId.toLowerCase())?.timeZone ?? "UTC";
  const skills =
    row.skills.length > 0
      ? row.skills.map((s) => `${s.skillId}:${s.proficiency}`).join(", ")
      : agent
        ? `from the agent's profile: ${agent.skills.join(", ") || "none"}`
        : "from the agent's profile";
  return {
    site: siteId ? (row.siteId ? siteId : `${siteId} (agent's home site)`) : "agent's home site (checked on Validate)",
    zone,
    start: `${format(row.start, zone)} ${zone}`,
    end: `${format(row.end, zone)} ${zone}`,
    skills,
  };
}
