/**
 * An engine's answer as the proposals a planner accepts one by one: each new shift or
 * extension of a stored shift with a stable id (`p1`, `p2`, …), what it covers and its
 * overtime. A greedy extension of another of its own proposals is folded into that proposal
 * (accepting half of it would leave a fragment shorter than the site's minimum).
 */
import type { Shift, ShiftBreak, SkillProficiency } from "../types";
import type { AssignmentRecommendation } from "./types";

export interface Proposal {
  id: string;
  agentId: string;
  siteId: string;
  start: number;
  end: number;
  /** The skill it covers most. */
  skillId: string;
  skills: SkillProficiency[];
  breaks: ShiftBreak[];
  /** A stored shift this one adjoins and extends; null for a new shift. */
  extendsShiftId: string | null;
  coverageHours: number;
  overtimeHours: number;
}

const iso = (t: number) => new Date(t).toISOString().replace(".000Z", "Z");

/**
 * proposalsOf({ proposedShifts, assignmentRecommendations }) → proposals sorted by agent and start.
 * Engine ids (`greedy-3`, `exact-7`) are replaced: they mean nothing once the run is stored.
 */
export function proposalsOf(result: { proposedShifts: readonly Shift[]; assignmentRecommendations: readonly AssignmentRecommendation[] }): Proposal[] {
  const recs = new Map<string, AssignmentRecommendation["recommendedShifts"][number]>();
  for (const a of result.assignmentRecommendations) for (const r of a.recommendedShifts) recs.set(`${a.agentId}|${r.startTime}`, r);
  const own = new Set(result.proposedShifts.map((s) => s.id));
  const root = new Map<string, Proposal>();
  const out: Proposal[] = [];
  // Engines number their proposals in the order they made them: a parent comes before its extension.
  for (const s of result.proposedShifts) {
    const rec = recs.get(`${s.agentId}|${iso(s.start)}`);
    const ext = rec?.extendsShiftId ?? null;
    const parent = ext && own.has(ext) ? root.get(ext) : undefined;
    if (parent) {
      // Breaks keep their instants; offsets are measured from the merged start.
      const start = Math.min(parent.start, s.start);
      const shift = (b: ShiftBreak, from: number) => ({ ...b, startOffsetMinutes: b.startOffsetMinutes + (from - start) / 60_000 });
      parent.breaks = [...parent.breaks.map((b) => shift(b, parent.start)), ...s.breaks.map((b) => shift(b, s.start))];
      parent.start = start;
      parent.end = Math.max(parent.end, s.end);
      parent.coverageHours = Math.round((parent.coverageHours + (rec?.coverageImpact ?? 0)) * 100) / 100;
      parent.overtimeHours = Math.round((parent.overtimeHours + (rec?.overtimeHours ?? 0)) * 100) / 100;
      for (const k of s.skills) if (!parent.skills.some((x) => x.skillId === k.skillId)) parent.skills.push(k);
      root.set(s.id, parent);
      continue;
    }
    const p: Proposal = {
      id: "",
      agentId: s.agentId,
      siteId: s.siteId,
      start: s.start,
      end: s.end,
      skillId: rec?.skillId ?? s.skills[0]?.skillId ?? "",
      skills: s.skills.map((k) => ({ ...k })),
      breaks: s.breaks.map((b) => ({ ...b })),
      extendsShiftId: ext && !own.has(ext) ? ext : null,
      coverageHours: rec?.coverageImpact ?? 0,
      overtimeHours: rec?.overtimeHours ?? 0,
    };
    root.set(s.id, p);
    out.push(p);
  }
  out.sort((a, b) => (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : a.start - b.start));
  out.forEach((p, i) => (p.id = `p${i + 1}`));
  return out;
}
