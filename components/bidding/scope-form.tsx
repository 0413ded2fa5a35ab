"use client";

import { useState } from "react";
import type { LintFinding } from "@/lib/domain/bidding/types";
import type { ScopeView } from "@/lib/services/bidding/list-bidding";
import { saveBidScopeAction } from "@/lib/actions/bidding/save-bid-scope";
import { actionErrorText } from "@/lib/client/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

const input = "mt-1 block w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm";
const label = "text-xs font-medium text-slate-600";
const list = (s: string) => s.split(",").map((x) => x.trim()).filter(Boolean);
const DAY = 86400;

type Form = Record<string, string | boolean>;

function toForm(s: ScopeView | null): Form {
  const c = s?.eligibility.conditions[0];
  const p = s?.priority;
  return {
    name: s?.name ?? "",
    locations: s?.locations.join(", ") ?? "",
    skillGroups: s?.skillGroups.join(", ") ?? "",
    bidderSites: s ? s.bidderSites.join(", ") : "",
    attrName: c?.attributeName ?? "",
    attrValues: c?.values.join(", ") ?? "",
    allowedZones: s?.eligibility.allowedZones.join(", ") ?? "",
    periodStart: s?.period.start ?? "",
    periodEnd: s?.period.end ?? "",
    windowKind: s?.window.kind ?? "offsets",
    openDays: s?.window.kind === "offsets" ? String(-s.window.openOffsetSeconds / DAY) : "21",
    closeDays: s?.window.kind === "offsets" ? String(-s.window.closeOffsetSeconds / DAY) : "3",
    opensAt: s?.window.kind === "dates" ? s.window.opensAt : "",
    closesAt: s?.window.kind === "dates" ? s.window.closesAt : "",
    timeZone: s?.window.timeZone ?? "UTC",
    maxShiftsPerDay: String(s?.constraints.maxShiftsPerDay ?? 1),
    maxShiftsPerWeek: String(s?.constraints.maxShiftsPerWeek ?? 5),
    maxLinesPerAgent: String(s?.constraints.maxLinesPerAgent ?? 1),
    requireAvailability: s?.constraints.requireAvailability ?? true,
    respectLaborRules: s?.constraints.respectLaborRules ?? true,
    basis: p?.basis ?? "tenure",
    cutoffs: p ? (p.basis === "tenure" ? p.hiredOnOrBefore.join(", ") : p.basis === "performance" ? p.rankAtMost.join(", ") : p.tiers.map((t) => t.join("|")).join(", ")) : "",
    priorityAttribute: p?.basis === "attribute" ? p.attributeName : "",
    tieBreakers: p?.tieBreakers.join(", ") ?? "performance, hireDate, submittedAt, randomDraw",
    seed: String(p?.seed ?? 1),
    wave: String(s?.wave ?? 1),
    lockDurationHours: String(s?.lockDurationHours ?? 24),
    autoRelease: s?.autoRelease ?? true,
  };
}

function toScope(f: Form) {
  const str = (k: string) => String(f[k]);
  const basis = str("basis");
  const priority =
    basis === "tenure"
      ? { basis, hiredOnOrBefore: list(str("cutoffs")) }
      : basis === "performance"
        ? { basis, rankAtMost: list(str("cutoffs")).map(Number) }
        : { basis, attributeName: str("priorityAttribute"), tiers: list(str("cutoffs")).map((t) => t.split("|").map((x) => x.trim())) };
  const values = list(str("attrValues"));
  return {
    name: str("name"),
    locations: list(str("locations")),
    skillGroups: list(str("skillGroups")),
    ...(list(str("bidderSites")).length ? { bidderSites: list(str("bidderSites")) } : {}),
    eligibility: {
      conditions: str("attrName") ? [values.length > 1 ? { type: "attribute", operator: "in", attributeName: str("attrName"), attributeValues: values } : { type: "attribute", operator: "equals", attributeName: str("attrName"), attributeValue: values[0] ?? "" }] : [],
      allowedZones: list(str("allowedZones")),
    },
    period: { start: str("periodStart"), end: str("periodEnd") },
    window:
      str("windowKind") === "offsets"
        ? { kind: "offsets", openOffsetSeconds: -Number(str("openDays")) * DAY, closeOffsetSeconds: -Number(str("closeDays")) * DAY, timeZone: str("timeZone") }
        : { kind: "dates", opensAt: str("opensAt"), closesAt: str("closesAt"), timeZone: str("timeZone") },
    constraints: { maxShiftsPerDay: Number(str("maxShiftsPerDay")), maxShiftsPerWeek: Number(str("maxShiftsPerWeek")), maxLinesPerAgent: Number(str("maxLinesPerAgent")), requireAvailability: f.requireAvailability, respectLaborRules: f.respectLaborRules },
    priority: { ...priority, tieBreakers: list(str("tieBreakers")), seed: Number(str("seed")) },
    wave: Number(str("wave")),
    lockDurationHours: Number(str("lockDurationHours")),
    autoRelease: f.autoRelease,
  };
}

/** Which form fields a message or finding path concerns ("window.closeOffsetSeconds" → closeDays…). */
const FIELD_OF: Record<string, string> = { locations: "locations", skillGroups: "skillGroups", bidderSites: "bidderSites", users: "bidderSites", eligibility: "attrName", "eligibility.allowedZones": "allowedZones", period: "periodStart", window: "openDays", priority: "cutoffs", wave: "wave", lockDurationHours: "lockDurationHours", constraints: "maxShiftsPerDay", name: "name" };
function fieldFor(path: string): string {
  if (path.startsWith("window.close") || path === "window.closesAt") return "closeDays";
  if (path.startsWith("period.end")) return "periodEnd";
  if (path.startsWith("constraints.respectLaborRules")) return "respectLaborRules";
  const key = Object.keys(FIELD_OF).filter((k) => path === k || path.startsWith(`${k}.`)).sort((a, b) => b.length - a.length)[0];
  return key ? FIELD_OF[key] : "name";
}

