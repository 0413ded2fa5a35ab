"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { MAX_IMPORT_BYTES } from "@/lib/csv/limits";
import { apiError } from "@/lib/client/fetch-json";
import { SHIFT_FIELDS, type ColumnMapping, type RowError } from "@/lib/schemas/imports";
import type { PreviewDirectory, ShiftImportOutcome } from "@/lib/types/imports";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatDayDateClock } from "@/components/ui/format";
import { displayPreviewRow, previewShiftFile, type PreviewMessage, type PreviewResult } from "./preview";
import { importCounts, importTitle, plural } from "./import-wording";

/** The server's limit, in the MB the messages show (50). */
const MAX_MB = MAX_IMPORT_BYTES / 1024 / 1024;

/** The route answers the service outcome (without the committed rows) plus the CXone push. */
type ImportResponse = Omit<ShiftImportOutcome, "committedRows"> & { cxone: Record<string, unknown> | null };

type Phase = { kind: "idle" } | { kind: "reading"; rows: number } | { kind: "uploading"; percent: number; dryRun: boolean };

const FORMAT_LABEL: Record<string, string> = { canonical: "Shiftboard CSV", cxone: "CXone import template", mapped: "Custom columns (mapped)" };

/** Runs the preview in a Web Worker when the browser allows it, else on the main thread. */
function runPreview(text: string, mapping: ColumnMapping | undefined, onProgress: (rows: number) => void): Promise<PreviewResult> {
  return new Promise((resolve) => {
    let worker: Worker | null = null;
    try {
      worker = new Worker(new URL("./preview.worker.ts", import.meta.url), { type: "module" });
    } catch {
      worker = null;
    }
    if (!worker) {
      resolve(previewShiftFile({ text, mapping }, onProgress));
      return;
    }
    worker.onmessage = (e: MessageEvent<PreviewMessage>) => {
      if (e.data.type === "progress") onProgress(e.data.rows);
      else {
        resolve(e.data.result);
        worker?.terminate();
      }
    };
    worker.onerror = () => {
      worker?.terminate();
      resolve(previewShiftFile({ text, mapping }, onProgress));
    };
    worker.postMessage({ text, mapping });
  });
}

function upload(url: string, file: File, onProgress: (percent: number) => void): Promise<{ status: number; body: unknown }> {
  // XMLHttpRequest, not fetch: only it reports upload progress.
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("content-type", "text/csv");
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => reject(new Error("The upload did not reach the server. Check the connection and try again."));
    xhr.send(file);
  });
}

