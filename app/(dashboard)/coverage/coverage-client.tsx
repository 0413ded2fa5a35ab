"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Suspense, use, useMemo } from "react";
import { z } from "zod";
import { chartPoints, unpackGaps, type CompactCoverageCharts, type CompactSeries, type PackedGaps } from "./compact-series";
import { formatDayKey, noDemandMessage } from "@/lib/domain/coverage/labels";
import { parseDateKey } from "@/lib/domain/time";
import { CoverageChart, type CoverageChartPoint } from "@/components/charts/coverage-chart";
import { CoverageHeatmap } from "@/components/coverage/coverage-heatmap";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatHours, formatPercent } from "@/components/ui/format";

/** `through` in the URL: the last day a gap's chart spans (a window across midnight). */
const throughSchema = z.string().refine((v) => parseDateKey(v) !== null, { error: "Use a date like 2026-11-23." });


/** Whose shifts the blue line is and whose demand the required line, for one skill with a site chosen. */
function labelsFor(view: CompactCoverageCharts, s: CompactSeries): { scheduledLabel?: string; requiredLabel?: string } {
  if (!view.site) return {};
  if (s.requiredSource === "site demand") return { scheduledLabel: `Scheduled at ${view.site.name}`, requiredLabel: `Required (${view.site.name}'s own demand)` };
  if (s.requiredSource === "shared demand" || view.requiredSource === "shared") return { scheduledLabel: `Scheduled at ${view.site.name}`, requiredLabel: "Required (shared demand, all sites)" };
  return {};
}

/** One line under a skill's title: which demand the site is judged on. */
function sourceNote(view: CompactCoverageCharts, s: CompactSeries): string {
  if (!view.site) return "";
  if (s.requiredSource === "site demand") return ` · against ${view.site.name}'s own demand`;
  if (s.requiredSource === "shared demand") return " · against the shared demand (all sites)";
  return "";
}

/**
 * The charts, the heatmap and an opened day. The gap table streams in apart
 * (`coverage-gaps.tsx`); an opened day's chart draws at once and shades its gaps when
 * they arrive (`gaps`, a promise from the server).
 */
export function CoverageClient({
  view,
  selectedDay,
  selectedSkill,
  gaps,
}: {
  view: CompactCoverageCharts;
  selectedDay: string | null;
  selectedSkill: string | null;
  gaps: Promise<PackedGaps> | null;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();


  const throughParam = throughSchema.safeParse(params.get("through"));
  const through = throughParam.success && selectedDay && throughParam.data > selectedDay ? throughParam.data : selectedDay;

  const dayDetail = useMemo(() => {
    if (!selectedDay || !through) return null;
    const days = view.days.filter((d) => d.date >= selectedDay && d.date <= through);
    if (days.length === 0) return null;
    const start = Math.min(...days.map((d) => d.start));
    const end = Math.max(...days.map((d) => d.end));
    const last = days.reduce((a, d) => (d.date > a ? d.date : a), selectedDay);
    return { date: selectedDay, last, start, end };
  }, [selectedDay, through, view.days]);

  function closeDay() {
    const next = new URLSearchParams(params.toString());
    next.delete("day");
    next.delete("through");
    router.push(`${pathname}?${next.toString()}`);
  }

  const detailSeries = dayDetail ? view.series.filter((s) => !selectedSkill || s.skillId === selectedSkill) : [];
  const noDemand = view.series.every((s) => s.requiredHours === 0) ? noDemandMessage(view.from, view.to) : null;
  const detailTitle = dayDetail ? (dayDetail.last === dayDetail.date ? formatDayKey(dayDetail.date) : `${formatDayKey(dayDetail.date)} – ${formatDayKey(dayDetail.last)}`) : "";

  return (
    <div className="space-y-6">
      {noDemand ? (
        <Alert tone="warning" title="No demand in this range">
          {noDemand} <a href="#demand-upload" className="underline">Go to Demand upload</a>
        </Alert>
      ) : null}
      {dayDetail ? (
        <Card id="day-detail">
          <CardHeader
            title={`${detailTitle} — ${selectedSkill ?? "all skills"}`}
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
                {/* Drawn at once; the gap shading follows when the gaps are found. */}
                <Suspense
                  fallback={<CoverageChart points={() => chartPoints(s, dayDetail.start, dayDetail.end)} timeZone={view.timeZone} height={260} label={`${s.skillId} on ${detailTitle}: required vs scheduled`} {...labelsFor(view, s)} />}
                >
                  <DayChartWithGaps
                    gaps={gaps}
                    skillId={s.skillId}
                    start={dayDetail.start}
                    end={dayDetail.end}
                    points={() => chartPoints(s, dayDetail.start, dayDetail.end)}
                    timeZone={view.timeZone}
                    label={`${s.skillId} on ${detailTitle}: required vs scheduled`}
                    labels={labelsFor(view, s)}
                  />
                </Suspense>
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
                description={`${s.name} · ${formatHours(s.requiredHours)} required · ${formatHours(s.availableHours)} scheduled · ${formatHours(s.coveredHours)} covered · ${formatHours(s.deficitHours)} short${sourceNote(view, s)}`}
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
                <CoverageChart points={() => chartPoints(s)} timeZone={view.timeZone} label={`${s.skillId}: required vs scheduled`} {...labelsFor(view, s)} />
              </CardBody>
            </Card>
          ))}
        </div>
        <p className="mt-2 text-xs text-slate-500">
          {view.bucketMinutes === 15 ? "15-minute intervals" : `Averaged over ${view.bucketMinutes / 60}-hour buckets for a long range`} · {view.shiftCount} shifts in range{view.site ? ` at ${view.site.name}` : ""} · times in {view.timeZone}
        </p>
      </section>

      <Card>
        <CardHeader title="Coverage by day" description="Which skill is short on which day, at a glance." />
        <CardBody>
          <CoverageHeatmap days={view.days} skills={view.series} thresholds={view.thresholds} />
        </CardBody>
      </Card>

    </div>
  );
}

function DayChartWithGaps({
  gaps,
  skillId,
  start,
  end,
  points,
  timeZone,
  label,
  labels,
}: {
  gaps: Promise<PackedGaps> | null;
  skillId: string;
  start: number;
  end: number;
  points: () => CoverageChartPoint[];
  timeZone: string;
  label: string;
  labels: { scheduledLabel?: string; requiredLabel?: string };
}) {
  const packed = gaps ? use(gaps) : null;
  const all = useMemo(() => (packed ? unpackGaps(packed) : []), [packed]);
  const highlights = all.filter((g) => g.skillId === skillId && g.end > start && g.start < end);
  return <CoverageChart points={points} timeZone={timeZone} height={260} label={label} highlights={highlights} {...labels} />;
}
