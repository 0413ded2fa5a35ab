import { INTERVAL_MS } from "../../types";
import type { CellBuffer } from "../coverage-state";
import { localRange } from "../format";
import type { Leg, RuleEnv } from "../rule";
import type { Finding } from "../types";

const EPS = 1e-9;

/**
 * CumulativeCoverage, the seed's "SLA blind spot": with the schedule plus every approved
 * and pending trade already counted (`cells[].before`), this trade lowers some skill-interval
 * to below required × threshold. An interval that was already below and that this trade
 * lowers further is flagged too (otherwise the fourth trade of a cascade would sail
 * through); an interval the trade leaves unchanged or raises never is.
 * Example: required 10, threshold 0.9, scheduled 11 → trades taking it to 10 and 9 pass,
 * the one taking it to 8 goes to review. One finding per skill, at its worst interval.
 */
export function cumulativeCoverageFindings(
  cells: CellBuffer,
  legs: readonly Leg[],
  env: RuleEnv,
  overlayTrades: number,
): Finding[] {
  const threshold = env.settings.cumulativeCoverageThreshold;
  const out: Finding[] = [];
  let k = 0;
  while (k < cells.length) {
    const skill = cells.skill[k];
    const req = env.required.get(skill);
    let worst = -1;
    let worstShort = 0;
    let first = -1;
    let last = -1;
    for (; k < cells.length && cells.skill[k] === skill; k++) {
      if (!req || cells.delta[k] >= -EPS) continue;
      const i = cells.index[k];
      // A demand array shorter than the grid means no demand past its end.
      const floor = (req[i] ?? 0) * threshold;
      const after = cells.before[k] + cells.delta[k];
      if (after >= floor - EPS) continue;
      if (first < 0) first = i;
      last = i;
      if (floor - after > worstShort) {
        worstShort = floor - after;
        worst = k;
      }
    }
    if (worst < 0 || !req) continue;
    const i = cells.index[worst];
    const at = env.grid.start + i * INTERVAL_MS;
    const leg = legs.find((l) => l.shift.start < at + INTERVAL_MS && at < l.shift.end) ?? legs[0];
    const before = cells.before[worst];
    const after = before + cells.delta[worst];
    const required = req[i] ?? 0;
    const windowStart = env.grid.start + first * INTERVAL_MS;
    const windowEnd = env.grid.start + (last + 1) * INTERVAL_MS;
    const round = (x: number) => Math.round(x * 100) / 100;
    out.push({
      type: "CumulativeCoverage",
      shiftId: leg.shift.id,
      agentId: leg.receiver.id,
      params: {
        skillId: skill,
        intervalStart: at,
        required: round(required),
        before: round(before),
        after: round(after),
        threshold,
        windowStart,
        windowEnd,
        wasAlreadyBelow: before < required * threshold - EPS,
        overlayTrades,
      },
      message:
        `${skill} would fall to ${round(after)} agents against ${round(required)} required ` +
        `(threshold ${Math.round(threshold * 100)} %) at ${localRange(env.clock, windowStart, windowEnd, leg.shiftSite.timeZone)}, ` +
        `counting ${overlayTrades} approved or pending trade${overlayTrades === 1 ? "" : "s"}`,
    });
  }
  return out;
}
