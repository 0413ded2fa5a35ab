/**
 * A run's proposals as a planner reads them: per agent (overtime against the cap) or per
 * day of the site's clock (what each day gains). Pure: the browser and the services group
 * the same way, and the unit tests pin the DST days.
 */
import { localDateKey } from "../time";
import { HOUR_MS, type Instant, type ShiftBreak } from "../types";

const MINUTE_MS = 60_000;

/** What grouping needs of a proposal; instants as epoch ms or ISO 8601 (the stored form). */
export interface GroupableProposal {
  agentId: string;
  siteId: string;
  start: Instant | string;
  end: Instant | string;
  breaks: readonly ShiftBreak[];
  overtimeHours: number;
}

export interface ProposalGroupTotals {
  proposals: number;
  /** Paid hours: span less unpaid breaks, measured on instants (a 00:00–08:00 shift on a fall-back night is 9 h). */
  hours: number;
  overtimeHours: number;
}

export interface DayGroup<P> extends ProposalGroupTotals {
  /** The local date ("2026-11-23") of each proposal's start on its site's clock. */
  date: string;
  agents: number;
  items: P[];
}

export interface AgentGroup<P> extends ProposalGroupTotals {
  agentId: string;
  items: P[];
}

const ms = (t: Instant | string) => (typeof t === "number" ? t : Date.parse(t));
const round2 = (h: number) => Math.round(h * 100) / 100;

/** Paid hours of one proposal: 09:00–17:00 with an unpaid 30-minute break → 7.5. */
export function proposalPaidHours(p: Pick<GroupableProposal, "start" | "end" | "breaks">): number {
  const start = ms(p.start);
  const end = ms(p.end);
  let unpaid = 0;
  for (const b of p.breaks) {
    if (b.paid || b.durationMinutes <= 0) continue;
    const s = Math.max(start, start + b.startOffsetMinutes * MINUTE_MS);
    const e = Math.min(end, start + (b.startOffsetMinutes + b.durationMinutes) * MINUTE_MS);
    if (e > s) unpaid += e - s;
  }
  return Math.max(0, end - start - unpaid) / HOUR_MS;
}

function totals(items: readonly GroupableProposal[]): ProposalGroupTotals {
  let hours = 0;
  let overtime = 0;
  for (const p of items) {
    hours += proposalPaidHours(p);
    overtime += p.overtimeHours;
  }
  return { proposals: items.length, hours: round2(hours), overtimeHours: round2(overtime) };
}

const byStartThenAgent = (a: GroupableProposal, b: GroupableProposal) => ms(a.start) - ms(b.start) || (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0);

/**
 * Proposals by the local date of their start on their site's clock, days in order, each day's
 * proposals by start. A night shift belongs to the day it starts (22:00–06:00 on Monday is
 * Monday's). With several sites a date gathers each site's own day of that date.
 *
 * groupByLocalDay([{ siteId: "NYC", start: "2026-11-02T04:30:00Z", … }], () => "America/New_York")
 *   → [{ date: "2026-11-01", … }] — 23:30 on the first day of EST; a fixed −4 h offset would say Nov 2.
 */
export function groupByLocalDay<P extends GroupableProposal>(proposals: readonly P[], zoneOfSite: (siteId: string) => string): DayGroup<P>[] {
  const days = new Map<string, P[]>();
  for (const p of proposals) {
    const date = localDateKey(ms(p.start), zoneOfSite(p.siteId));
    const list = days.get(date);
    if (list) list.push(p);
    else days.set(date, [p]);
  }
  return [...days.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, list]) => {
      const items = [...list].sort(byStartThenAgent);
      return { date, agents: new Set(items.map((p) => p.agentId)).size, items, ...totals(items) };
    });
}

/** Proposals by agent (agents in id order, each agent's proposals by start), with the agent's hours and overtime. */
export function groupByAgent<P extends GroupableProposal>(proposals: readonly P[]): AgentGroup<P>[] {
  const agents = new Map<string, P[]>();
  for (const p of proposals) {
    const list = agents.get(p.agentId);
    if (list) list.push(p);
    else agents.set(p.agentId, [p]);
  }
  return [...agents.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([agentId, list]) => {
      const items = [...list].sort(byStartThenAgent);
      return { agentId, items, ...totals(items) };
    });
}
