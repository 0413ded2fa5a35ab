"use client";

import { useState } from "react";
import { compareCxoneScheduleAction } from "@/lib/actions/cxone/compare-cxone-schedule";
import { actionErrorText } from "@/lib/client/fetch-json";
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
  if (!available) return <FeatureOff what="Schedule comparison with CXone" reason={reason} />;

  const days = Math.max(1, Math.round((Date.parse(endDate) - Date.parse(startDate)) / DAY) + 1);
  const windows = Math.ceil(days / 7);

  async function run() {
    setBusy(true);
    setError(null);
    setResult(null);
    const r = await compareCxoneScheduleAction({ startDate, endDate, ...(siteId ? { siteId } : {}) });
    setBusy(false);
    const e = actionErrorText(r);
    if (e) return setError(e);
    setResult(r!.data as ScheduleComparisonResult);
  }

  return (
    <div className="space-y-3" data-testid="cxone-schedule-compare">
      <div className="grid gap-3 md:grid-cols-3">
        <label className={label}>
          From (UTC day)
          <input type="date" aria-label="Compare from" className={field} value={startDate} onChange={(e) => setStart(e.target.value)} />
        </label>
        <label className={label}>
          To (UTC day)
          <input type="date" aria-label="Compare to" className={field} value={endDate} onChange={(e) => setEnd(e.target.value)} />
        </label>
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
          {busy ? `Exporting from CXone: ${windows} seven-day window(s) per agent, 4 requests at a time…` : `${windows} seven-day window(s) per agent (CXone exports at most 7 days per request).`}
        </span>
      </div>
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
