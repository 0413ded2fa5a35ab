"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { memo, useCallback, useMemo, useRef } from "react";
import { useSchedulePages } from "@/lib/client/hooks/schedule";
import { SCHEDULE_PAGE_SIZE } from "@/lib/types/schedule-page";
import type { ScheduleAgentRow, ScheduleShift, ScheduleView } from "@/lib/types/schedule";
import { Alert } from "@/components/ui/alert";
import { dayAxis, dayLabel, hours } from "./geometry";
import { AgentRowTrack } from "./agent-row";

const ROW_HEIGHT = 40;
const LEFT_WIDTH = 240;

/** Day band width: a week reads at a glance, four weeks still fit a laptop with scrolling. */
export function dayWidthFor(days: number): number {
  return days <= 7 ? 150 : days <= 14 ? 96 : 56;
}

export interface ShiftTarget {
  row: ScheduleAgentRow;
  shift: ScheduleShift;
  /** The zone the grid draws this row in. */
  zone: string;
}

export interface NewShiftTarget {
  row: ScheduleAgentRow;
  zone: string;
  start: number;
  end: number;
}

/**
 * One row per agent, one band per day. Only the rows on screen are drawn (virtualized) and
 * only their pages of agents are asked for: 50 agents a request, fetched as they scroll
 * into view, kept in the query cache for scrolling back.
 */
