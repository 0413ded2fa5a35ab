"use client";

import { UtcDayRangeFields } from "@/components/ui/utc-day-range";
import { useState } from "react";
import { pullContactHistoryAction } from "@/lib/actions/cxone/pull-contact-history";
import { historyAsDemandAction } from "@/lib/actions/cxone/history-as-demand";
import { actionErrorText } from "@/lib/client/fetch-json";
import type { DemandImportOutcome } from "@/lib/types/imports";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FeatureOff } from "@/components/cxone/feature-off";

const field = "mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm";
const label = "text-xs font-medium text-slate-600";

/**
 * CXone's historical contacts per skill and interval, pulled into our history, then (after
 * a dry run the planner reads) turned into demand through Erlang C.
 */
export function CxoneContactHistory({ available, reason }: { available: boolean; reason: string | null }) {
  const today = new Date().toISOString().slice(0, 10);
  const [startDate, setStart] = useState(today);
  const [endDate, setEnd] = useState(today);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ tone: "success" | "error" | "info"; text: string } | null>(null);
  const [dry, setDry] = useState<DemandImportOutcome | null>(null);
  if (!available) return <FeatureOff what="Contact history from CXone" reason={reason} />;
  const range = { startDate, endDate };

  async function pull() {
    setBusy(true);
    setDry(null);
    const r = await pullContactHistoryAction(range);
    setBusy(false);
    const e = actionErrorText(r);
    const d = r?.data as { intervals: number; skills: string[] } | undefined;
    setStatus(e ? { tone: "error", text: e } : { tone: "success", text: `Stored ${d!.intervals} quarter-hour interval(s) for ${d!.skills.length} skill(s): ${d!.skills.join(", ") || "none"}.` });
  }

  async function asDemand(dryRun: boolean) {
    setBusy(true);
    const r = await historyAsDemandAction({ range, dryRun });
    setBusy(false);
    const e = actionErrorText(r);
    if (e) return setStatus({ tone: "error", text: e });
    const o = r!.data as DemandImportOutcome;
    if (dryRun) {
      setDry(o);
      setStatus({ tone: "info", text: `Dry run: ${o.totalRows} row(s) would set demand (${o.errors.length} error(s), ${o.unreachable} interval(s) where the service level cannot be reached). Nothing stored yet.` });
    } else {
      setDry(null);
      setStatus({ tone: "success", text: `Demand set from history: ${o.storedRows} interval(s) stored.` });
    }
  }

  return (
    <div className="space-y-3" data-testid="cxone-contact-history">
      <div className="flex flex-wrap items-end gap-3">
        <UtcDayRangeFields name="History" from={startDate} to={endDate} onFrom={setStart} onTo={setEnd} labelClassName={label} fieldClassName={field} />
        <Button variant="secondary" onClick={() => void pull()} disabled={busy}>
          Pull contact history
        </Button>
        <Button variant="secondary" onClick={() => void asDemand(true)} disabled={busy}>
          Preview as demand
        </Button>
        {dry && dry.errors.length === 0 ? (
          <Button onClick={() => void asDemand(false)} disabled={busy}>
            Use as demand
          </Button>
        ) : null}
      </div>
      {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
    </div>
  );
}
