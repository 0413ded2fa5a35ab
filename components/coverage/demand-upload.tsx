"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { DemandImportOutcome } from "@/lib/types/imports";
import { useDemandImport } from "@/lib/client/hooks/imports";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

type DemandResult = DemandImportOutcome;

/** Upload a forecast (contacts, AHT → Erlang C) or required agents per skill and interval. */
export function DemandUpload() {
  const router = useRouter();
  const demandImport = useDemandImport();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<DemandResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function send(dryRun: boolean) {
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await demandImport.mutateAsync({ file, dryRun }));
      if (!dryRun) router.refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const issues = result ? [...result.errors, ...result.warnings] : [];
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-xs font-medium text-slate-600">
          Demand CSV
          <input
            type="file"
            accept=".csv,text/csv"
            aria-label="Demand CSV"
            className="mt-1 block text-sm"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setResult(null);
              setError(null);
            }}
          />
        </label>
        <Button variant="secondary" size="sm" disabled={!file || busy} onClick={() => void send(true)}>
          Validate
        </Button>
        <Button size="sm" disabled={!file || busy} onClick={() => void send(false)}>
          Import demand
        </Button>
      </div>
      <p className="text-xs text-slate-500">
        Columns <code>skillId, intervalStart, offeredContacts, ahtSeconds</code> (Erlang C with the skill&apos;s staffing settings) or{" "}
        <code>skillId, intervalStart, requiredAgents</code>. Intervals are ISO 8601 instants with an offset on the 15-minute grid. An optional{" "}
        <code>siteId</code> column makes a row that site&apos;s own demand; without it (or with an empty cell) the demand is a queue shared by every site.
      </p>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {result ? (
        <Alert
          tone={result.status === "rejected" ? "error" : result.status === "committed" ? "success" : "info"}
          title={
            result.status === "committed"
              ? `Stored ${result.storedRows.toLocaleString()} intervals (${result.kind})`
              : result.status === "validated"
                ? `${result.totalRows.toLocaleString()} rows checked, ${result.errors.length} errors`
                : "Nothing stored: the file has errors"
          }
        >
          {result.unreachable > 0 ? <p>{result.unreachable} intervals cannot reach the service level target; they are flagged below.</p> : null}
          {issues.length ? (
            <ul className="mt-1 max-h-48 list-disc overflow-auto pl-5">
              {issues.map((e, i) => (
                <li key={`${e.row}-${i}`}>{e.message}</li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
    </div>
  );
}
