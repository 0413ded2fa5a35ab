"use client";

import { useCallback, useState } from "react";
import type { ScheduleQuery } from "@/lib/schemas/schedule";
import type { ScheduleView } from "@/lib/types/schedule";
import type { ScheduleOptions } from "@/lib/types/schedule-page";
import { CoverageStrip } from "@/components/schedule/coverage-strip";
import { coverageKey } from "@/components/schedule/filters-key";
import { ScheduleGrid, type NewShiftTarget, type ShiftTarget } from "@/components/schedule/schedule-grid";
import { ShiftPanel, type PanelTarget } from "@/components/schedule/shift-panel";

/** The interactive part of the Schedule page: coverage strip, grid and the shift panel. */
export function ScheduleClient({ view, query, filters, options }: { view: ScheduleView; query: ScheduleQuery; filters: string; options: ScheduleOptions }) {
  const [target, setTarget] = useState<PanelTarget | null>(null);
  const openShift = useCallback((t: ShiftTarget) => setTarget({ kind: "shift", ...t }), []);
  const newShift = useCallback((t: NewShiftTarget) => setTarget({ kind: "new", ...t }), []);
  return (
    <>
      <CoverageStrip filters={coverageKey(query)} />
      {!view.canEdit ? (
        <p className="mb-2 text-xs text-slate-500" data-testid="read-only">
          Read-only: you see your sites&apos; schedule; planners change it.
        </p>
      ) : null}
      <ScheduleGrid
        key={filters}
        initial={view}
        filters={filters}
        onOpenShift={openShift}
        onNewShift={newShift}
      />
      <ShiftPanel target={target} canEdit={view.canEdit} sites={options.sites} onClose={() => setTarget(null)} />
    </>
  );
}