export function ShiftUpload({ savedMappings, directory }: { savedMappings: Record<string, ColumnMapping>; directory: PreviewDirectory }) {
  const router = useRouter();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState<string | null>(null);
  const [preview, setPreview] = useState<PreviewResult | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | undefined>(undefined);
  const [draftMapping, setDraftMapping] = useState<Partial<ColumnMapping>>({});
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [overwrite, setOverwrite] = useState(false);
  const [onlyValid, setOnlyValid] = useState(false);
  const [result, setResult] = useState<ImportResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  async function analyse(content: string, withMapping: ColumnMapping | undefined): Promise<void> {
    setPhase({ kind: "reading", rows: 0 });
    const r = await runPreview(content, withMapping, (rows) => setPhase({ kind: "reading", rows }));
    setPhase({ kind: "idle" });
    if (r.kind === "needsMapping") {
      const remembered = savedMappings[r.headerKey];
      if (remembered && !withMapping) {
        setMapping(remembered);
        await analyse(content, remembered);
        return;
      }
      setDraftMapping(r.suggested);
    }
    setPreview(r);
  }

  async function choose(f: File | undefined) {
    setResult(null);
    setError(null);
    setPreview(null);
    setMapping(undefined);
    if (!f) return;
    if (f.size > MAX_IMPORT_BYTES) {
      setFile(null);
      setError(`${f.name} is ${(f.size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_MB} MB. Split it by week or by site and upload the parts.`);
      return;
    }
    setFile(f);
    const content = await f.text();
    setText(content);
    await analyse(content, undefined);
  }

  async function send(dryRun: boolean) {
    if (!file) return;
    if (!dryRun && overwrite && !window.confirm("Overwrite is on: stored shifts that overlap rows of this file will be replaced. Continue?")) return;
    setError(null);
    setPhase({ kind: "uploading", percent: 0, dryRun });
    const params = new URLSearchParams({ fileName: file.name, dryRun: String(dryRun), overwriteConflicts: String(overwrite), onlyValidRows: String(onlyValid) });
    if (mapping) params.set("mapping", JSON.stringify(mapping));
    try {
      const res = await upload(`/api/v1/imports/shifts?${params}`, file, (percent) => setPhase({ kind: "uploading", percent, dryRun }));
      setPhase({ kind: "idle" });
      if (res.status >= 400) {
        setError(apiError(res.status, res.body).message);
        return;
      }
      setResult(res.body as ImportResponse);
      router.refresh();
    } catch (e) {
      setPhase({ kind: "idle" });
      setError((e as Error).message);
    }
  }

  function applyMapping() {
    const m = Object.fromEntries(Object.entries(draftMapping).filter(([, v]) => v)) as ColumnMapping;
    if (!(m.agentId || m.username) || !m.start || !m.end) {
      setError("Pick a column for the agent (id or username), the start and the end.");
      return;
    }
    setError(null);
    setMapping(m);
    if (text) void analyse(text, m);
  }

  const busy = phase.kind === "reading" || phase.kind === "uploading";
  const ready = preview?.kind === "ok" && !busy;

  return (
    <Card>
      <CardHeader title="Upload shifts" description="Our CSV or CXone's own import template. Nothing is stored until you import, and a file with errors imports nothing unless you choose otherwise." />
      <CardBody className="space-y-4">
        <div
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            void choose(e.dataTransfer.files[0]);
          }}
          className={`flex flex-col items-center justify-center rounded-lg border-2 border-dashed px-6 py-8 text-center transition-colors ${
            dragging ? "border-brand-500 bg-brand-50" : "border-slate-300 bg-slate-50"
          }`}
        >
          <p className="text-sm text-slate-700">Drop a CSV here, or</p>
          <label htmlFor="shift-csv" className="mt-2 cursor-pointer rounded-md bg-white px-3 py-1.5 text-sm font-medium text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50">
            Choose a file
          </label>
          <input
            id="shift-csv"
            ref={inputRef}
            type="file"
            accept=".csv,.txt,text/csv"
            aria-label="Shift CSV"
            className="sr-only"
            onChange={(e) => void choose(e.target.files?.[0])}
          />
          {file ? (
            <p className="mt-3 text-sm text-slate-600">
              <span className="font-medium">{file.name}</span> · {(file.size / 1024).toFixed(1)} KB
            </p>
          ) : (
            <p className="mt-3 text-xs text-slate-500">UTF-8 (with or without BOM), comma, semicolon or tab separated, up to {MAX_MB} MB.</p>
          )}
        </div>

        {phase.kind === "reading" ? <Progress label={`Reading… ${phase.rows.toLocaleString()} rows`} /> : null}
        {phase.kind === "uploading" ? (
          <Progress label={phase.percent < 100 ? `Uploading… ${phase.percent} %` : phase.dryRun ? "Validating against the schedule…" : "Importing…"} percent={phase.percent < 100 ? phase.percent : undefined} />
        ) : null}
        {error ? <Alert tone="error">{error}</Alert> : null}

        {preview?.kind === "fileError" ? (
          <Alert tone="error" title="This file cannot be imported">
            {preview.message}
          </Alert>
        ) : null}

        {preview?.kind === "needsMapping" ? (
          <div className="space-y-3 rounded-md border border-amber-200 bg-amber-50 p-4">
            <p className="text-sm font-medium text-amber-900">We do not recognise these columns. Tell us which column is which; we will remember it for this header set.</p>
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {SHIFT_FIELDS.map((field) => (
                <label key={field} className="text-xs font-medium text-slate-700">
                  {field}
                  <select
                    aria-label={`Column for ${field}`}
                    className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
                    value={draftMapping[field] ?? ""}
                    onChange={(e) => setDraftMapping((m) => ({ ...m, [field]: e.target.value || undefined }))}
                  >
                    <option value="">— not in this file —</option>
                    {preview.headers.map((h) => (
                      <option key={h} value={h}>
                        {h}
                      </option>
                    ))}
                  </select>
                </label>
              ))}
            </div>
            <Button onClick={applyMapping}>Use this mapping</Button>
          </div>
        ) : null}

        {preview?.kind === "ok" ? (
          <div className="space-y-3">
            <div className="flex flex-wrap items-center gap-2 text-sm">
              <Badge tone="info">{FORMAT_LABEL[preview.format] ?? preview.format}</Badge>
              <span className="text-slate-600">
                {plural(preview.rowCount, "row")} · delimiter “{preview.delimiter === "\t" ? "tab" : preview.delimiter}” ·{" "}
                {preview.errorCount === 0 ? "no format errors" : `${plural(preview.errorCount, "row")} with format errors`}
              </span>
            </div>
            <details className="text-sm">
              <summary className="cursor-pointer text-slate-700">Column mapping</summary>
              <ul className="mt-2 grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
                {Object.entries(preview.mapping).map(([field, header]) => (
                  <li key={field} className="text-slate-600">
                    <span className="font-medium text-slate-800">{field}</span> ← “{header}”
                  </li>
                ))}
              </ul>
            </details>
            <div className="overflow-x-auto rounded-md border border-slate-200">
              <table className="min-w-full text-sm" aria-label="Preview of the first rows">
                <thead className="bg-slate-50 text-left text-slate-600">
                  <tr>
                    {["Row", "Agent", "Site", "Start (site's zone)", "End (site's zone)", "Status", "Skills", "Breaks"].map((h) => (
                      <th key={h} className="px-3 py-2 font-medium">
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {preview.sample.map((r) => {
                    const d = displayPreviewRow(r, directory, formatDayDateClock);
                    return (
                      <tr key={r.row} className="border-t border-slate-100">
                        <td className="px-3 py-1.5 tabular-nums text-slate-500">{r.row}</td>
                        <td className="px-3 py-1.5">{r.agentId}</td>
                        <td className="px-3 py-1.5">{d.site}</td>
                        <td className="whitespace-nowrap px-3 py-1.5 tabular-nums">{d.start}</td>
                        <td className="whitespace-nowrap px-3 py-1.5 tabular-nums">{d.end}</td>
                        <td className="px-3 py-1.5">{r.status}</td>
                        <td className="min-w-48 px-3 py-1.5">{d.skills}</td>
                        <td className="px-3 py-1.5">{r.breaks.length}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {preview.errors.length > 0 && !result ? <ErrorList errors={preview.errors} total={preview.errorCount} /> : null}
            <fieldset className="flex flex-wrap gap-5 text-sm">
              <legend className="sr-only">Import options</legend>
              <label className="inline-flex items-center gap-2">
                <input type="checkbox" checked={overwrite} onChange={(e) => setOverwrite(e.target.checked)} />
                Overwrite conflicting shifts
              </label>
              <label className="inline-flex items-center gap-2">
                <input type="checkbox" checked={onlyValid} onChange={(e) => setOnlyValid(e.target.checked)} />
                Import only valid rows
              </label>
            </fieldset>
            <div className="flex gap-2">
              <Button variant="secondary" disabled={!ready} onClick={() => void send(true)}>
                Validate
              </Button>
              <Button disabled={!ready} onClick={() => void send(false)}>
                Import
              </Button>
            </div>
          </div>
        ) : null}

        {result ? <ImportResult result={result} /> : null}
      </CardBody>
    </Card>
  );
}

function Progress({ label, percent }: { label: string; percent?: number }) {
  return (
    <div role="status" aria-live="polite">
      <p className="mb-1 text-sm text-slate-600">{label}</p>
      <div
        className="h-2 overflow-hidden rounded-full bg-slate-200"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className={`h-full bg-brand-500 ${percent === undefined ? "w-1/3 animate-pulse" : ""}`} style={percent === undefined ? undefined : { width: `${percent}%` }} />
      </div>
    </div>
  );
}

function ErrorList({ errors, total }: { errors: RowError[]; total: number }) {
  return (
    <div>
      <p className="mb-1 text-sm font-medium text-red-800">
        {total.toLocaleString()} problem{total === 1 ? "" : "s"}
        {total > errors.length ? ` (first ${errors.length} shown; the error report has all)` : ""}
      </p>
      <div className="max-h-72 overflow-auto rounded-md border border-red-200">
        <table className="min-w-full text-sm" aria-label="Row errors">
          <thead className="sticky top-0 bg-red-50 text-left text-red-900">
            <tr>
              <th className="px-3 py-1.5 font-medium">Row</th>
              <th className="px-3 py-1.5 font-medium">Column</th>
              <th className="px-3 py-1.5 font-medium">Value</th>
              <th className="px-3 py-1.5 font-medium">Problem</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((e, i) => (
              <tr key={`${e.row}-${e.code}-${i}`} className="border-t border-red-100">
                <td className="px-3 py-1 tabular-nums">{e.row}</td>
                <td className="px-3 py-1">{e.column ?? "—"}</td>
                <td className="max-w-48 truncate px-3 py-1 font-mono text-xs" title={e.value ?? ""}>
                  {e.value ?? "—"}
                </td>
                <td className="px-3 py-1">{e.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function ImportResult({ result }: { result: ImportResponse }) {
  const tone = result.status === "rejected" ? "error" : result.status === "committed" ? "success" : "info";
  const title = importTitle(result);
  return (
    <div className="space-y-3" data-testid="import-result">
      <Alert tone={tone} title={title}>
        <p>
          {importCounts(result)}
        </p>
        {result.importId && result.errors.length > 0 ? (
          <a className="mt-1 inline-block font-medium underline" href={`/api/v1/imports/${result.importId}/errors`}>
            Download the error report (CSV)
          </a>
        ) : null}
      </Alert>
      {result.errors.length > 0 ? <ErrorList errors={result.errors} total={result.errors.length} /> : null}
    </div>
  );
}
