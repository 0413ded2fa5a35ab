"use client";

import { useState } from "react";
import { launchOptimizationAction } from "@/lib/actions/optimization/launch-optimization";
import { actionErrorText } from "@/lib/client/fetch-json";
import { useOptimizationJob } from "@/lib/client/hooks/optimization";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatDayDateClock, formatClock } from "@/components/ui/format";
import { DataTable, Row } from "@/components/ui/table";

const input = "mt-1 block rounded-md border border-slate-300 px-2.5 py-1.5 text-sm";

export function OptimizationClient({ defaultFrom, defaultTo, initialJobId }: { defaultFrom: string; defaultTo: string; initialJobId: string | null }) {
  const [from, setFrom] = useState(defaultFrom);
  const [to, setTo] = useState(defaultTo);
  const [allowOvertime, setAllowOvertime] = useState(true);
  const [maxOvertime, setMaxOvertime] = useState(4);
  const [jobId, setJobId] = useState<string | null>(initialJobId);
  const [error, setError] = useState<string | null>(null);
  const [launching, setLaunching] = useState(false);

  // Polls while the run is in flight; stops once it has an answer.
  const job = useOptimizationJob(jobId);

  async function launch(e: React.FormEvent) {
    e.preventDefault();
    setLaunching(true);
    setError(null);
    const result = await launchOptimizationAction({ from, to, allowOvertime, maxOvertimeHoursPerAgent: maxOvertime });
    setLaunching(false);
    const text = actionErrorText(result);
    if (text) return setError(text);
    setJobId(result!.data!.jobId);
  }

  const data = job.data;
  const r = data?.result ?? null;
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader title="Launch an optimization" description="Finds the skills below the gap threshold in the range and proposes shifts for agents with spare contract hours, availability and rest — or overtime within the cap. Published shifts are never moved." />
        <CardBody>
          <form onSubmit={launch} className="flex flex-wrap items-end gap-4 text-xs font-medium text-slate-600" aria-label="Launch optimization">
            <label>
              From
              <input type="date" aria-label="From" className={input} value={from} onChange={(e) => setFrom(e.target.value)} />
            </label>
            <label>
              To
              <input type="date" aria-label="To" className={input} value={to} onChange={(e) => setTo(e.target.value)} />
            </label>
            <label className="inline-flex items-center gap-2 pb-2 text-sm">
              <input type="checkbox" checked={allowOvertime} onChange={(e) => setAllowOvertime(e.target.checked)} /> Allow overtime
            </label>
            <label>
              Max overtime per agent (h)
              <input type="number" aria-label="Max overtime per agent" className={`${input} w-24`} value={maxOvertime} min={0} max={16} onChange={(e) => setMaxOvertime(Number(e.target.value))} />
            </label>
            <Button type="submit" disabled={launching || data?.status === "queued" || data?.status === "running"}>
              {launching ? "Launching…" : "Run optimization"}
            </Button>
          </form>
          {error ? <Alert tone="error" className="mt-3">{error}</Alert> : null}
        </CardBody>
      </Card>

      {data && (data.status === "queued" || data.status === "running") ? (
        <div role="status" aria-live="polite">
          <p className="mb-1 text-sm text-slate-600">{data.status === "queued" ? "Queued…" : "Optimizing…"}</p>
          <div className="h-2 overflow-hidden rounded-full bg-slate-200" role="progressbar" aria-label="Optimization progress">
            <div className="h-full w-1/3 animate-pulse bg-brand-500" />
          </div>
        </div>
      ) : null}
      {data?.status === "failed" ? <Alert tone="error" title="The optimization failed">{data.error}</Alert> : null}
      {job.isError ? <Alert tone="error">{(job.error as Error).message}</Alert> : null}

      {r ? (
        <Card data-testid="optimization-result">
          <CardHeader
            title={r.message ? "Nothing to optimize" : `${r.assignmentRecommendations.length} agents with recommended shifts`}
            description={r.message ?? `Engine: ${r.engine}. The greedy engine computes no LP bound, so no optimality gap is given.`}
          />
          <CardBody className="space-y-5">
            {!r.message ? (
              <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
                <Stat label="Projected coverage improvement" value={`${(r.projectedCoverageImprovement * 100).toFixed(1)} %`} />
                <Stat label="Estimated overtime" value={`${r.estimatedOvertimeHours.toFixed(1)} h`} />
                <Stat label="Shortfall before → after" value={r.stats ? `${r.stats.shortfallHoursBefore.toFixed(0)} → ${r.stats.shortfallHoursAfter.toFixed(0)} h` : "—"} />
                <Stat label="Requirements not met" value={String(r.unmetRequirements?.length ?? 0)} />
              </dl>
            ) : null}
            {r.assignmentRecommendations.length ? (
              <DataTable label="Recommended shifts" columns={["Agent", "Skill", "Shift (UTC)", "Covers", "Overtime", "Compliance"]}>
                {r.assignmentRecommendations.flatMap((a) =>
                  a.recommendedShifts.map((s, i) => (
                    <Row key={`${a.agentId}-${i}`}>
                      <td className="px-2 py-1.5 font-medium">{a.agentId}</td>
                      <td className="px-2 py-1.5">{s.skillId}</td>
                      <td className="px-2 py-1.5 tabular-nums">
                        {formatDayDateClock(Date.parse(s.startTime), "UTC")}–{formatClock(Date.parse(s.endTime), "UTC")}
                      </td>
                      <td className="px-2 py-1.5 tabular-nums">{s.coverageImpact.toFixed(1)} h</td>
                      <td className="px-2 py-1.5">{s.overtimeFlag ? <Badge tone="warn">overtime</Badge> : "—"}</td>
                      <td className="px-2 py-1.5 tabular-nums">{i === 0 ? a.complianceScore.toFixed(2) : ""}</td>
                    </Row>
                  )),
                )}
              </DataTable>
            ) : null}
            {r.unmetRequirements?.length ? (
              <details>
                <summary className="cursor-pointer text-sm font-medium">What it could not meet ({r.unmetRequirements.length})</summary>
                <DataTable label="Unmet requirements" columns={["Skill", "Window (UTC)", "Short", "Peak", "Why"]}>
                  {r.unmetRequirements.slice(0, 200).map((u, i) => (
                    <Row key={i}>
                      <td className="px-2 py-1.5">{u.skillId}</td>
                      <td className="px-2 py-1.5 tabular-nums">
                        {formatDayDateClock(Date.parse(u.start), "UTC")}–{formatClock(Date.parse(u.end), "UTC")}
                      </td>
                      <td className="px-2 py-1.5 tabular-nums">{u.shortfallHours.toFixed(1)} h</td>
                      <td className="px-2 py-1.5 tabular-nums">{u.peakShortfall.toFixed(1)}</td>
                      <td className="px-2 py-1.5 text-xs">{u.reason.replaceAll("_", " ").toLowerCase()}</td>
                    </Row>
                  ))}
                </DataTable>
              </details>
            ) : null}
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-md bg-slate-50 px-3 py-2">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums">{value}</dd>
    </div>
  );
}
