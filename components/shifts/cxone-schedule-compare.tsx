"use client";

import { UtcDayRangeFields } from "@/components/ui/utc-day-range";
import { useState } from "react";
import { apiError } from "@/lib/client/fetch-json";
import { readNdjson } from "@/lib/client/ndjson";
import type { ComparedShift, ScheduleComparisonResult } from "@/lib/types/cxone";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FeatureOff } from "@/components/cxone/feature-off";

const field = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";
const label = "text-xs font-medium text-slate-600";
const DAY = 86_400_000;
const utc = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;

/**
 * "What CXone has vs what we have": CXone's schedule exported per agent in 7-day windows
 * and compared with ours. Reads only: nothing here overwrites our schedule.
 */
export function CxoneScheduleCompare({ available, reason, sites }: { available: boolean; reason: string | null; sites: { id: string; name: string }[] }) {
  const today = new Date().toISOString().slice(0, 10);
  const [startDate, setStart] = useState(today);
  const [endDate, setEnd] = useState(today);
  const [siteId, setSiteId] = useState("");
  const [result, setResult] = useState<ScheduleComparisonResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  if (!available) return <FeatureOff what="Schedule comparison with CXone" reason={reason} />;

  const days = Math.max(1, Math.round((Date.parse(endDate) - Date.parse(startDate)) / DAY) + 1);
  const windows = Math.ceil(days / 7);

  /** The route answers NDJSON: progress lines after each export request, then the result (or an error). */
  async function run() {
    setBusy(true);
    setError(null);
    setResult(null);
    setProgress(null);
    try {
      const res = await fetch("/api/v1/cxone/schedule-comparison", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ startDate, endDate, ...(siteId ? { siteId } : {}) }),
      });
      if (!res.ok || !res.body) throw apiError(res.status, await res.json().catch(() => null));
      // A failure after the stream started arrives as an error line; readNdjson throws it.
      await readNdjson<{ type: "progress"; done: number; total: number } | { type: "result"; result: ScheduleComparisonResult }>(res.body, (msg) => {
        if (msg.type === "progress") setProgress({ done: msg.done, total: msg.total });
        else setResult(msg.result);
      });
    } catch (e) {
      setError(e instanceof Error ? e.message : "The comparison failed.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-3" data-testid="cxone-schedule-compare">
      <div className="grid gap-3 md:grid-cols-3">
        <UtcDayRangeFields name="Compare" from={startDate} to={endDate} onFrom={setStart} onTo={setEnd} labelClassName={label} fieldClassName={field} />
        <label className={label}>
          Site
          <select aria-label="Compare site" className={field} value={siteId} onChange={(e) => setSiteId(e.target.value)}>
            <option value="">All sites</option>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="flex items-center gap-3">
        <Button variant="secondary" onClick={() => void run()} disabled={busy}>
          Compare with CXone
        </Button>
        <span className="text-xs text-slate-500" aria-live="polite">
          {busy
            ? progress
              ? `Exporting from CXone: ${progress.done} of ${progress.total} requests (${windows} seven-day window(s) per agent, 4 at a time)…`
              : "Reading CXone's agents…"
            : `${windows} seven-day window(s) per agent (CXone exports at most 7 days per request).`}
        </span>
      </div>
      {busy && progress ? <progress className="w-full" aria-label="Export progress" max={progress.total} value={progress.done} /> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {result ? (
        <div className="space-y-3 text-sm">
          <p>
            {result.agents} agent(s), {result.requests} export request(s): <span className="font-medium">{result.same} shift(s) match</span>, {result.differentTimes.length} at different times, {result.onlyCxone.length} only in CXone,{" "}
            {result.onlyOurs.length} only here. Nothing in our schedule was changed.
          </p>
          {result.differentTimes.length > 0 ? (
            <section aria-label="Different times">
              <h4 className="text-xs font-semibold text-slate-600">Different times</h4>
              <ul className="mt-1 max-h-48 overflow-auto text-xs">
                {result.differentTimes.map((d, i) => (
                  <li key={i}>
                    {d.agentName}: CXone {utc(d.cxone.start)} – {utc(d.cxone.end)} · here {utc(d.ours.start)} – {utc(d.ours.end)}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <ShiftList title="Only in CXone" rows={result.onlyCxone} />
          <ShiftList title="Only here" rows={result.onlyOurs} />
          {result.unmatchedCxoneUsers.length > 0 ? <p className="text-xs text-slate-600">CXone users we have no agent for (by username): {result.unmatchedCxoneUsers.join(", ")}.</p> : null}
        </div>
      ) : null}
    </div>
  );
}

function ShiftList({ title, rows }: { title: string; rows: ComparedShift[] }) {
  if (rows.length === 0) return null;
  return (
    <section aria-label={title}>
      <h4 className="text-xs font-semibold text-slate-600">
        {title} ({rows.length})
      </h4>
      <ul className="mt-1 max-h-48 overflow-auto text-xs">
        {rows.map((s, i) => (
          <li key={i}>
            {s.agentName}: {utc(s.start)} – {utc(s.end)}
          </li>
        ))}
      </ul>
    </section>
  );
}
