"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { saveTradingSettingsAction } from "@/lib/actions/trades/save-trading-settings";
import { POLICIES, TRADE_VIOLATION_TYPES, type Policy, type TradingSettings } from "@/lib/domain/trades/types";
import { tradingSettingsSchema, type TradingSettingsInput } from "@/lib/schemas/trades";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { actionErrorText } from "@/lib/client/fetch-json";
import { errorProps, fieldErrors, type FieldErrors } from "@/lib/client/field-errors";
import { localInputToIso, toRows, zoneOf, type PeriodRow } from "./critical-periods";
import { TRADING_LABELS } from "./trading-labels";

const num = "mt-1 block w-28 rounded-md border border-slate-300 px-2 py-1.5 text-sm";
const box = "mt-1 block rounded-md border border-slate-300 px-2 py-1 text-sm";

interface Options {
  sites: { id: string; name: string; timeZone: string }[];
  skills: { id: string; name: string }[];
}

/**
 * Edits the org default or one site's override. The form checks the settings with the
 * server's schema first and shows every problem under its input in the label's words.
 */
export function TradingSettingsForm({ scopes, initial, options }: { scopes: { scope: string; label: string; hasOverride: boolean }[]; initial: Record<string, TradingSettings>; options: Options }) {
  const router = useRouter();
  const [scope, setScope] = useState(scopes[0].scope);
  const [s, setS] = useState<TradingSettings>(initial[scopes[0].scope]);
  const [periods, setPeriods] = useState<PeriodRow[]>(toRows(initial[scopes[0].scope], options.sites));
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});

  function pick(next: string) {
    setScope(next);
    setS(initial[next]);
    setPeriods(toRows(initial[next], options.sites));
    setStatus(null);
    setErrors({});
  }

  async function save(e: React.FormEvent) {
    e.preventDefault();
    const found: FieldErrors = {};
    const criticalPeriods = periods.map((p, i) => {
      const zone = zoneOf(p.siteId, options.sites);
      const times = { start: localInputToIso(p.start, zone), end: localInputToIso(p.end, zone) };
      for (const k of ["start", "end"] as const) {
        const t = times[k];
        if (!t.ok) (found[`criticalPeriods.${i}.${k}`] ??= []).push(`Period ${i + 1} ${k === "start" ? "starts" : "ends"} ${t.message}`);
      }
      return { label: p.label, siteId: p.siteId || null, skillId: p.skillId || null, start: times.start.ok ? times.start.iso : 0, end: times.end.ok ? times.end.iso : 1 };
    });
    const settings = {
      ...s,
      policies: { ...s.policies, ...(s.allowCrossSiteTrading ? {} : { CrossSite: "Disallow" as Policy }) },
      criticalPeriods,
    } as TradingSettingsInput;
    const checked = tradingSettingsSchema.safeParse(settings);
    if (!checked.success) {
      for (const [k, list] of Object.entries(fieldErrors(checked.error, TRADING_LABELS))) if (!found[k]) found[k] = list;
    }
    setErrors(found);
    const count = Object.values(found).reduce((n, l) => n + l.length, 0);
    if (count > 0) {
      setStatus({ tone: "error", text: count === 1 ? "One setting needs fixing: see the message under it." : `${count} settings need fixing: see the messages under them.` });
      return;
    }
    const result = await saveTradingSettingsAction({ scope, settings });
    const error = actionErrorText(result);
    setStatus(error ? { tone: "error", text: error } : { tone: "success", text: `Saved for ${scope === "org" ? "the organisation" : scope}.` });
    if (!error) router.refresh();
  }

  /** A number input with its label and messages. */
  const numberField = (key: string, label: string, value: number, onChange: (v: number) => void) => (
    <div>
      <label>
        {label}
        <input type="number" className={num} value={Number.isNaN(value) ? "" : value} onChange={(e) => onChange(e.target.value === "" ? Number.NaN : Number(e.target.value))} {...errorProps(errors, key, `err-${key}`)} />
      </label>
      <FieldError id={`err-${key}`} messages={errors[key]} />
    </div>
  );

  return (
    <form onSubmit={save} className="space-y-5" aria-label="Trading settings">
      <label className="block text-xs font-medium text-slate-600">
        Applies to
        <select aria-label="Applies to" className="mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm" value={scope} onChange={(e) => pick(e.target.value)}>
          {scopes.map((o) => (
            <option key={o.scope} value={o.scope}>
              {o.label}
              {o.scope !== "org" && !o.hasOverride ? " (uses the org default)" : ""}
            </option>
          ))}
        </select>
      </label>
      <div className="flex flex-wrap gap-5 text-sm">
        <label className="inline-flex items-center gap-2">
          <input type="checkbox" checked={s.enabled} onChange={(e) => setS({ ...s, enabled: e.target.checked })} /> Trading enabled
        </label>
        <label className="inline-flex items-center gap-2">
          <input type="checkbox" checked={s.allowCrossSiteTrading} onChange={(e) => setS({ ...s, allowCrossSiteTrading: e.target.checked, policies: { ...s.policies, CrossSite: e.target.checked ? "AdminReview" : "Disallow" } })} />{" "}
          Allow cross-site trading
        </label>
      </div>
      <div className="flex flex-wrap gap-4 text-xs font-medium text-slate-600">
        {numberField("minHoursInFuture", "Notice (hours)", s.minHoursInFuture, (v) => setS({ ...s, minHoursInFuture: v }))}
        {numberField("maxTradesPerAgentPerWeek", "Trades per agent per week", s.maxTradesPerAgentPerWeek, (v) => setS({ ...s, maxTradesPerAgentPerWeek: v }))}
        {numberField("tradeRateLimit.maxApproved", "Trade-rate limit (approved)", s.tradeRateLimit.maxApproved, (v) => setS({ ...s, tradeRateLimit: { ...s.tradeRateLimit, maxApproved: v } }))}
        {numberField("tradeRateLimit.windowHours", "… per window (hours)", s.tradeRateLimit.windowHours, (v) => setS({ ...s, tradeRateLimit: { ...s.tradeRateLimit, windowHours: v } }))}
        {numberField("cumulativeCoverageThreshold", "Cumulative coverage threshold (%)", Math.round(s.cumulativeCoverageThreshold * 10000) / 100, (v) => setS({ ...s, cumulativeCoverageThreshold: v / 100 }))}
        {numberField("expiryHours", "Unmatched requests expire after (hours)", s.expiryHours, (v) => setS({ ...s, expiryHours: v }))}
      </div>
      <fieldset>
        <legend className="text-sm font-medium">Policy per violation</legend>
        <p className="mb-2 text-xs text-slate-500">Allow: recorded only. AdminReview: a supervisor of the shift&apos;s site decides. Disallow: denied. Overlap is always Disallow.</p>
        <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-4">
          {TRADE_VIOLATION_TYPES.map((type) => {
            const locked = type === "Overlap" || (type === "CrossSite" && !s.allowCrossSiteTrading);
            return (
              <label key={type} className="text-xs font-medium text-slate-600">
                {type}
                <select
                  aria-label={`Policy for ${type}`}
                  disabled={locked}
                  className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1 text-sm disabled:bg-slate-100"
                  value={s.policies[type]}
                  onChange={(e) => setS({ ...s, policies: { ...s.policies, [type]: e.target.value as Policy } })}
                >
                  {POLICIES.map((p) => (
                    <option key={p} value={p}>
                      {p}
                    </option>
                  ))}
                </select>
              </label>
            );
          })}
        </div>
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium">Critical coverage periods</legend>
        <p className="mb-2 text-xs text-slate-500">Trades touching these go to review. Times are on the chosen site&apos;s clock (UTC for all sites).</p>
        <div className="space-y-2">
          {periods.map((p, i) => {
            const set = (patch: Partial<PeriodRow>) => setPeriods(periods.map((x, j) => (j === i ? { ...x, ...patch } : x)));
            const key = (k: keyof PeriodRow) => `criticalPeriods.${i}.${k}`;
            const zone = zoneOf(p.siteId, options.sites);
            return (
              <div key={i} className="flex flex-wrap items-start gap-2 text-xs" role="group" aria-label={`Period ${i + 1}`}>
                <div>
                  <label className="font-medium text-slate-600">
                    Label
                    <input aria-label={`Period ${i + 1} label`} className={box} value={p.label} onChange={(e) => set({ label: e.target.value })} {...errorProps(errors, key("label"), `err-${key("label")}`)} />
                  </label>
                  <FieldError id={`err-${key("label")}`} messages={errors[key("label")]} />
                </div>
                <label className="font-medium text-slate-600">
                  Site
                  <select aria-label={`Period ${i + 1} site`} className={box} value={p.siteId} onChange={(e) => set({ siteId: e.target.value })}>
                    <option value="">All sites</option>
                    {options.sites.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.id} — {o.name}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="font-medium text-slate-600">
                  Skill
                  <select aria-label={`Period ${i + 1} skill`} className={box} value={p.skillId} onChange={(e) => set({ skillId: e.target.value })}>
                    <option value="">All skills</option>
                    {options.skills.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.id}
                      </option>
                    ))}
                  </select>
                </label>
                {(["start", "end"] as const).map((k) => (
                  <div key={k}>
                  <label className="font-medium text-slate-600">
                    {k === "start" ? "Starts" : "Ends"} ({zone})
                    <input
                      type="datetime-local"
                      aria-label={`Period ${i + 1} ${k === "start" ? "starts" : "ends"}`}
                      className={box}
                      value={p[k]}
                      onChange={(e) => set({ [k]: e.target.value })}
                      {...errorProps(errors, key(k), `err-${key(k)}`)}
                    />
                  </label>
                  <FieldError id={`err-${key(k)}`} messages={errors[key(k)]} />
                  </div>
                ))}
                <Button size="sm" variant="ghost" className="mt-4" onClick={() => setPeriods(periods.filter((_, j) => j !== i))}>
                  Remove
                </Button>
              </div>
            );
          })}
          <Button size="sm" variant="secondary" onClick={() => setPeriods([...periods, { label: "", siteId: "", skillId: "", start: "", end: "" }])}>
            Add a period
          </Button>
        </div>
      </fieldset>
      <Button type="submit">Save trading settings</Button>
      {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
    </form>
  );
}

