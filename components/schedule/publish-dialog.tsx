"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { scheduleKeys } from "@/lib/client/hooks/schedule";
import type { PublishSelection } from "@/lib/schemas/schedule";
import type { PublishPreview, PublishResult } from "@/lib/types/schedule";
import type { ScheduleOptions } from "@/lib/types/schedule-page";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SegmentedControl } from "@/components/ui/segmented-control";
import { Dialog } from "@/components/ui/dialog";
import { hours } from "./geometry";
import { shiftEdits } from "./shift-edits";

const inputClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:outline-none";
const labelClass = "block text-xs font-medium text-slate-600";

/**
 * Publish drafts in two steps: choose them (a range and site, or one import), see what
 * publishing changes (shifts, agents, paid hours, by site), then publish exactly the
 * previewed shifts in one transaction.
 */
export function PublishDialog({ options, from, to, siteId }: { options: ScheduleOptions; from: string; to: string; siteId?: string }) {
  const client = useQueryClient();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<"range" | "import">("range");
  const [range, setRange] = useState({ from, to, siteId: siteId ?? "" });
  const [importId, setImportId] = useState(options.recentImports[0]?.id ?? "");
  const [preview, setPreview] = useState<PublishPreview | null>(null);
  const [result, setResult] = useState<PublishResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const selection = (): PublishSelection =>
    mode === "import" ? { importId } : { from: range.from, to: range.to, ...(range.siteId ? { siteId: range.siteId } : {}) };
  const reset = () => {
    setPreview(null);
    setResult(null);
    setError(null);
  };
  async function run<T>(step: () => Promise<T>, then: (v: T) => void) {
    setBusy(true);
    setError(null);
    try {
      then(await step());
    } catch (e) {
      setError(e instanceof Error ? e.message : "The server did not answer.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button variant="secondary" onClick={() => (reset(), setOpen(true))}>
        Publish drafts…
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Publish draft shifts">
        <div className="space-y-3 text-sm" data-testid="publish-dialog">
          <SegmentedControl
            label="Which drafts"
            value={mode}
            onChange={(m) => (setMode(m), reset())}
            options={[
              { value: "range", label: "Dates and site" },
              { value: "import", label: "One import" },
            ]}
          />
          {mode === "range" ? (
            <div className="grid grid-cols-3 gap-3">
              <label className={labelClass}>
                From
                <input type="date" className={inputClass} value={range.from} onChange={(e) => (setRange({ ...range, from: e.target.value }), reset())} />
              </label>
              <label className={labelClass}>
                To
                <input type="date" className={inputClass} value={range.to} onChange={(e) => (setRange({ ...range, to: e.target.value }), reset())} />
              </label>
              <label className={labelClass}>
                Site
                <select className={inputClass} value={range.siteId} onChange={(e) => (setRange({ ...range, siteId: e.target.value }), reset())} aria-label="Publish site">
                  <option value="">All sites</option>
                  {options.sites.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.id}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          ) : options.recentImports.length === 0 ? (
            <p className="text-slate-500">No recent imports with shifts.</p>
          ) : (
            <label className={labelClass}>
              Import
              <select className={inputClass} value={importId} onChange={(e) => (setImportId(e.target.value), reset())} aria-label="Import to publish">
                {options.recentImports.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.fileName} · {i.createdAt.slice(0, 16).replace("T", " ")} UTC · {i.importedRows} rows
                  </option>
                ))}
              </select>
            </label>
          )}

          {preview ? (
            <div className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2" data-testid="publish-preview">
              <p className="font-medium">
                {preview.shifts === 0
                  ? "No drafts match: nothing to publish."
                  : `${preview.shifts.toLocaleString()} shifts for ${preview.agents.toLocaleString()} agents, ${hours(preview.paidHours)} paid hours`}
              </p>
              {preview.bySite.length ? (
                <table className="mt-1 w-full text-xs" aria-label="Drafts by site">
                  <thead className="text-left text-slate-500">
                    <tr>
                      <th className="font-medium">Site</th>
                      <th className="text-right font-medium">Shifts</th>
                      <th className="text-right font-medium">Agents</th>
                      <th className="text-right font-medium">Paid h</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.bySite.map((s) => (
                      <tr key={s.siteId}>
                        <td>{s.siteId}</td>
                        <td className="text-right tabular-nums">{s.shifts}</td>
                        <td className="text-right tabular-nums">{s.agents}</td>
                        <td className="text-right tabular-nums">{hours(s.paidHours)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              ) : null}
            </div>
          ) : null}
          {result ? (
            <Alert tone="success" title={`Published ${result.published.toLocaleString()} shifts`}>
              {result.backend ? `${result.backend.name}: ${result.backend.processed} processed, ${result.backend.failed} failed${result.backend.message ? ` (${result.backend.message})` : ""}.` : "Agents see them now."}
            </Alert>
          ) : null}
          {error ? <Alert tone="error">{error}</Alert> : null}
          <div className="flex gap-2">
            <Button variant="secondary" disabled={busy || (mode === "import" && !importId)} onClick={() => run(() => shiftEdits.previewPublish(selection()), (p) => (setPreview(p), setResult(null)))}>
              See what publishing changes
            </Button>
            <Button
              disabled={busy || !preview || preview.shifts === 0 || !!result}
              onClick={() =>
                run(
                  () => shiftEdits.publish({ ...selection(), shiftIds: preview!.shiftIds }),
                  async (r) => {
                    setResult(r);
                    setPreview(null);
                    await client.invalidateQueries({ queryKey: scheduleKeys.all });
                    router.refresh();
                  },
                )
              }
            >
              {preview && preview.shifts > 0 ? `Publish ${preview.shifts.toLocaleString()} shifts` : "Publish"}
            </Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
