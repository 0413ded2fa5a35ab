"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTransition } from "react";
import { addDays, startOfIsoWeek } from "@/lib/domain/time";
import type { ScheduleQuery } from "@/lib/schemas/schedule";
import type { ScheduleOptions } from "@/lib/types/schedule-page";
import { Button } from "@/components/ui/button";
import { SegmentedControl } from "@/components/ui/segmented-control";

const inputClass = "mt-1 block rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:outline-none";
const labelClass = "text-xs font-medium text-slate-600";

/** Every filter lives in the URL, so a planner can share the exact view. */
export function ScheduleFilters({ query, options }: { query: ScheduleQuery; options: ScheduleOptions }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();

  function set(changes: Record<string, string | null>) {
    const next = new URLSearchParams(params.toString());
    next.set("from", query.from);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === "") next.delete(k);
      else next.set(k, v);
    }
    next.delete("offset");
    startTransition(() => router.push(`${pathname}?${next.toString()}`));
  }

  const site = options.sites.find((s) => s.id === query.siteId);
  return (
    <form
      className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3"
      aria-busy={pending}
      aria-label="Schedule filters"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        set({ q: String(data.get("q") ?? "").trim(), attribute: String(data.get("attribute") ?? "").trim() });
      }}
    >
      <div className={labelClass}>
        Week
        <div className="mt-1 flex items-center gap-1">
          <Button variant="secondary" size="sm" aria-label="Previous period" onClick={() => set({ from: addDays(query.from, -query.days) })}>
            ←
          </Button>
          <input
            type="date"
            className={`${inputClass} mt-0`}
            value={query.from}
            aria-label="First day"
            onChange={(e) => e.target.value && set({ from: query.days % 7 === 0 ? startOfIsoWeek(e.target.value) : e.target.value })}
          />
          <Button variant="secondary" size="sm" aria-label="Next period" onClick={() => set({ from: addDays(query.from, query.days) })}>
            →
          </Button>
        </div>
      </div>
      <label className={labelClass}>
        Days
        <select className={inputClass} value={String(query.days)} onChange={(e) => set({ days: e.target.value === "7" ? null : e.target.value })} aria-label="Days shown">
          {[1, 7, 14, 21, 28].map((d) => (
            <option key={d} value={d}>
              {d === 1 ? "1 day" : d === 7 ? "1 week" : `${d / 7} weeks`}
            </option>
          ))}
        </select>
      </label>
      <label className={labelClass}>
        Site
        <select className={inputClass} value={query.siteId ?? ""} onChange={(e) => set({ siteId: e.target.value })} aria-label="Site">
          {options.sites.length > 1 ? <option value="">All sites</option> : null}
          {options.sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.id} — {s.name}
            </option>
          ))}
        </select>
      </label>
      <label className={labelClass}>
        Skill
        <select className={inputClass} value={query.skillId ?? ""} onChange={(e) => set({ skillId: e.target.value })} aria-label="Skill">
          <option value="">All skills</option>
          {options.skills.map((s) => (
            <option key={s.id} value={s.id}>
              {s.id}
            </option>
          ))}
        </select>
      </label>
      <label className={labelClass}>
        Team / attribute
        <input
          name="attribute"
          className={inputClass}
          defaultValue={query.attribute ?? ""}
          placeholder="key=value"
          list="schedule-attributes"
          aria-label="Attribute (key=value)"
          onBlur={(e) => e.target.value.trim() !== (query.attribute ?? "") && set({ attribute: e.target.value.trim() })}
        />
        <datalist id="schedule-attributes">
          {options.attributes.flatMap((a) => a.values.map((v) => <option key={`${a.key}=${v}`} value={`${a.key}=${v}`} />))}
        </datalist>
      </label>
      <label className={labelClass}>
        Agent
        <input name="q" type="search" className={inputClass} defaultValue={query.q ?? ""} placeholder="Name or AGENT-1001" aria-label="Find agent" />
      </label>
      <label className={labelClass}>
        Status
        <select className={inputClass} value={query.status ?? ""} onChange={(e) => set({ status: e.target.value })} aria-label="Status">
          <option value="">Published and draft</option>
          <option value="PUBLISHED">Published</option>
          <option value="DRAFT">Draft</option>
        </select>
      </label>
      <label className={labelClass}>
        Sort
        <select className={inputClass} value={query.sort} onChange={(e) => set({ sort: e.target.value === "agent" ? null : e.target.value })} aria-label="Sort">
          <option value="agent">Agent name</option>
          <option value="start">First shift start</option>
          <option value="hours">Paid hours (most first)</option>
        </select>
      </label>
      <fieldset className={labelClass}>
        <legend>Times in</legend>
        <SegmentedControl
          label="Time zone of the grid"
          className="mt-1"
          value={query.zoneMode}
          onChange={(m) => set({ zoneMode: m === "site" ? null : m })}
          options={[
            { value: "site", label: `Site (${site?.timeZone ?? "UTC"})` },
            { value: "agent", label: "Agent's home zone" },
          ]}
        />
      </fieldset>
      <Button type="submit" variant="secondary" size="sm">
        Apply
      </Button>
      {pending ? (
        <span className="text-xs text-slate-500" role="status">
          Updating…
        </span>
      ) : null}
    </form>
  );
}
