"use client";

import { useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { cancelOptimizationAction } from "@/lib/actions/optimization/cancel-optimization";
import { actionErrorText } from "@/lib/client/fetch-json";
import { optimizationKeys } from "@/lib/client/hooks/optimization";
import type { OptimizationJobView, OptimizationResult } from "@/lib/types/optimization";
import { SolverProgressChart } from "@/components/charts/solver-progress-chart";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatClock, formatDayDateClock } from "@/components/ui/format";
import { DataTable, Row } from "@/components/ui/table";
import { ProposalsPanel } from "./proposals-panel";
import { useResultsQuery } from "./results-query";
import { gapInWords, latest, percent } from "./solver-words";

/** A run in flight: elapsed time against the limit, the incumbent and bound as they improve, and Cancel. */
export function LiveRun({ job }: { job: OptimizationJobView }) {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [stopping, setStopping] = useState(false);
  const live = job.live;
  const now = latest(live?.trace ?? []);
  const cancelling = job.status === "canceled" || stopping;

  async function cancel() {
    setStopping(true);
    setError(null);
    const result = await cancelOptimizationAction({ runId: job.id });
    const text = actionErrorText(result);
    if (text) {
      setStopping(false);
      setError(text);
    }
    await queryClient.invalidateQueries({ queryKey: optimizationKeys.job(job.id) });
  }

  return (
    <Card data-testid="optimization-live">
      <CardHeader
        title={job.status === "queued" ? "Queued…" : cancelling ? "Stopping… the best answer so far is kept" : live?.phase === "solving" ? "Optimizing: the exact model is improving its answer" : "Optimizing: building the model from the greedy's answer"}
        actions={
          <Button variant="danger" size="sm" onClick={cancel} disabled={cancelling}>
            {cancelling ? "Cancelling…" : "Cancel"}
          </Button>
        }
      />
      <CardBody className="space-y-3" role="status" aria-live="polite">
        <div className="h-2 overflow-hidden rounded-full bg-slate-200" role="progressbar" aria-label="Time used of the limit" aria-valuenow={Math.round(job.progress * 100)} aria-valuemin={0} aria-valuemax={100}>
          <div className="h-full bg-brand-500 transition-all" style={{ width: `${Math.max(3, Math.round(job.progress * 100))}%` }} />
        </div>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Stat label="Time" value={live ? `${live.elapsedSeconds.toFixed(0)} of ${live.timeLimitSeconds} s` : "—"} />
          <Stat label="Best answer so far" value={now.incumbent !== null ? now.incumbent.toFixed(1) : "—"} />
          <Stat label="Bound" value={now.bound !== null ? now.bound.toFixed(1) : "not yet"} />
          <Stat label="Gap" testId="live-gap" value={now.gap !== null ? percent(now.gap) : "—"} />
        </dl>
        {live && live.trace.length > 1 ? <SolverProgressChart trace={live.trace} /> : <p className="text-xs text-slate-500">The plot appears once the solver reports its first answer and bound.</p>}
        {error ? <Alert tone="error">{error}</Alert> : null}
      </CardBody>
    </Card>
  );
}

