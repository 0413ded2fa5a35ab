"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { saveTradingSettingsAction } from "@/lib/actions/trades/save-trading-settings";
import { POLICIES, TRADE_VIOLATION_TYPES, type Policy, type TradingSettings } from "@/lib/domain/trades/types";
import type { TradingSettingsInput } from "@/lib/schemas/trades";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { actionErrorText } from "@/lib/client/fetch-json";

const num = "mt-1 block w-28 rounded-md border border-slate-300 px-2 py-1.5 text-sm";

interface PeriodRow {
  label: string;
  siteId: string;
  skillId: string;
  start: string;
  end: string;
}

/** Edits the org default or one site's override; the server validates with the engine's schema. */
export function TradingSettingsForm({ scopes, initial }: { scopes: { scope: string; label: string; hasOverride: boolean }[]; initial: Record<string, TradingSettings> }) {
  const router = useRouter();
  const [scope, setScope] = useState(scopes[0].scope);
  const [s, setS] = useState<TradingSettings>(initial[scopes[0].scope]);
  const [periods, setPeriods] = useState<PeriodRow[]>(toRows(initial[scopes[0].scope]));
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string } | null>(null);

  function pick(next: string) {
    setScope(next);
    setS(initial[next]);
    setPeriods(toRows(initial[next]));
    setStatus(null);
  }

  async function save(e: React.FormEvent) {
    e.preventDefault();
    const settings = {
      ...s,
      policies: { ...s.policies, ...(s.allowCrossSiteTrading ? {} : { CrossSite: "Disallow" as Policy }) },
      criticalPeriods: periods.map((p) => ({ label: p.label, siteId: p.siteId || null, skillId: p.skillId || null, start: p.start, end: p.end })),
    };
    const result = await saveTradingSettingsAction({ scope, settings: settings as TradingSettingsInput });
    const error = actionErrorText(result);
    setStatus(error ? { tone: "error", text: error } : { tone: "success", text: `Saved for ${scope === "org" ? "the organisation" : scope}.` });
    if (!error) router.refresh();
  }

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
        <label>
          Notice (hours)
          <input type="number" className={num} value={s.minHoursInFuture} onChange={(e) => setS({ ...s, minHoursInFuture: Number(e.target.value) })} />
        </label>
        <label>
          Trades per agent per week
          <input type="number" className={num} value={s.maxTradesPerAgentPerWeek} onChange={(e) => setS({ ...s, maxTradesPerAgentPerWeek: Number(e.target.value) })} />
        </label>
        <label>
          Trade-rate limit (approved)
          <input type="number" className={num} value={s.tradeRateLimit.maxApproved} onChange={(e) => setS({ ...s, tradeRateLimit: { ...s.tradeRateLimit, maxApproved: Number(e.target.value) } })} />
        </label>
        <label>
          … per window (hours)
          <input type="number" className={num} value={s.tradeRateLimit.windowHours} onChange={(e) => setS({ ...s, tradeRateLimit: { ...s.tradeRateLimit, windowHours: Number(e.target.value) } })} />
        </label>
        <label>
          Cumulative coverage threshold (%)
          <input type="number" className={num} value={Math.round(s.cumulativeCoverageThreshold * 100)} onChange={(e) => setS({ ...s, cumulativeCoverageThreshold: Number(e.target.value) / 100 })} />
        </label>
        <label>
          Unmatched requests expire after (hours)
          <input type="number" className={num} value={s.expiryHours} onChange={(e) => setS({ ...s, expiryHours: Number(e.target.value) })} />
        </label>
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
        <p className="mb-2 text-xs text-slate-500">Trades touching these go to review. Times as ISO 8601 with an offset, e.g. 2026-11-27T08:00:00-05:00.</p>
        <div className="space-y-2">
          {periods.map((p, i) => (
            <div key={i} className="flex flex-wrap items-end gap-2 text-xs">
              {(["label", "siteId", "skillId", "start", "end"] as const).map((k) => (
                <label key={k} className="font-medium text-slate-600">
                  {k}
                  <input
                    aria-label={`Period ${i + 1} ${k}`}
                    className="mt-1 block rounded-md border border-slate-300 px-2 py-1 text-sm"
                    value={p[k]}
                    onChange={(e) => setPeriods(periods.map((x, j) => (j === i ? { ...x, [k]: e.target.value } : x)))}
                  />
                </label>
              ))}
              <Button size="sm" variant="ghost" onClick={() => setPeriods(periods.filter((_, j) => j !== i))}>
                Remove
              </Button>
            </div>
          ))}
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

function toRows(s: TradingSettings): PeriodRow[] {
  return s.criticalPeriods.map((p) => ({ label: p.label, siteId: p.siteId ?? "", skillId: p.skillId ?? "", start: new Date(p.start).toISOString(), end: new Date(p.end).toISOString() }));
}
