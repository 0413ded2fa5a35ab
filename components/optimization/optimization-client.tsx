"use client";

import { useMemo, useState } from "react";
import { launchOptimizationAction } from "@/lib/actions/optimization/launch-optimization";
import { actionErrorText } from "@/lib/client/fetch-json";
import { useOptimizationJob } from "@/lib/client/hooks/optimization";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CapacityPlanTab, type CapacityChoices } from "./capacity-plan-tab";
import { LiveRun, RunResult } from "./run-view";

const input = "mt-1 block rounded-md border border-slate-300 px-2.5 py-1.5 text-sm";
type Tab = "schedule" | "capacity";

export function OptimizationClient({ defaultFrom, defaultTo, initialJobId, capacity }: { defaultFrom: string; defaultTo: string; initialJobId: string | null; capacity: CapacityChoices }) {
  const [tab, setTab] = useState<Tab>("schedule");
  const siteZones = useMemo(() => Object.fromEntries(capacity.sites.map((s) => [s.id, s.timeZone])), [capacity.sites]);
  return (
    <div className="space-y-6">
      <div role="tablist" aria-label="Optimization" className="flex gap-1 border-b border-slate-200">
        {(
          [
            ["schedule", "Schedule proposals"],
            ["capacity", "Capacity plan"],
          ] as const
        ).map(([id, label]) => (
          <button
            key={id}
            role="tab"
            id={`tab-${id}`}
            aria-selected={tab === id}
            aria-controls={`panel-${id}`}
            className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${tab === id ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
            onClick={() => setTab(id)}
          >
            {label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="panel-schedule" aria-labelledby="tab-schedule" hidden={tab !== "schedule"}>
        <ScheduleProposals defaultFrom={defaultFrom} defaultTo={defaultTo} initialJobId={initialJobId} siteZones={siteZones} />
      </div>
      <div role="tabpanel" id="panel-capacity" aria-labelledby="tab-capacity" hidden={tab !== "capacity"}>
        <CapacityPlanTab choices={capacity} defaultFrom={defaultFrom} />
      </div>
    </div>
  );
}

function ScheduleProposals({ defaultFrom, defaultTo, initialJobId, siteZones }: { defaultFrom: string; defaultTo: string; initialJobId: string | null; siteZones: Record<string, string> }) {
  const [from, setFrom] = useState(defaultFrom);
  const [to, setTo] = useState(defaultTo);
  const [allowOvertime, setAllowOvertime] = useState(true);
  const [maxOvertime, setMaxOvertime] = useState(4);
  const [timeLimit, setTimeLimit] = useState(30);
  const [targetGap, setTargetGap] = useState(1);
  const [jobId, setJobId] = useState<string | null>(initialJobId);
  const [error, setError] = useState<string | null>(null);
  const [launching, setLaunching] = useState(false);

  // Polls while the run is in flight; stops once it has an answer.
  const job = useOptimizationJob(jobId);

  async function launch(e: React.FormEvent) {
    e.preventDefault();
    setLaunching(true);
    setError(null);
    const result = await launchOptimizationAction({ from, to, allowOvertime, maxOvertimeHoursPerAgent: maxOvertime, timeLimitSeconds: timeLimit, targetGapPercent: targetGap });
    setLaunching(false);
    const text = actionErrorText(result);
    if (text) return setError(text);
    setJobId(result!.data!.jobId);
  }

  const data = job.data;
  const inFlight = !!data && !data.result && (data.status === "queued" || data.status === "running" || (data.status === "canceled" && data.live !== null));
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader
          title="Launch an optimization"
          description="Finds the skills below the gap threshold in the range and proposes shifts for agents with spare contract hours, availability and rest — or overtime within the cap. The exact model (HiGHS) starts from the greedy engine's answer and proves how close it is to the best possible; published shifts are never moved."
        />
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
            <label>
              Time limit (s)
              <input type="number" aria-label="Time limit in seconds" className={`${input} w-24`} value={timeLimit} min={1} max={600} onChange={(e) => setTimeLimit(Number(e.target.value))} />
            </label>
            <label>
              Target gap (%)
              <input type="number" aria-label="Target gap in percent" className={`${input} w-20`} value={targetGap} min={0} max={100} step={0.1} onChange={(e) => setTargetGap(Number(e.target.value))} />
            </label>
            <Button type="submit" disabled={launching || inFlight}>
              {launching ? "Launching…" : "Run optimization"}
            </Button>
          </form>
          {error ? (
            <Alert tone="error" className="mt-3">
              {error}
            </Alert>
          ) : null}
        </CardBody>
      </Card>

      {job.isLoading && jobId ? <p className="text-sm text-slate-500" role="status">Loading the run…</p> : null}
      {!jobId ? <p className="text-sm text-slate-500">No run yet: pick a range and run an optimization.</p> : null}
      {data && inFlight ? <LiveRun job={data} /> : null}
      {data?.status === "failed" ? <Alert tone="error" title="The optimization failed">{data.error}</Alert> : null}
      {data?.status === "canceled" && !data.result && !data.live ? <Alert tone="info">This run was cancelled before it started.</Alert> : null}
      {job.isError ? <Alert tone="error">{(job.error as Error).message}</Alert> : null}
      {data?.result ? <RunResult job={data} result={data.result} siteZones={siteZones} /> : null}
    </div>
  );
}
