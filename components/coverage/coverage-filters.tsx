"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTransition } from "react";
import type { CoverageCharts } from "@/lib/types/coverage";
import { SegmentedControl } from "@/components/ui/segmented-control";

const inputClass = "rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:outline-none";

/** Filters live in the URL so a planner can share the exact view. */
/** Only what the filters show: the page sends this part of the view, not its series. */
export type CoverageFilterView = Pick<CoverageCharts, "from" | "to" | "site" | "sites" | "skillOptions" | "view">;

export function CoverageFilters({ view }: { view: CoverageFilterView }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();

  function set(changes: Record<string, string | null>) {
    const next = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === "") next.delete(k);
      else next.set(k, v);
    }
    startTransition(() => router.push(`${pathname}?${next.toString()}`));
  }

  return (
    <form
      className="mb-5 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3"
      aria-busy={pending}
      onSubmit={(e) => e.preventDefault()}
    >
      <label className="text-xs font-medium text-slate-600">
        From
        <input type="date" className={`${inputClass} mt-1 block`} defaultValue={view.from} onChange={(e) => set({ from: e.target.value, day: null })} aria-label="From" />
      </label>
      <label className="text-xs font-medium text-slate-600">
        To
        <input type="date" className={`${inputClass} mt-1 block`} defaultValue={view.to} onChange={(e) => set({ to: e.target.value, day: null })} aria-label="To" />
      </label>
      <label className="text-xs font-medium text-slate-600">
        Site
        <select className={`${inputClass} mt-1 block`} value={view.site?.id ?? ""} onChange={(e) => set({ site: e.target.value, skill: null })} aria-label="Site">
          <option value="">All sites (UTC)</option>
          {view.sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.id} — {s.name} ({s.timeZone})
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs font-medium text-slate-600">
        Skill
        <select
          className={`${inputClass} mt-1 block`}
          value={params.get("skill") ?? ""}
          onChange={(e) => set({ skill: e.target.value, day: null })}
          aria-label="Skill"
        >
          <option value="">All skills</option>
          {view.skillOptions.map((s) => (
            <option key={s.id} value={s.id}>
              {s.id}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="text-xs font-medium text-slate-600">
        <legend>Coverage</legend>
        <SegmentedControl
          label="Net or gross coverage"
          className="mt-1"
          value={view.view}
          onChange={(v) => set({ view: v === "net" ? null : v })}
          options={[
            { value: "net", label: "Net" },
            { value: "gross", label: "Gross" },
          ]}
        />
      </fieldset>
      <p className="max-w-md text-xs text-slate-500">
        {view.view === "net"
          ? "Net splits each multi-skilled agent's time across their skills where it closes the most shortfall; gaps use net."
          : "Gross counts a multi-skilled agent fully in every skill they serve, which overstates coverage."}
      </p>
      {pending ? <span className="text-xs text-slate-500" role="status">Updating…</span> : null}
    </form>
  );
}
