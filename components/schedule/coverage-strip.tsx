"use client";

import { useScheduleCoverage } from "@/lib/client/hooks/schedule";
import { CoverageChart } from "@/components/charts/coverage-chart";
import { Alert } from "@/components/ui/alert";

/**
 * Required vs scheduled (net) agents per interval for one skill over the grid's range and
 * site: the Coverage page's own numbers. Refetched whenever an edit invalidates "schedule".
 */
export function CoverageStrip({ filters }: { filters: string }) {
  const { data, error, isPending, isFetching } = useScheduleCoverage(filters, true);
  return (
    <section className="mb-4 rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm" aria-label="Coverage strip" data-testid="coverage-strip" aria-busy={isFetching}>
      <div className="mb-1 flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-sm font-semibold text-slate-800">
          Coverage{data?.skillId ? ` · ${data.skillId}` : ""} <span className="font-normal text-slate-500">(net, required vs scheduled{data ? `, ${data.timeZone}` : ""})</span>
        </h2>
        {data ? (
          <p className="text-xs text-slate-500" data-testid="coverage-strip-total">
            Scheduled {Math.round(data.points.reduce((n, p) => n + p.scheduled, 0) * (data.bucketMinutes / 60)).toLocaleString()} agent-hours · short{" "}
            {Math.round(data.points.reduce((n, p) => n + p.shortfall, 0) * (data.bucketMinutes / 60)).toLocaleString()} h
          </p>
        ) : null}
      </div>
      {isPending ? (
        <div className="h-28 animate-pulse rounded bg-slate-100" aria-label="Loading coverage" />
      ) : error ? (
        <Alert tone="error">{error.message}</Alert>
      ) : !data || data.points.length === 0 ? (
        <p className="py-6 text-center text-sm text-slate-500">No demand or coverage for this skill in the range.</p>
      ) : (
        <CoverageChart points={data.points} timeZone={data.timeZone} height={130} label={`Coverage of ${data.skillId} in ${data.timeZone}`} />
      )}
    </section>
  );
}