export function ScheduleGrid({
  initial,
  filters,
  onOpenShift,
  onNewShift,
}: {
  initial: ScheduleView;
  /** The URL's filters without paging (the query key). */
  filters: string;
  onOpenShift: (target: ShiftTarget) => void;
  onNewShift: (target: NewShiftTarget) => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = initial.totalAgents;
  // The virtualizer re-measures on scroll by design; the compiler leaves this component unmemoized.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  // Page 0 stays subscribed: it carries the day totals, refreshed after every edit.
  const pageIndexes = useMemo(() => {
    const out: number[] = [0];
    for (let p = Math.max(1, Math.floor(first / SCHEDULE_PAGE_SIZE)); p <= Math.floor(last / SCHEDULE_PAGE_SIZE); p++) out.push(p);
    return out;
  }, [first, last]);
  const pages = useSchedulePages(filters, pageIndexes, { filters, view: initial });
  const rowAt = (index: number): ScheduleAgentRow | undefined => {
    const k = pageIndexes.indexOf(Math.floor(index / SCHEDULE_PAGE_SIZE));
    return k >= 0 ? pages[k]?.data?.rows[index % SCHEDULE_PAGE_SIZE] : undefined;
  };
  const failed = pages.find((p) => p.error);
  const latest = pages[0]?.data ?? initial;

  // Stable handlers: rows are memoized, so scrolling re-renders only the rows that enter the view.
  const fixedZone = initial.zone;
  const openShift = useCallback((row: ScheduleAgentRow, shift: ScheduleShift) => onOpenShift({ row, shift, zone: fixedZone ?? row.timeZone }), [onOpenShift, fixedZone]);
  const drawShift = useCallback((row: ScheduleAgentRow, start: number, end: number) => onNewShift({ row, zone: fixedZone ?? row.timeZone, start, end }), [onNewShift, fixedZone]);
  const days = initial.days;
  const addShift = useCallback((row: ScheduleAgentRow) => onNewShift(defaultNewShift(row, days, fixedZone ?? row.timeZone)), [onNewShift, days, fixedZone]);

  const dayWidth = dayWidthFor(initial.days.length);
  const trackWidth = dayWidth * initial.days.length;
  const zoneLabel = initial.zone ?? "each agent's home zone";
  const siteAxis = initial.zone ? dayAxis(initial.days, initial.zone) : null;

  return (
    <div className="rounded-lg border border-slate-200 bg-white shadow-sm">
      {failed ? (
        <Alert tone="error" className="m-3" title="Some agents could not be loaded">
          {failed.error instanceof Error ? failed.error.message : "The server did not answer."} Scroll again or reload the page.
        </Alert>
      ) : null}
      <div
        ref={scrollRef}
        className="relative overflow-auto"
        style={{ height: "min(70vh, 720px)" }}
        data-testid="schedule-scroll"
        role="grid"
        aria-label={`Schedule, ${count} agents, times in ${zoneLabel}`}
        aria-rowcount={count + 2}
      >
        <div style={{ width: LEFT_WIDTH + trackWidth }}>
          {/* Header: day bands, hour ticks and the zone every time is read in. */}
          <div className="sticky top-0 z-20 flex border-b border-slate-200 bg-white" role="row" aria-rowindex={1}>
            <div className="sticky left-0 z-30 shrink-0 border-r border-slate-200 bg-white px-3 py-2 text-xs text-slate-600" style={{ width: LEFT_WIDTH }} role="columnheader">
              <p className="font-semibold text-slate-800">Agent · paid h / contract</p>
              <p data-testid="schedule-zone">Times in {zoneLabel}</p>
            </div>
            {initial.days.map((d) => (
              <div key={d} className="shrink-0 border-r border-slate-100 px-1 py-1.5 text-xs" style={{ width: dayWidth }} role="columnheader">
                <p className="font-medium text-slate-800">{dayLabel(d)}</p>
                {dayWidth >= 96 ? (
                  <div className="relative mt-0.5 h-3 text-[10px] text-slate-400" aria-hidden>
                    {[6, 12, 18].map((h) => (
                      <span key={h} className="absolute -translate-x-1/2" style={{ left: `${(h / 24) * 100}%` }}>
                        {String(h).padStart(2, "0")}
                      </span>
                    ))}
                  </div>
                ) : null}
              </div>
            ))}
          </div>

          <div className="relative" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const row = rowAt(item.index);
              return (
                <div
                  key={item.key}
                  className="absolute left-0 flex border-b border-slate-100"
                  style={{ top: 0, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT, width: LEFT_WIDTH + trackWidth }}
                  role="row"
                  aria-rowindex={item.index + 2}
                >
                  {row ? (
                    <>
                      <AgentCell row={row} canEdit={initial.canEdit} onAdd={addShift} />
                      <AgentRowTrack
                        row={row}
                        axis={siteAxis ?? dayAxis(initial.days, row.timeZone)}
                        dayWidth={dayWidth}
                        days={initial.days.length}
                        canEdit={initial.canEdit}
                        onOpen={openShift}
                        onDraw={drawShift}
                      />
                    </>
                  ) : (
                    <div className="flex items-center px-3 text-xs text-slate-400" style={{ width: LEFT_WIDTH }} aria-busy="true">
                      Loading agent {item.index + 1}…
                    </div>
                  )}
                </div>
              );
            })}
          </div>

          {/* Per-day totals over every matching agent (not only the rows on screen). */}
          <div className="sticky bottom-0 z-20 flex border-t border-slate-300 bg-slate-50 text-xs" role="row" aria-rowindex={count + 2} data-testid="day-totals">
            <div className="sticky left-0 z-30 shrink-0 border-r border-slate-200 bg-slate-50 px-3 py-1.5 font-medium text-slate-700" style={{ width: LEFT_WIDTH }} role="rowheader">
              {latest.totalAgents.toLocaleString()} agents · day totals
            </div>
            {latest.dayTotals.map((d) => (
              <div key={d.date} className="shrink-0 border-r border-slate-100 px-1 py-1.5 tabular-nums text-slate-700" style={{ width: dayWidth }} role="gridcell" title={`${d.date}: ${d.shifts} shifts, ${d.agents} agents, ${hours(d.paidHours)} paid hours`}>
                {d.shifts} sh · {hours(d.paidHours)} h
              </div>
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}

const AgentCell = memo(function AgentCell({ row, canEdit, onAdd }: { row: ScheduleAgentRow; canEdit: boolean; onAdd: (row: ScheduleAgentRow) => void }) {
  const over = row.overtimeHours > 0;
  return (
    <div className="sticky left-0 z-10 flex shrink-0 items-center gap-2 border-r border-slate-200 bg-white px-3" style={{ width: LEFT_WIDTH }} role="rowheader">
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium text-slate-800" title={`${row.name} (${row.agentId}), home ${row.homeSiteId}, ${row.timeZone}`}>
          {row.name}
        </p>
        <p className="truncate text-[11px] text-slate-500">
          {row.agentId} · {row.homeSiteId} ·{" "}
          <span className={over ? "font-semibold text-amber-700" : undefined} data-testid="agent-hours">
            {hours(row.paidHours)}/{hours(row.contractHoursPerWeek)} h{over ? ` · OT ${hours(row.overtimeHours)} h` : ""}
          </span>
        </p>
      </div>
      {canEdit ? (
        <button type="button" className="rounded px-1.5 text-sm text-brand-700 hover:bg-brand-50" aria-label={`Add shift for ${row.name}`} title="Add shift" onClick={() => onAdd(row)}>
          +
        </button>
      ) : null}
    </div>
  );
});

/** "Add shift" on a row: the first day of the range, 09:00–17:30 in the grid's zone. */
function defaultNewShift(row: ScheduleAgentRow, days: string[], zone: string): NewShiftTarget {
  const axis = dayAxis(days, zone);
  const start = axis.starts[0] + 9 * 3_600_000;
  return { row, zone, start, end: start + 8.5 * 3_600_000 };
}
