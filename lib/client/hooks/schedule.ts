"use client";

import { useQueries, useQuery } from "@tanstack/react-query";
import { fetchJson } from "../fetch-json";
import { scheduleViewFromWire, shiftFromWire, stripFromWire, type WireScheduleView, type WireShift, type WireStrip } from "../wire";
import type { ScheduleShift, ScheduleView, ShiftHistoryEntry } from "../../types/schedule";
import { SCHEDULE_PAGE_SIZE, type ScheduleCoverageStrip } from "../../types/schedule-page";


/**
 * Every schedule query starts with "schedule", so one invalidation after an edit refreshes
 * the grid's pages, the coverage strip and the shift's history together.
 */
export const scheduleKeys = {
  all: ["schedule"] as const,
  page: (filters: string, page: number) => ["schedule", "page", filters, page] as const,
  coverage: (filters: string) => ["schedule", "coverage", filters] as const,
  shift: (id: string) => ["schedule", "shift", id] as const,
};

/** The grid's pages that are (or are about to be) on screen; page 0 starts from the server's render. */
export function useSchedulePages(filters: string, pages: readonly number[], initial: { filters: string; view: ScheduleView }) {
  return useQueries({
    queries: pages.map((page) => ({
      queryKey: scheduleKeys.page(filters, page),
      // Day totals come with the first page only: a scrolled page costs just its own agents.
      queryFn: async () => scheduleViewFromWire(await fetchJson<WireScheduleView>(`/api/v1/schedule?${filters}&offset=${page * SCHEDULE_PAGE_SIZE}&limit=${SCHEDULE_PAGE_SIZE}${page === 0 ? "" : "&totals=false"}`)),
      initialData: page === 0 && filters === initial.filters ? initial.view : undefined,
      staleTime: 30_000,
    })),
  });
}

export function useScheduleCoverage(filters: string, enabled: boolean) {
  return useQuery({
    queryKey: scheduleKeys.coverage(filters),
    queryFn: async (): Promise<ScheduleCoverageStrip> => stripFromWire(await fetchJson<WireStrip>(`/api/v1/schedule/coverage?${filters}`)),
    enabled,
    staleTime: 30_000,
  });
}

export interface ShiftDetail {
  shift: ScheduleShift;
  history: ShiftHistoryEntry[];
}

/** A shift as stored now and who changed it when (GET /api/v1/shifts/[id]). */
export function useShiftDetail(shiftId: string | null) {
  return useQuery({
    queryKey: scheduleKeys.shift(shiftId ?? ""),
    queryFn: async (): Promise<ShiftDetail> => {
      const detail = await fetchJson<{ shift: WireShift; history: ShiftHistoryEntry[] }>(`/api/v1/shifts/${encodeURIComponent(shiftId!)}`);
      return { ...detail, shift: shiftFromWire(detail.shift) };
    },
    enabled: !!shiftId,
    retry: false,
  });
}
