/**
 * The platform profile has no coverage endpoint, so the flow measures coverage itself: the
 * required agents Erlang C derives from CXone's contact history against the agents our
 * shifts put on each skill, per 15-minute interval, rolled up per skill and UTC day into
 * the same records the seed's coverage endpoint returns (then the same gap rule applies).
 *
 * Decisions: an agent on shift counts fully for every skill the shift lists (or, for a shift
 * listing none, the agent's skills in CXone); breaks take the agent off the phones; covered =
 * Σ min(required, scheduled) per interval, as the simulator computes it.
 */
import type { CoverageItem } from "../../lib/cxone/schemas";
import { DEFAULT_STAFFING, requiredStaff } from "../../lib/domain/erlang";
import { INTERVAL_MS } from "../../lib/domain/types";
import type { ForecastRowOut } from "../../lib/cxone/platform/history";

export interface CoverageShift {
  agentId: string;
  start: number;
  end: number;
  skillIds: readonly string[];
  breaks: readonly { startOffsetMinutes: number; durationMinutes: number }[];
}

const HOURS_PER_INTERVAL = INTERVAL_MS / 3_600_000;

export function coverageFromHistory(forecast: readonly ForecastRowOut[], shifts: readonly CoverageShift[]): CoverageItem[] {
  const required = new Map<string, number>();
  for (const f of forecast) {
    const staff = requiredStaff(f.offeredContacts, f.ahtSeconds, INTERVAL_MS / 1000, DEFAULT_STAFFING);
    required.set(`${f.skillId}|${Date.parse(f.intervalStart)}`, staff.scheduled);
  }
  const scheduled = new Map<string, number>();
  for (const s of shifts) {
    const first = Math.ceil(s.start / INTERVAL_MS) * INTERVAL_MS;
    for (let t = first; t + INTERVAL_MS <= s.end; t += INTERVAL_MS) {
      const off = (t - s.start) / 60_000;
      if (s.breaks.some((b) => off < b.startOffsetMinutes + b.durationMinutes && off + INTERVAL_MS / 60_000 > b.startOffsetMinutes)) continue;
      for (const k of s.skillIds) scheduled.set(`${k}|${t}`, (scheduled.get(`${k}|${t}`) ?? 0) + 1);
    }
  }
  const days = new Map<string, CoverageItem>();
  const dayItem = (skillId: string, t: number): CoverageItem => {
    const date = new Date(t).toISOString().slice(0, 10);
    const key = `${skillId}|${date}`;
    let item = days.get(key);
    if (!item) {
      item = { skillId, requiredHours: 0, availableHours: 0, coveredHours: 0, deficitHours: 0, dateRange: { start: `${date}T00:00:00Z`, end: `${date}T23:59:59Z` } };
      days.set(key, item);
    }
    return item;
  };
  for (const [key, req] of required) {
    const [skillId, t] = splitKey(key);
    const have = scheduled.get(key) ?? 0;
    const item = dayItem(skillId, t);
    item.requiredHours += req * HOURS_PER_INTERVAL;
    item.coveredHours! += Math.min(req, have) * HOURS_PER_INTERVAL;
    item.deficitHours! += Math.max(0, req - have) * HOURS_PER_INTERVAL;
  }
  for (const [key, have] of scheduled) {
    const [skillId, t] = splitKey(key);
    dayItem(skillId, t).availableHours += have * HOURS_PER_INTERVAL;
  }
  return [...days.values()].sort((a, b) => (a.dateRange.start < b.dateRange.start ? -1 : a.dateRange.start > b.dateRange.start ? 1 : a.skillId < b.skillId ? -1 : 1));
}

function splitKey(key: string): [string, number] {
  const i = key.lastIndexOf("|");
  return [key.slice(0, i), Number(key.slice(i + 1))];
}
