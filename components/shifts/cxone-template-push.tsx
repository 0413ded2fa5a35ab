"use client";

import { UtcDayRangeFields } from "@/components/ui/utc-day-range";
import { useState } from "react";
import { exportCxoneTemplateAction } from "@/lib/actions/cxone/export-cxone-template";
import { actionErrorText } from "@/lib/client/fetch-json";
import type { CxoneTemplateExport } from "@/lib/types/cxone";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { downloadText } from "@/components/cxone/download";

const field = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";
const label = "text-xs font-medium text-slate-600";

/**
 * Our shifts for a date range (and site) as CXone's shift import template. Where the
 * connected profile has no import endpoint (NICE platform, or no connection), "Push to
 * CXone" is this file with its instructions: it says so instead of pretending to push.
 */
export function CxoneTemplatePush({ sites, push }: { sites: { id: string; name: string; timeZone: string }[]; push: { available: boolean; reason: string | null } }) {
  const today = new Date().toISOString().slice(0, 10);
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [siteId, setSiteId] = useState("");
  const [publishState, setPublishState] = useState<"unknown" | "unpublished" | "published">("unknown");
  const [unitName, setUnitName] = useState("");
  const [result, setResult] = useState<CxoneTemplateExport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(withInstructions: boolean) {
    setBusy(true);
    setError(null);
    const r = await exportCxoneTemplateAction({ from, to, publishState, ...(siteId ? { siteId } : {}), ...(unitName ? { unitName } : {}) });
    setBusy(false);
    const e = actionErrorText(r);
    if (e) return setError(e);
    const t = r!.data as CxoneTemplateExport;
    setResult(t);
    downloadText(t.fileName, t.csv);
    if (withInstructions) downloadText(t.fileName.replace(/\.csv$/, "-instructions.txt"), `${t.instructions}\r\n\r\n${t.warnings.map((w) => w.message).join("\r\n")}\r\n`, "text/plain;charset=utf-8");
  }

  return (
    <div className="space-y-3" data-testid="cxone-template-push">
      <div className="grid gap-3 md:grid-cols-3">
        <UtcDayRangeFields name="Template" from={from} to={to} onFrom={setFrom} onTo={setTo} labelClassName={label} fieldClassName={field} />
        <label className={label}>
          Site
          <select aria-label="Template site" className={field} value={siteId} onChange={(e) => setSiteId(e.target.value)}>
            <option value="">All sites</option>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.timeZone})
              </option>
            ))}
          </select>
        </label>
        <label className={label}>
          Target scheduling unit in CXone
          <input aria-label="Scheduling unit" className={field} value={unitName} onChange={(e) => setUnitName(e.target.value)} placeholder="e.g. Tier 1" />
        </label>
        <label className={label}>
          Its publish state
          <select aria-label="Unit publish state" className={field} value={publishState} onChange={(e) => setPublishState(e.target.value as typeof publishState)}>
            <option value="unknown">Not sure</option>
            <option value="unpublished">Unpublished (waits for a supervisor)</option>
            <option value="published">Published (reaches agents at once)</option>
          </select>
        </label>
      </div>
      <p className="text-xs text-slate-500">Times in the file are on each site&apos;s clock with a fixed UTC offset per row.</p>
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="secondary" onClick={() => void run(false)} disabled={busy}>
          Download CXone import template
        </Button>
        {push.available ? (
          <span className="text-xs text-slate-600">Push to CXone: committed imports are pushed through the WFM API&apos;s import endpoint.</span>
        ) : (
          <>
            <Button onClick={() => void run(true)} disabled={busy}>
              Push to CXone (download file + instructions)
            </Button>
            <span className="text-xs text-slate-600">{push.reason}</span>
          </>
        )}
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {result ? (
        <div className="space-y-2 text-sm" aria-live="polite">
          <p>
            <span className="font-medium">{result.rows} shift(s)</span> written to {result.fileName}.
          </p>
          <p className="text-slate-700">{result.publishState}</p>
          {result.warnings.length > 0 ? (
            <Alert tone="warning" title={`${result.warnings.length} field(s) changed to fit the template`}>
              <ul className="list-disc pl-5">
                {result.warnings.map((w, i) => (
                  <li key={i}>{w.message}</li>
                ))}
              </ul>
            </Alert>
          ) : (
            <p className="text-xs text-slate-500">No field had to be changed.</p>
          )}
          <pre className="whitespace-pre-wrap rounded-md bg-slate-50 p-2 text-xs text-slate-700">{result.instructions}</pre>
        </div>
      ) : null}
    </div>
  );
}
