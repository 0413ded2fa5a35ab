"use client";

import { memo, useRef, useState } from "react";
import type { ScheduleAgentRow, ScheduleShift } from "@/lib/types/schedule";
import { cn } from "@/components/ui/cn";
import { BAR_TONE, barPieces, clock, instantAt, xOf, type DayAxis } from "./geometry";

/**
 * One agent's time axis: a band per day, each shift a focusable bar with its breaks cut
 * out (paid breaks drawn faint). Dragging on empty time draws a new shift, snapped to
 * 15 minutes; the form then opens prefilled.
 */
export const AgentRowTrack = memo(function AgentRowTrack({
  row,
  axis,
  dayWidth,
  days,
  canEdit,
  onOpen,
  onDraw,
}: {
  row: ScheduleAgentRow;
  axis: DayAxis;
  dayWidth: number;
  days: number;
  canEdit: boolean;
  onOpen: (row: ScheduleAgentRow, shift: ScheduleShift) => void;
  onDraw: (row: ScheduleAgentRow, start: number, end: number) => void;
}) {
  const trackRef = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);

  function localX(e: React.PointerEvent) {
    const rect = trackRef.current!.getBoundingClientRect();
    return e.clientX - rect.left;
  }

  function onPointerDown(e: React.PointerEvent<HTMLDivElement>) {
    if (!canEdit || e.button !== 0 || e.target !== trackRef.current) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const x = localX(e);
    setDrag({ from: x, to: x });
  }

  function onPointerUp() {
    if (!drag) return;
    const a = instantAt(Math.min(drag.from, drag.to), axis, dayWidth);
    const b = instantAt(Math.max(drag.from, drag.to), axis, dayWidth);
    setDrag(null);
    // A click (no drag) is not a shift; the "+" button or a drag makes one.
    if (b - a >= 15 * 60_000) onDraw(row, a, b);
  }

  const zone = axis.zone;
  return (
    <div
      ref={trackRef}
      className={cn("relative h-full shrink-0", canEdit && "cursor-crosshair")}
      style={{
        width: dayWidth * days,
        backgroundImage: `repeating-linear-gradient(to right, transparent 0, transparent ${dayWidth - 1}px, rgb(226 232 240) ${dayWidth - 1}px, rgb(226 232 240) ${dayWidth}px)`,
      }}
      onPointerDown={onPointerDown}
      onPointerMove={(e) => drag && setDrag({ ...drag, to: localX(e) })}
      onPointerUp={onPointerUp}
      onPointerCancel={() => setDrag(null)}
      data-agent={row.agentId}
      data-testid="agent-track"
      role="gridcell"
    >
      {row.shifts.map((s) => {
        const left = xOf(s.start, axis, dayWidth);
        const width = Math.max(3, xOf(s.end, axis, dayWidth) - left);
        const label = `${row.name}: ${clock(s.start, zone)}–${clock(s.end, zone)} ${zone}, ${s.status === "PUBLISHED" ? "published" : "draft"}${s.changedSincePublish ? ", changed since published" : ""}${s.siteId !== row.homeSiteId ? `, worked at ${s.siteId}` : ""}`;
        return (
          <button
            key={s.id}
            type="button"
            className="absolute top-2 h-6 rounded-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-slate-900 focus-visible:ring-offset-1"
            style={{ left, width }}
            aria-label={label}
            title={label}
            data-shift-id={s.id}
            data-status={s.status}
            onClick={() => onOpen(row, s)}
          >
            {barPieces(s.start, s.end, s.breaks).map((p) => (
              <span
                key={p.from}
                aria-hidden
                className={cn("absolute inset-y-0", BAR_TONE[s.status], p.kind === "paidBreak" && "opacity-40")}
                style={{ left: xOf(p.from, axis, dayWidth) - left, width: Math.max(1, xOf(p.to, axis, dayWidth) - xOf(p.from, axis, dayWidth)) }}
              />
            ))}
            {s.changedSincePublish ? <span aria-hidden className="absolute -right-1 -top-1 h-2.5 w-2.5 rounded-full border border-white bg-red-600" /> : null}
            {width > 70 ? (
              <span aria-hidden className={cn("pointer-events-none relative z-10 px-1 text-[10px] font-medium", s.status === "DRAFT" ? "text-slate-900" : "text-white")}>
                {clock(s.start, zone)}–{clock(s.end, zone)}
              </span>
            ) : null}
          </button>
        );
      })}
      {drag ? (
        <span
          aria-hidden
          className="pointer-events-none absolute top-2 h-6 rounded-sm border-2 border-dashed border-brand-600 bg-brand-50/60"
          style={{ left: Math.min(drag.from, drag.to), width: Math.abs(drag.to - drag.from) }}
        />
      ) : null}
    </div>
  );
});