/** A finished (or cancelled) run: which engine answered and why, the bound and gap in words, the figures, the proposals. */
export function RunResult({ job, result: r, siteZones }: { job: OptimizationJobView; result: OptimizationResult; siteZones: Record<string, string> }) {
  if (r.message) {
    return (
      <Card data-testid="optimization-result">
        <CardHeader title="Nothing to optimize" description={r.message} />
      </Card>
    );
  }
  const engine = r.engine === "exact" ? "Exact model (HiGHS)" : r.engine === "greedy" ? "Greedy engine" : r.engine;
  return (
    <Card data-testid="optimization-result">
      <CardHeader title={`${r.assignmentRecommendations.length} agents with recommended shifts`} description={r.engineReason ?? `Engine: ${r.engine}.`} />
      <CardBody className="space-y-5">
        {r.cancelled ? <Alert tone="warning">Cancelled by a planner: this is the best answer found until then.</Alert> : null}
        <p className="text-sm font-medium" data-testid="gap-words">
          {gapInWords(r)}
        </p>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Stat label="Answered by" value={engine} />
          <Stat label="Objective (answer / bound)" testId="objective-bound" value={r.incumbent != null ? `${r.incumbent.toFixed(1)} / ${r.bound != null ? r.bound.toFixed(1) : "—"}` : "—"} />
          <Stat label="Gap to the bound" value={r.gap != null ? percent(r.gap) : "unknown"} />
          <Stat label="Solver time" value={r.solveMs != null ? `${(r.solveMs / 1000).toFixed(1)} s` : "—"} />
          <Stat label="Projected coverage improvement" value={`${(r.projectedCoverageImprovement * 100).toFixed(1)} %`} />
          <Stat label="Estimated overtime" value={`${r.estimatedOvertimeHours.toFixed(1)} h`} />
          <Stat label="Shortfall before → after" value={r.stats ? `${r.stats.shortfallHoursBefore.toFixed(0)} → ${r.stats.shortfallHoursAfter.toFixed(0)} h` : "—"} />
          <Stat label="Requirements not met" value={String(r.unmetRequirements?.length ?? 0)} />
        </dl>
        {r.greedyObjective != null && r.incumbent != null ? (
          <p className="text-xs text-slate-600">
            The greedy&apos;s answer scores {r.greedyObjective.toFixed(1)} in the same objective{r.engine === "exact" ? `; the exact model improved it by ${(r.greedyObjective - r.incumbent).toFixed(1)}` : ""}.
          </p>
        ) : null}
        {r.notes?.length ? (
          <ul className="list-disc pl-5 text-xs text-slate-600">
            {r.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        ) : null}
        {r.trace && r.trace.length > 1 ? <SolverProgressChart trace={r.trace} /> : null}
        <ProposalsPanel runId={job.id} proposals={r.proposals ?? []} accepted={r.accepted ?? {}} overtimeCap={Number(job.payload?.maxOvertimeHoursPerAgent ?? 4)} siteZones={siteZones} />
        {r.unmetRequirements?.length ? <UnmetList unmet={r.unmetRequirements} siteZones={siteZones} /> : null}
      </CardBody>
    </Card>
  );
}

const UNMET_SHOWN = 200;

/**
 * The shortfall windows the answer leaves, with why. Demand is per skill (a queue may serve
 * every site), so the skill filter applies and the site filter only chooses the clock.
 */
function UnmetList({ unmet, siteZones }: { unmet: NonNullable<OptimizationResult["unmetRequirements"]>; siteZones: Record<string, string> }) {
  const [{ skill, site }] = useResultsQuery();
  const zone = (site && siteZones[site]) || "UTC";
  const list = skill ? unmet.filter((u) => u.skillId === skill) : unmet;
  return (
    <details>
      <summary className="cursor-pointer text-sm font-medium">
        What it could not meet ({skill ? `${list.length} of ${unmet.length}, ${skill}` : unmet.length})
      </summary>
      <DataTable label="Unmet requirements" columns={["Skill", `Window (${zone})`, "Short", "Peak", "Why"]}>
        {list.slice(0, UNMET_SHOWN).map((u, i) => (
          <Row key={i}>
            <td className="px-2 py-1.5">{u.skillId}</td>
            <td className="px-2 py-1.5 tabular-nums">
              {formatDayDateClock(Date.parse(u.start), zone)}–{formatClock(Date.parse(u.end), zone)}
            </td>
            <td className="px-2 py-1.5 tabular-nums">{u.shortfallHours.toFixed(1)} h</td>
            <td className="px-2 py-1.5 tabular-nums">{u.peakShortfall.toFixed(1)}</td>
            <td className="px-2 py-1.5 text-xs">{UNMET_WORDS[u.reason] ?? u.reason.replaceAll("_", " ").toLowerCase()}</td>
          </Row>
        ))}
      </DataTable>
      {list.length > UNMET_SHOWN ? <p className="mt-1 text-xs text-slate-500">The first {UNMET_SHOWN} of {list.length} (by start) are listed; filter by skill to narrow them.</p> : null}
    </details>
  );
}

const UNMET_WORDS: Record<string, string> = {
  NO_QUALIFIED_AGENT: "nobody serves this skill",
  NO_FEASIBLE_AGENT: "no agent can work then (availability, rest, daily hours, starts per day or the hours cap)",
  TRADE_OFF: "agents could, but they cover heavier gaps or the shortest legal shift costs more than the gap weighs",
  BELOW_MINIMUM_GAIN: "too small for a shift",
  ITERATION_LIMIT: "the engine's safety stop came first",
};

export function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="rounded-md bg-slate-50 px-3 py-2">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="text-lg font-semibold tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
