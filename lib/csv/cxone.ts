/** Valid rows to the CXone WFM shift object of POST /api/v1/wfm/schedule/shifts/import. */
import type { CxoneShift, ValidShiftRow } from "../schemas/imports";

/** UTC with whole seconds, the form CXone documents: 2026-03-09T14:00:00Z. */
function isoUtc(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}

/**
 * toCxoneShift(row) → {agentId, startDate, endDate, skills[{skillId, proficiencyLevel}],
 * status, breaks[{startTimeOffset s, duration s}], metadata{source, sourceHash, siteId, csvRow, notes?}}
 */
export function toCxoneShift(row: ValidShiftRow): CxoneShift {
  const metadata: CxoneShift["metadata"] = {
    source: "shiftboard-csv",
    sourceHash: row.sourceHash,
    siteId: row.siteId,
    csvRow: row.row,
  };
  if (row.notes !== null) metadata.notes = row.notes;
  return {
    agentId: row.agentId,
    startDate: isoUtc(row.start),
    endDate: isoUtc(row.end),
    skills: row.skills.map((s) => ({ skillId: s.skillId, proficiencyLevel: s.proficiency })),
    status: row.status,
    breaks: row.breaks.map((b) => ({
      startTimeOffset: Math.round(b.startOffsetMinutes * 60),
      duration: Math.max(1, Math.round(b.durationMinutes * 60)),
    })),
    metadata,
  };
}
