"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { BulkTradeFiled } from "@/lib/types/trades";
import { useBulkTrades } from "@/lib/client/hooks/trades";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Files many trade requests from one CSV; a file with any bad row files nothing. */
export function BulkTradeUpload() {
  const router = useRouter();
  const bulk = useBulkTrades();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<BulkTradeFiled | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function send() {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await bulk.mutateAsync(file));
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const counts = result ? ["Approved", "PendingReview", "Denied"].map((s) => `${result.filed.filter((f) => f.status === s).length} ${s}`).join(" · ") : "";
  return (
    <div className="space-y-2 border-t border-slate-100 pt-4">
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-xs font-medium text-slate-600">
          Trades CSV
          <input type="file" accept=".csv,text/csv" aria-label="Trades CSV" className="mt-1 block text-sm" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        <Button variant="secondary" size="sm" disabled={!file || busy} onClick={() => void send()}>
          {busy ? "Filing…" : "File trades"}
        </Button>
      </div>
      <p className="text-xs text-slate-500">
        Columns <code>kind, initiatorAgentId, initiatorShiftStart, receiverAgentId, receiverShiftStart, note</code>; shift starts as ISO date-times with an offset.
        Rows are filed in order, each judged with the ones before it.
      </p>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {result ? (
        <Alert tone={result.errors.length && !result.filed.length ? "error" : "success"} title={result.filed.length ? `Filed ${result.filed.length} trades: ${counts}` : "Nothing filed"}>
          {result.errors.length ? (
            <ul className="list-disc pl-5">
              {result.errors.map((e, i) => (
                <li key={i}>{e.message}</li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
    </div>
  );
}
