"use client";

import type { AgentGroup, DayGroup } from "@/lib/domain/optimize/groups";
import type { StoredProposal } from "@/lib/types/optimization";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatClock, formatDateKey, formatDayDateClock } from "@/components/ui/format";
import { DataTable, Row } from "@/components/ui/table";

/** What the tables need to draw and select rows; the panel owns the state. */
export interface SelectionProps {
  accepted: Record<string, string>;
  checked: ReadonlySet<string>;
  toggle: (ids: string[], on: boolean) => void;
  /** The site's zone of a proposal: its times are shown on that clock. */
  zoneOf: (p: StoredProposal) => string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const h = (x: number) => `${x.toFixed(1)} h`;

function GroupBox({ label, items, accepted, checked, toggle }: { label: string; items: StoredProposal[] } & Pick<SelectionProps, "accepted" | "checked" | "toggle">) {
  const free = items.filter((p) => !accepted[p.id]);
  return <input type="checkbox" aria-label={label} disabled={free.length === 0} checked={free.length > 0 && free.every((p) => checked.has(p.id))} onChange={(e) => toggle(free.map((p) => p.id), e.target.checked)} />;
}

function Times({ p, zone, withDay }: { p: StoredProposal; zone: string; withDay: boolean }) {
  const start = Date.parse(p.start);
  return (
    <>
      {withDay ? formatDayDateClock(start, zone) : formatClock(start, zone)}–{formatClock(Date.parse(p.end), zone)} <span className="text-xs text-slate-500">{zone}</span>
    </>
  );
}

function Kind({ p, accepted }: { p: StoredProposal; accepted: Record<string, string> }) {
  if (accepted[p.id]) return <Badge tone="good">accepted</Badge>;
  if (p.extendsStatus === "PUBLISHED") return <span title="Published shifts are never changed: accepting it is refused">extends a published shift</span>;
  return <>{p.extendsShiftId ? "extends a draft" : "new shift"}</>;
}

/** The skills a proposal works and the shortfall hours it closes there (its "covers"). */
function Covers({ p }: { p: StoredProposal }) {
  return (
    <>
      <td className="px-2 py-1.5">{p.skills.map((s) => s.skillId).join(", ") || p.skillId}</td>
      <td className="px-2 py-1.5 tabular-nums" title="Shortfall hours of the targeted skills this shift closes">
        {h(p.coverageHours)}
      </td>
      <td className="px-2 py-1.5">{p.overtimeHours > 0 ? <Badge tone="warn">{h(p.overtimeHours)} overtime</Badge> : "—"}</td>
    </>
  );
}

function RowBox({ p, accepted, checked, toggle }: { p: StoredProposal } & Pick<SelectionProps, "accepted" | "checked" | "toggle">) {
  return <input type="checkbox" aria-label={`Select ${p.agentId} ${p.start}`} disabled={!!accepted[p.id]} checked={checked.has(p.id) && !accepted[p.id]} onChange={(e) => toggle([p.id], e.target.checked)} />;
}

/** One header row per agent (their proposals, paid hours, overtime against the run's cap), then their proposals by start. */
export function ByAgentTable({ groups, overtimeCap, ...s }: { groups: AgentGroup<StoredProposal>[]; overtimeCap: number } & SelectionProps) {
  return (
    <DataTable label="Recommended shifts" columns={["", "Agent / shift", "Skill", "Covers", "Overtime", "Kind"]}>
      {groups.flatMap((g) => [
        <Row key={g.agentId} className="bg-slate-50">
          <td className="px-2 py-1.5">
            <GroupBox label={`Select ${g.agentId}'s proposals`} items={g.items} {...s} />
          </td>
          <td className="px-2 py-1.5 font-medium" colSpan={3}>
            {g.agentId}{" "}
            <span className="text-xs font-normal text-slate-500">
              · {plural(g.proposals, "proposal")} · {h(g.hours)}
            </span>
          </td>
          <td className={`px-2 py-1.5 text-xs tabular-nums ${g.overtimeHours > overtimeCap + 1e-6 ? "font-semibold text-red-700" : ""}`}>{g.overtimeHours > 0 ? `${h(g.overtimeHours)} of ${overtimeCap} h cap` : "—"}</td>
          <td />
        </Row>,
        ...g.items.map((p) => (
          <Row key={p.id}>
            <td className="px-2 py-1.5 pl-4">
              <RowBox p={p} {...s} />
            </td>
            <td className="px-2 py-1.5 tabular-nums">
              <Times p={p} zone={s.zoneOf(p)} withDay />
            </td>
            <Covers p={p} />
            <td className="px-2 py-1.5 text-xs">
              <Kind p={p} accepted={s.accepted} />
            </td>
          </Row>
        )),
      ])}
    </DataTable>
  );
}

/**
 * One header row per day of the site's clock with the day's totals (proposals, agents, paid
 * hours, overtime hours) and "accept this day's proposals", then the day's proposals by start.
 */
export function ByDayTable({ groups, onAcceptDay, busy, ...s }: { groups: DayGroup<StoredProposal>[]; onAcceptDay: (ids: string[]) => void; busy: boolean } & SelectionProps) {
  return (
    <DataTable label="Recommended shifts by day" columns={["", "Day / shift", "Agent", "Skill", "Covers", "Overtime", "Kind"]}>
      {groups.flatMap((g) => {
        const open = g.items.filter((p) => !s.accepted[p.id]).map((p) => p.id);
        const day = formatDateKey(g.date);
        return [
          <Row key={g.date} className="bg-slate-50" data-testid="day-group" data-date={g.date}>
            <td className="px-2 py-1.5">
              <GroupBox label={`Select the proposals of ${day}`} items={g.items} {...s} />
            </td>
            <td className="px-2 py-1.5" colSpan={5}>
              <span className="font-medium">{day}</span>{" "}
              <span className="text-xs text-slate-600" data-testid="day-totals">
                {plural(g.proposals, "proposal")} · {plural(g.agents, "agent")} · {h(g.hours)} · {h(g.overtimeHours)} overtime
              </span>
            </td>
            <td className="px-2 py-1.5 text-right">
              <Button size="sm" variant="secondary" disabled={busy || open.length === 0} aria-label={`Accept this day's proposals (${day}, ${open.length} open)`} onClick={() => onAcceptDay(open)}>
                Accept this day&apos;s proposals
              </Button>
            </td>
          </Row>,
          ...g.items.map((p) => (
            <Row key={p.id} data-day={g.date}>
              <td className="px-2 py-1.5 pl-4">
                <RowBox p={p} {...s} />
              </td>
              <td className="px-2 py-1.5 tabular-nums">
                <Times p={p} zone={s.zoneOf(p)} withDay={false} />
              </td>
              <td className="px-2 py-1.5">{p.agentId}</td>
              <Covers p={p} />
              <td className="px-2 py-1.5 text-xs">
                <Kind p={p} accepted={s.accepted} />
              </td>
            </Row>
          )),
        ];
      })}
    </DataTable>
  );
}