/** The admin's scope editor: every field, and the linter's findings (and validation messages) beside the fields they name. */
export function ScopeForm({ scope, onDone }: { scope: ScopeView | null; onDone: () => void }) {
  const [f, setF] = useState<Form>(() => toForm(scope));
  const [notes, setNotes] = useState<{ field: string; text: string; severity: "error" | "warning" }[]>(() => (scope?.findings ?? []).flatMap((x) => x.fields.map((p) => ({ field: fieldFor(p), text: x.message, severity: x.severity }))));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: string) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setF({ ...f, [k]: e.target.type === "checkbox" ? (e.target as HTMLInputElement).checked : e.target.value });
  const noteFor = (k: string) =>
    notes.filter((n) => n.field === k).map((n, i) => (
      <p key={i} role={n.severity === "error" ? "alert" : "status"} className={n.severity === "error" ? "mt-1 text-xs text-red-700" : "mt-1 text-xs text-amber-700"}>
        {n.severity === "error" ? "Error: " : "Warning: "}
        {n.text}
      </p>
    ));
  const text = (k: string, l: string, hint?: string) => (
    <label className={label}>
      {l}
      <input aria-label={l} className={input} value={String(f[k])} onChange={set(k)} placeholder={hint} />
      {noteFor(k)}
    </label>
  );
  const check = (k: string, l: string) => (
    <label className="flex items-center gap-2 text-sm text-slate-700">
      <input type="checkbox" checked={Boolean(f[k])} onChange={set(k)} /> {l}
      {noteFor(k)}
    </label>
  );

  async function save() {
    setBusy(true);
    setError(null);
    setSaved(null);
    const result = await saveBidScopeAction({ id: scope?.id ?? null, scope: toScope(f) });
    setBusy(false);
    const message = actionErrorText(result);
    if (message) {
      // "path: message; path: message" → beside each field.
      const parts = message.split("; ").map((p) => p.match(/^([\w.]+): (.*)$/)).filter((m): m is RegExpMatchArray => !!m);
      setNotes(parts.map((m) => ({ field: fieldFor(m[1]), text: m[2], severity: "error" as const })));
      setError(message);
      return;
    }
    const findings: LintFinding[] = result?.data?.findings ?? [];
    setNotes(findings.flatMap((x) => x.fields.map((p) => ({ field: fieldFor(p), text: x.message, severity: x.severity }))));
    setSaved(findings.some((x) => x.severity === "error") ? "Saved as a draft. Fix the errors below before opening its window." : "Saved.");
  }

  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="grid gap-3 md:grid-cols-3">
        {text("name", "Name")}
        {text("locations", "Sites (locations)", "NYC, LON")}
        {text("skillGroups", "Skill groups", "SKILL_SALES")}
        {text("bidderSites", "Bidder sites (empty: the locations)")}
        {text("attrName", "Eligibility attribute", "site_certification")}
        {text("attrValues", "…must be one of", "SITE_NYC_COMPLIANT")}
        {text("allowedZones", "Other home zones allowed", "Europe/London")}
        {text("periodStart", "Bid period from", "YYYY-MM-DD")}
        {text("periodEnd", "Bid period to", "YYYY-MM-DD")}
        <label className={label}>
          Window given as
          <select aria-label="Window given as" className={input} value={String(f.windowKind)} onChange={set("windowKind")}>
            <option value="offsets">days before the period</option>
            <option value="dates">local dates and times</option>
          </select>
        </label>
        {f.windowKind === "offsets" ? text("openDays", "Opens (days before the period)") : text("opensAt", "Opens at (local)", "2026-06-01T08:00")}
        {f.windowKind === "offsets" ? text("closeDays", "Closes (days before the period)") : text("closesAt", "Closes at (local)", "2026-06-10T17:00")}
        {text("timeZone", "Window time zone", "America/New_York")}
        {text("maxShiftsPerDay", "Max shifts per day")}
        {text("maxShiftsPerWeek", "Max shifts per week")}
        {text("maxLinesPerAgent", "Max lines per agent")}
        <label className={label}>
          Priority from
          <select aria-label="Priority from" className={input} value={String(f.basis)} onChange={set("basis")}>
            <option value="tenure">tenure (hire date)</option>
            <option value="performance">performance rank</option>
            <option value="attribute">a custom attribute</option>
          </select>
        </label>
        {text("cutoffs", f.basis === "tenure" ? "Tier cutoffs: hired on or before" : f.basis === "performance" ? "Tier cutoffs: rank at most" : "Tiers: values (a|b, c)")}
        {f.basis === "attribute" ? text("priorityAttribute", "Priority attribute") : null}
        {text("tieBreakers", "Tie-breaks, in order")}
        {text("seed", "Draw seed")}
        {text("wave", "Wave")}
        {text("lockDurationHours", "Lock duration (hours)")}
      </div>
      <div className="flex flex-wrap gap-4">
        {check("requireAvailability", "Require availability")}
        {check("respectLaborRules", "Respect labor rules")}
        {check("autoRelease", "Release locks at their expiry")}
      </div>
      {error ? <Alert tone="error" title="Not saved">{error}</Alert> : null}
      {saved ? <Alert tone="success">{saved}</Alert> : null}
      <div className="flex gap-2">
        <Button type="submit" disabled={busy}>{busy ? "Saving…" : "Save scope"}</Button>
        <Button variant="secondary" onClick={onDone}>Close</Button>
      </div>
    </form>
  );
}
