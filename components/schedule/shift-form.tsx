"use client";

import { useState } from "react";
import { ApiError } from "@/lib/client/fetch-json";
import type { SkillProficiency } from "@/lib/domain/types";
import type { ScheduleRuleFinding, ShiftEditPreview } from "@/lib/types/schedule";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { toShiftFields, type ShiftFormValues } from "./form-values";
import { hours } from "./geometry";
import type { ShiftFields } from "./shift-edits";

const inputClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:outline-none";
const labelClass = "block text-xs font-medium text-slate-600";

/**
 * Start, end, breaks, skills and status, always in the grid's named zone. Saving goes in two
 * steps: Check shows what the rules say (errors under their field, nothing saved) and the
 * coverage the edit changes; Save stores it, asking to confirm warnings first.
 */
export function ShiftForm({
  initial,
  agentSkills,
  sites,
  submitLabel,
  onPreview,
  onSave,
}: {
  initial: ShiftFormValues;
  agentSkills: SkillProficiency[];
  sites: { id: string; name: string }[];
  submitLabel: string;
  onPreview: (fields: ShiftFields) => Promise<ShiftEditPreview>;
  /** Throws ApiError on refusal; returns findings when the rules refused the save. */
  onSave: (fields: ShiftFields) => Promise<ScheduleRuleFinding[] | void>;
}) {
  const [v, setV] = useState<ShiftFormValues>(initial);
  const [preview, setPreview] = useState<ShiftEditPreview | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState<"check" | "save" | null>(null);
  const [error, setError] = useState<string | null>(null);

  const change = (patch: Partial<ShiftFormValues>) => {
    setV((old) => ({ ...old, ...patch }));
    setPreview(null);
    setConfirmed(false);
  };
  const errors = preview?.findings.filter((f) => f.severity === "error") ?? [];
  const warnings = preview?.findings.filter((f) => f.severity === "warning") ?? [];
  const fieldErrors = (field: string) => errors.filter((f) => (f.field ?? "start") === field);

  async function check() {
    setBusy("check");
    setError(null);
    try {
      setPreview(await onPreview(toShiftFields(v)));
    } catch (e) {
      setError(e instanceof ApiError || e instanceof Error ? e.message : "The check failed.");
    } finally {
      setBusy(null);
    }
  }

  async function save() {
    setBusy("save");
    setError(null);
    try {
      const refused = await onSave({ ...toShiftFields(v), confirmWarnings: confirmed });
      if (refused && refused.length) setPreview({ findings: refused, coverage: preview?.coverage ?? [] });
    } catch (e) {
      setError(e instanceof Error ? e.message : "Saving failed.");
    } finally {
      setBusy(null);
    }
  }

  const canSave = !!preview && errors.length === 0 && (warnings.length === 0 || confirmed);
  return (
    <form
      className="space-y-3"
      aria-label="Shift"
      onSubmit={(e) => {
        e.preventDefault();
        if (canSave) void save();
        else void check();
      }}
    >
      <p className="text-xs text-slate-500">
        Times in <strong data-testid="form-zone">{v.timeZone}</strong>.
      </p>
      <div className="grid grid-cols-2 gap-3">
        <label className={labelClass}>
          Start
          <input type="datetime-local" step={900} required className={inputClass} value={v.start} onChange={(e) => change({ start: e.target.value })} aria-invalid={fieldErrors("start").length > 0} />
          <FieldErrors list={fieldErrors("start")} />
        </label>
        <label className={labelClass}>
          End
          <input type="datetime-local" step={900} required className={inputClass} value={v.end} onChange={(e) => change({ end: e.target.value })} aria-invalid={fieldErrors("end").length > 0} />
          <FieldErrors list={fieldErrors("end")} />
        </label>
      </div>
      <fieldset>
        <legend className={labelClass}>Breaks</legend>
        {v.breaks.map((b, i) => (
          <div key={i} className="mt-1 flex items-center gap-2 text-sm">
            <input type="time" step={300} className={`${inputClass} mt-0 w-28`} value={b.at} aria-label={`Break ${i + 1} starts`} onChange={(e) => change({ breaks: v.breaks.map((x, k) => (k === i ? { ...x, at: e.target.value } : x)) })} />
            <input
              type="number"
              min={1}
              max={240}
              className={`${inputClass} mt-0 w-20`}
              value={b.minutes}
              aria-label={`Break ${i + 1} minutes`}
              onChange={(e) => change({ breaks: v.breaks.map((x, k) => (k === i ? { ...x, minutes: Number(e.target.value) } : x)) })}
            />
            <span className="text-xs text-slate-500">min</span>
            <label className="flex items-center gap-1 text-xs">
              <input type="checkbox" checked={b.paid} onChange={(e) => change({ breaks: v.breaks.map((x, k) => (k === i ? { ...x, paid: e.target.checked } : x)) })} /> paid
            </label>
            <Button variant="ghost" size="sm" aria-label={`Remove break ${i + 1}`} onClick={() => change({ breaks: v.breaks.filter((_, k) => k !== i) })}>
              Remove
            </Button>
          </div>
        ))}
        <Button variant="ghost" size="sm" className="mt-1" onClick={() => change({ breaks: [...v.breaks, { at: v.start.slice(11, 16), minutes: 30, paid: false }] })}>
          Add break
        </Button>
        <FieldErrors list={fieldErrors("breaks")} />
      </fieldset>
      <fieldset>
        <legend className={labelClass}>Skills on this shift (none ticked: the agent&apos;s skills)</legend>
        <div className="mt-1 flex flex-wrap gap-3 text-sm">
          {agentSkills.map((s) => {
            const on = v.skills.some((x) => x.skillId === s.skillId);
            return (
              <label key={s.skillId} className="flex items-center gap-1">
                <input type="checkbox" checked={on} onChange={() => change({ skills: on ? v.skills.filter((x) => x.skillId !== s.skillId) : [...v.skills, { ...s }] })} />
                {s.skillId} <span className="text-xs text-slate-500">({s.proficiency})</span>
              </label>
            );
          })}
        </div>
        <FieldErrors list={fieldErrors("skills")} />
      </fieldset>
      <div className="grid grid-cols-2 gap-3">
        <label className={labelClass}>
          Status
          <select className={inputClass} value={v.status} onChange={(e) => change({ status: e.target.value as ShiftFormValues["status"] })}>
            <option value="DRAFT">Draft</option>
            <option value="PUBLISHED">Published</option>
          </select>
          <FieldErrors list={fieldErrors("status")} />
        </label>
        <label className={labelClass}>
          Worked at
          <select className={inputClass} value={v.siteId} onChange={(e) => change({ siteId: e.target.value })}>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.id} — {s.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <FieldErrors list={errors.filter((f) => !["start", "end", "breaks", "skills", "status"].includes(f.field ?? "start"))} />

      {preview ? <PreviewSummary preview={preview} /> : null}
      {warnings.length ? (
        <label className="flex items-start gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} className="mt-0.5" />
          <span>
            Save anyway:
            {warnings.map((w) => (
              <span key={w.code + w.message} className="block">
                {w.message}
              </span>
            ))}
          </span>
        </label>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      <div className="flex gap-2">
        <Button type="button" variant="secondary" disabled={busy !== null} onClick={() => void check()}>
          {busy === "check" ? "Checking…" : "Check"}
        </Button>
        <Button type="button" disabled={!canSave || busy !== null} onClick={() => void save()} title={canSave ? undefined : "Check the shift first"}>
          {busy === "save" ? "Saving…" : submitLabel}
        </Button>
      </div>
    </form>
  );
}

function FieldErrors({ list }: { list: ScheduleRuleFinding[] }) {
  if (!list.length) return null;
  return (
    <span className="mt-1 block text-xs font-normal text-red-700" role="alert">
      {list.map((f) => (
        <span key={f.code + f.message} className="block" data-code={f.code}>
          {f.message}
        </span>
      ))}
    </span>
  );
}

/** What the edit does before it is saved: the rules' verdict and the coverage it changes. */
function PreviewSummary({ preview }: { preview: ShiftEditPreview }) {
  const errors = preview.findings.filter((f) => f.severity === "error");
  return (
    <div className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm" data-testid="shift-preview">
      <p className="font-medium text-slate-800">{errors.length ? `${errors.length} rule${errors.length === 1 ? "" : "s"} broken: nothing is saved.` : "The rules allow this shift."}</p>
      {preview.coverage.length ? (
        <ul className="mt-1 space-y-0.5 text-xs text-slate-700" aria-label="Coverage change">
          {preview.coverage.map((c) => (
            <li key={c.skillId}>
              {c.skillId}: shortfall {hours(c.shortfallHoursBefore)} h → {hours(c.shortfallHoursAfter)} h over {c.intervals.length} interval{c.intervals.length === 1 ? "" : "s"}
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-xs text-slate-500">No change to coverage.</p>
      )}
    </div>
  );
}
