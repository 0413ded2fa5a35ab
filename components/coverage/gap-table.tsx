"use client";

import { useMemo, useState } from "react";
import { safeCsv } from "@/lib/csv/export";
import type { GapTableRow } from "@/lib/types/coverage";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatDateKey } from "@/components/ui/format";
import { localDateKey, formatLocalTime } from "@/lib/domain/time";

type SortKey = "skillId" | "date" | "start" | "peakShortfall" | "deficitHours" | "priority";

/** Rows on one page of the table: a week has a few hundred windows, a planner reads the top. */
export const GAP_PAGE_SIZE = 25;

const COLUMNS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: "skillId", label: "Skill" },
  { key: "date", label: "Day" },
  { key: "start", label: "Window" },
  { key: "peakShortfall", label: "Peak shortfall", numeric: true },
  { key: "deficitHours", label: "Deficit hours", numeric: true },
  { key: "priority", label: "Priority" },
];

export function GapTable({
  gaps,
  timeZone,
  fileName,
  onOpen,
  noDemand,
}: {
  gaps: GapTableRow[];
  timeZone: string;
  fileName: string;
  onOpen: (gap: GapTableRow) => void;
  /** Set when the range has no demand at all: said instead of "no interval is short". */
  noDemand?: string | null;
}) {
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: "deficitHours", dir: -1 });
  const [page, setPage] = useState(0);
  const rows = useMemo(() => {
    const out = [...gaps];
    out.sort((a, b) => {
      const x = a[sort.key];
      const y = b[sort.key];
      const c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
      return c * sort.dir || a.start - b.start;
    });
    return out;
  }, [gaps, sort]);

  // The page is drawn from the sorted rows; the export takes every row.
  const pages = Math.max(1, Math.ceil(rows.length / GAP_PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const first = current * GAP_PAGE_SIZE;
  const shown = rows.slice(first, first + GAP_PAGE_SIZE);

  function exportCsv() {
    const csv = safeCsv(
      rows.map((g) => ({
        skill: g.skillId,
        day: g.date,
        // Local date and clock: a window across midnight ends on the next day.
        windowStart: `${localDateKey(g.start, timeZone)} ${formatLocalTime(g.start, timeZone)}`,
        windowEnd: `${localDateKey(g.end, timeZone)} ${formatLocalTime(g.end, timeZone)}`,
        timeZone,
        peakShortfall: g.peakShortfall.toFixed(1),
        deficitHours: g.deficitHours.toFixed(2),
        priority: g.priority,
        startUtc: new Date(g.start).toISOString(),
        endUtc: new Date(g.end).toISOString(),
      })),
      ["skill", "day", "windowStart", "windowEnd", "timeZone", "peakShortfall", "deficitHours", "priority", "startUtc", "endUtc"],
      { bom: true },
    );
    const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = fileName;
    a.click();
    URL.revokeObjectURL(url);
  }

  if (gaps.length === 0) {
    return noDemand ? (
      <p className="px-1 py-6 text-center text-sm text-amber-800">{noDemand}</p>
    ) : (
      <p className="px-1 py-6 text-center text-sm text-slate-500">No interval is short by half an agent or more in this range.</p>
    );
  }

  return (
    <div>
      <div className="mb-2 flex items-center justify-between">
        <p className="text-sm text-slate-600">
          {gaps.length} gap window{gaps.length === 1 ? "" : "s"}; select one to open a chart spanning it.
        </p>
        <Button variant="secondary" size="sm" onClick={exportCsv}>
          Export CSV
        </Button>
      </div>
      <div className="max-h-[28rem] overflow-auto rounded-md border border-slate-200">
        <table className="min-w-full text-sm" aria-label="Gap windows">
          <thead className="sticky top-0 bg-slate-50">
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={sort.key === c.key ? (sort.dir === 1 ? "ascending" : "descending") : "none"}
                  className={`px-3 py-2 font-medium text-slate-600 ${c.numeric ? "text-right" : "text-left"}`}
                >
                  <button
                    type="button"
                    className="hover:text-slate-900"
                    onClick={() => {
                      setSort((s) => ({ key: c.key, dir: s.key === c.key ? (s.dir === 1 ? -1 : 1) : c.numeric ? -1 : 1 }));
                      setPage(0);
                    }}
                  >
                    {c.label}
                    {sort.key === c.key ? (sort.dir === 1 ? " ▲" : " ▼") : ""}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((g) => (
              <tr
                key={`${g.skillId}-${g.start}`}
                tabIndex={0}
                onClick={() => onOpen(g)}
                onKeyDown={(e) => {
                  if (e.key === "Enter" || e.key === " ") {
                    e.preventDefault();
                    onOpen(g);
                  }
                }}
                className="cursor-pointer border-t border-slate-100 hover:bg-brand-50 focus:bg-brand-50"
                aria-label={`${g.skillId} ${g.window}: short ${g.peakShortfall.toFixed(1)} agents at peak`}
              >
                <td className="px-3 py-1.5 font-medium">{g.skillId}</td>
                <td className="px-3 py-1.5">{formatDateKey(g.date)}</td>
                <td className="whitespace-nowrap px-3 py-1.5 tabular-nums">{g.window}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{g.peakShortfall.toFixed(1)}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{g.deficitHours.toFixed(2)}</td>
                <td className="px-3 py-1.5">
                  <Badge tone={g.priority === "HIGH" ? "bad" : "warn"}>{g.priority}</Badge>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav className="mt-2 flex items-center justify-between text-sm text-slate-600" aria-label="Gap table pages">
          <span>
            Rows {first + 1}–{first + shown.length} of {rows.length}
          </span>
          <span className="flex gap-2">
            <Button variant="secondary" size="sm" disabled={current === 0} onClick={() => setPage(current - 1)}>
              Previous
            </Button>
            <Button variant="secondary" size="sm" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
              Next
            </Button>
          </span>
        </nav>
      ) : null}
    </div>
  );
}
