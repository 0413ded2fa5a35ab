/** Gaps and gap-resolution rules from CXone coverage records (DOMAIN "Gaps"). */
import type { CoverageItem, GapResolutionRuleWire } from "../../lib/cxone/schemas";

export interface FlowGap {
  skillId: string;
  date: string;
  requiredHours: number;
  availableHours: number;
  coveredHours: number;
  coverageRatio: number;
  deficitHours: number;
  priority: "HIGH" | "MEDIUM";
}

/** Gaps from CXone coverage records: covered/required below the threshold (DOMAIN "Gaps"). */
export function gapsFromCoverage(items: readonly CoverageItem[], thresholds: { gapBelow: number; highBelow: number }): FlowGap[] {
  const gaps: FlowGap[] = [];
  for (const item of items) {
    const required = item.requiredHours;
    if (!(required > 0)) continue;
    // CXone sends required and available only; the simulator adds Σ min(required, scheduled).
    const covered = item.coveredHours ?? Math.min(item.availableHours, required);
    const ratio = covered / required;
    if (ratio >= thresholds.gapBelow) continue;
    gaps.push({
      skillId: item.skillId,
      date: item.dateRange.start.slice(0, 10),
      requiredHours: required,
      availableHours: item.availableHours,
      coveredHours: covered,
      coverageRatio: Math.round(ratio * 1000) / 1000,
      deficitHours: Math.round((item.deficitHours ?? required - covered) * 100) / 100,
      priority: ratio < thresholds.highBelow ? "HIGH" : "MEDIUM",
    });
  }
  return gaps.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.skillId < b.skillId ? -1 : 1));
}

/** One rule per skill: deficits summed, the highest priority, overtime allowed within the cap. */
export function rulesFromGaps(gaps: readonly FlowGap[], maxOvertimeHoursPerAgent: number): GapResolutionRuleWire[] {
  const bySkill = new Map<string, GapResolutionRuleWire>();
  for (const g of gaps) {
    const r = bySkill.get(g.skillId);
    if (!r) {
      bySkill.set(g.skillId, {
        targetSkillId: g.skillId,
        deficitHours: g.deficitHours,
        priority: g.priority,
        allowOvertime: maxOvertimeHoursPerAgent > 0,
        maxOvertimeHoursPerAgent,
        preferredAgentPool: "AVAILABLE",
      });
    } else {
      r.deficitHours = Math.round((r.deficitHours + g.deficitHours) * 100) / 100;
      if (g.priority === "HIGH") r.priority = "HIGH";
    }
  }
  return [...bySkill.values()];
}


const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : " ".repeat(n - s.length) + s);
const h = (x: number) => (Math.round(x * 10) / 10).toFixed(1);

/** The gap table, one line per skill-day. */
export function printGaps(say: (line: string) => void, gaps: readonly FlowGap[], thresholds: { gapBelow: number; highBelow: number }): void {
  say(`Coverage gaps (below ${Math.round(thresholds.gapBelow * 100)} %, HIGH below ${Math.round(thresholds.highBelow * 100)} %): ${gaps.length}`);
  say(`  ${pad("DATE", 10)}  ${pad("SKILL", 24)} ${lpad("REQUIRED", 9)} ${lpad("AVAILABLE", 9)} ${lpad("COVERED", 8)} ${lpad("RATIO", 6)} ${lpad("DEFICIT", 8)}  PRIORITY`);
  for (const g of gaps) {
    say(
      `  ${pad(g.date, 10)}  ${pad(g.skillId, 24)} ${lpad(h(g.requiredHours), 9)} ${lpad(h(g.availableHours), 9)} ${lpad(h(g.coveredHours), 8)} ${lpad(`${Math.round(g.coverageRatio * 100)}%`, 6)} ${lpad(h(g.deficitHours), 8)}  ${g.priority}`,
    );
  }
}
