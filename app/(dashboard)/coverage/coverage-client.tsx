"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import type { CoverageView, GapRow, SkillSeries } from "@/lib/types/coverage";
import { CoverageChart, type CoverageChartPoint } from "@/components/charts/coverage-chart";
import { CoverageHeatmap } from "@/components/coverage/coverage-heatmap";
import { GapTable } from "@/components/coverage/gap-table";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatDateKey, formatHours, formatPercent } from "@/components/ui/format";

function chartPoints(s: SkillSeries, view: "net" | "gross", from = -Infinity, to = Infinity): CoverageChartPoint[] {
  return s.points
    .filter((p) => p.t >= from && p.t < to)
    .map((p) => ({ t: p.t, required: p.required, scheduled: view === "net" ? p.net : p.gross, shortfall: p.shortfall }));
}

export function CoverageClient({ view, selectedDay, selectedSkill }: { view: CoverageView; selectedDay: string | null; selectedSkill: string | null }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();

  const dayDetail = useMemo(() => {
    if (!selectedDay) return null;
    const days = view.days.filter((d) => d.date === selectedDay);
    if (days.length === 0) return null;
    return { date: selectedDay, start: days[0].start, end: days[0].end };
  }, [selectedDay, view.days]);

  function openGap(g: GapRow) {
    const next = new URLSearchParams(params.toString());
    next.set("day", g.date);
    next.set("skill", g.skillId);
    router.push(`${pathname}?${next.toString()}#day-detail`);
  }

  function closeDay() {
    const next = new URLSearchParams(params.toString());
    next.delete("day");
    router.push(`${pathname}?${next.toString()}`);
  }

  const detailSeries = dayDetail ? view.series.filter((s) => !selectedSkill || s.skillId === selectedSkill) : [];

  return (
    <div className="space-y-6">
      {dayDetail ? (
        <Card id="day-detail">
          <CardHeader
            title={`${formatDateKey(dayDetail.date)} — ${selectedSkill ?? "all skills"}`}
            description={`Interval by interval, ${view.timeZone} clock.`}
            actions={
              <Button variant="secondary" size="sm" onClick={closeDay}>
                Close day
              </Button>
            }
          />
          <CardBody className="space-y-4">
            {detailSeries.map((s) => (
              <div key={s.skillId}>
                <p className="mb-1 text-sm font-medium">{s.skillId}</p>
                <CoverageChart
                  points={chartPoints(s, view.view, dayDetail.start, dayDetail.end)}
                  timeZone={view.timeZone}
                  dayOnly
                  height={260}
                  label={`${s.skillId} on ${dayDetail.date}: required vs scheduled`}
                />
              </div>
            ))}
          </CardBody>
        </Card>
      ) : null}

      <section aria-labelledby="skills-heading">
        <h2 id="skills-heading" className="mb-3 text-lg font-semibold">
          Required vs scheduled by skill
        </h2>
        <div className="grid gap-4 xl:grid-cols-2">
          {view.series.map((s) => (
            <Card key={s.skillId} data-testid="skill-chart">
              <CardHeader
                title={s.skillId}
                description={`${s.name} · ${formatHours(s.requiredHours)} required · ${formatHours(s.availableHours)} scheduled · ${formatHours(s.coveredHours)} covered · ${formatHours(s.deficitHours)} short`}
                actions={
                  <span
                    className={`rounded px-2 py-0.5 text-sm font-semibold tabular-nums ${
                      s.coverageRatio === null ? "text-slate-400" : s.coverageRatio < view.thresholds.highBelow ? "bg-red-50 text-red-700" : s.coverageRatio < view.thresholds.gapBelow ? "bg-amber-50 text-amber-800" : "bg-green-50 text-green-700"
                    }`}
                  >
                    {formatPercent(s.coverageRatio)}
                  </span>
                }
              />
              <CardBody>
                <CoverageChart points={chartPoints(s, view.view)} timeZone={view.timeZone} label={`${s.skillId}: required vs scheduled`} />
              </CardBody>
            </Card>
          ))}
        </div>
        <p className="mt-2 text-xs text-slate-500">
          {view.bucketMinutes === 15 ? "15-minute intervals" : `Averaged over ${view.bucketMinutes / 60}-hour buckets for a long range`} · {view.shiftCount} shifts in range · times in {view.timeZone}
        </p>
      </section>

      <Card>
        <CardHeader title="Coverage by day" description="Which skill is short on which day, at a glance." />
        <CardBody>
          <CoverageHeatmap days={view.days} skills={view.series} />
        </CardBody>
      </Card>

      <Card>
        <CardHeader
          title="Gaps"
          description={`Runs of intervals at least ${view.thresholds.windowMinShortfall} agent short. HIGH when the window's coverage is below ${Math.round(view.thresholds.highBelow * 100)} %.`}
        />
        <CardBody>
          <GapTable gaps={view.gaps} timeZone={view.timeZone} fileName={`gaps-${view.from}-to-${view.to}.csv`} onOpen={openGap} />
        </CardBody>
      </Card>
    </div>
  );
}
