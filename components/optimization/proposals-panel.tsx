"use client";

import { useMemo, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { acceptProposalsAction } from "@/lib/actions/optimization/accept-proposals";
import { actionErrorText } from "@/lib/client/fetch-json";
import { optimizationKeys } from "@/lib/client/hooks/optimization";
import { groupByAgent, groupByLocalDay } from "@/lib/domain/optimize/groups";
import type { AcceptOutcome, StoredProposal } from "@/lib/types/optimization";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { SegmentedControl } from "@/components/ui/segmented-control";
import { DataTable, Row } from "@/components/ui/table";
import { ByAgentTable, ByDayTable } from "./proposal-groups";
import { useResultsQuery } from "./results-query";

const select = "mt-1 block rounded-md border border-slate-300 px-2 py-1 text-sm";

/**
 * The run's proposals grouped by agent or by day of the site's clock (Group by, in the URL),
 * filtered by skill and site, with checkboxes for all, per group and per proposal; Accept
 * writes the checked ones still shown as draft shifts and reports what went in, what was
 * refused and why, and the coverage change.
 */
export function ProposalsPanel({ runId, proposals, accepted, overtimeCap, siteZones }: { runId: string; proposals: StoredProposal[]; accepted: Record<string, string>; overtimeCap: number; siteZones: Record<string, string> }) {
  const queryClient = useQueryClient();
  const [query, setQuery] = useResultsQuery();
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<AcceptOutcome | null>(null);

  const skills = useMemo(() => [...new Set(proposals.flatMap((p) => [p.skillId, ...p.skills.map((s) => s.skillId)]).filter(Boolean))].sort(), [proposals]);
  const sites = useMemo(() => [...new Set(proposals.map((p) => p.siteId))].sort(), [proposals]);
  const { skill, site, group } = query;
  const shown = useMemo(() => proposals.filter((p) => (!skill || p.skillId === skill || p.skills.some((s) => s.skillId === skill)) && (!site || p.siteId === site)), [proposals, skill, site]);
  // Times and days on the clock of the site where the shift is worked (the agent's home zone if the page does not know the site).
  const zones = useMemo(() => {
    const z: Record<string, string> = { ...siteZones };
    for (const p of proposals) z[p.siteId] ??= p.timeZone;
    return z;
  }, [siteZones, proposals]);
  const byAgent = useMemo(() => (group === "agent" ? groupByAgent(shown) : []), [group, shown]);
  const byDay = useMemo(() => (group === "day" ? groupByLocalDay(shown, (siteId) => zones[siteId] ?? "UTC") : []), [group, shown, zones]);
  const open = shown.filter((p) => !accepted[p.id]);

  const toggle = (ids: string[], on: boolean) =>
    setChecked((prev) => {
      const next = new Set(prev);
      for (const id of ids) if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  // Only what is checked and still shown: a filter never accepts proposals the planner cannot see.
  const chosen = open.filter((p) => checked.has(p.id)).map((p) => p.id);

  async function accept(ids: string[]) {
    setBusy(true);
    setError(null);
    const result = await acceptProposalsAction({ runId, proposalIds: ids });
    setBusy(false);
    const text = actionErrorText(result);
    if (text) return setError(text);
    setOutcome(result!.data!);
    toggle(ids, false);
    await queryClient.invalidateQueries({ queryKey: optimizationKeys.job(runId) });
  }

  if (proposals.length === 0) return <EmptyState title="No proposals">The engine found no shift worth adding under the rules: see what it could not meet below.</EmptyState>;
  const allOpen = open.length > 0 && open.every((p) => checked.has(p.id));
  const selection = { accepted, checked, toggle, zoneOf: (p: StoredProposal) => zones[p.siteId] ?? "UTC" };
  return (
    <section aria-label="Proposals" className="space-y-3">
      <div className="flex flex-wrap items-end gap-4 text-xs font-medium text-slate-600">
        <fieldset>
          <legend>Group by</legend>
          <SegmentedControl
            label="Group proposals by"
            className="mt-1"
            value={group}
            onChange={(g) => setQuery({ group: g })}
            options={[
              { value: "agent", label: "Agent" },
              { value: "day", label: "Day" },
            ]}
          />
        </fieldset>
        <label>
          Skill
          <select aria-label="Filter by skill" className={select} value={skill} onChange={(e) => setQuery({ skill: e.target.value })}>
            <option value="">All skills</option>
            {skills.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Site
          <select aria-label="Filter by site" className={select} value={site} onChange={(e) => setQuery({ site: e.target.value })}>
            <option value="">All sites</option>
            {sites.map((s) => (
              <option key={s} value={s}>
                {s} ({siteZones[s] ?? "zone unknown"})
              </option>
            ))}
          </select>
        </label>
        <label className="inline-flex items-center gap-2 pb-1 text-sm">
          <input type="checkbox" aria-label="Select all proposals" checked={allOpen} onChange={(e) => toggle(open.map((p) => p.id), e.target.checked)} /> All ({open.length})
        </label>
        <Button onClick={() => accept(chosen)} disabled={busy || chosen.length === 0}>
          {busy ? "Accepting…" : `Accept ${chosen.length} as draft shift${chosen.length === 1 ? "" : "s"}`}
        </Button>
      </div>
      {shown.length < proposals.length ? (
        <p className="text-xs text-slate-500" role="status">
          Showing {shown.length} of {proposals.length} proposals{skill ? ` covering ${skill}` : ""}
          {site ? ` at ${site}` : ""}.
        </p>
      ) : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      {outcome ? <AcceptResult outcome={outcome} /> : null}
      {shown.length === 0 ? (
        <EmptyState title="No proposals match">No proposal covers {skill || "any skill"} at {site || "any site"}: clear a filter.</EmptyState>
      ) : group === "day" ? (
        <ByDayTable groups={byDay} onAcceptDay={accept} busy={busy} {...selection} />
      ) : (
        <ByAgentTable groups={byAgent} overtimeCap={overtimeCap} {...selection} />
      )}
    </section>
  );
}

function AcceptResult({ outcome }: { outcome: AcceptOutcome }) {
  const written = outcome.created.length + outcome.extended.length;
  const link = outcome.from && outcome.siteId ? `/schedule?from=${encodeURIComponent(outcome.from)}&siteId=${encodeURIComponent(outcome.siteId)}` : null;
  return (
    <div className="space-y-2" data-testid="accept-outcome">
      {written > 0 ? (
        <Alert tone="success" title={`${outcome.created.length} draft shift${outcome.created.length === 1 ? "" : "s"} created${outcome.extended.length ? `, ${outcome.extended.length} extended` : ""}`}>
          They are drafts: publish them from the Schedule page.{" "}
          {link ? (
            <a className="font-medium underline" href={link}>
              See them on the Schedule page
            </a>
          ) : null}
        </Alert>
      ) : null}
      {outcome.refused.length ? (
        <Alert tone="warning" title={`${outcome.refused.length} proposal${outcome.refused.length === 1 ? "" : "s"} refused`}>
          <ul className="list-disc pl-5 text-xs">
            {outcome.refused.map((r) => (
              <li key={r.proposalId}>
                {r.agentId} {r.start.slice(0, 16).replace("T", " ")} UTC: {r.reason}
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {outcome.coverage.length ? (
        <DataTable label="Coverage change" columns={["Skill", "Shortfall before", "After accepting"]}>
          {outcome.coverage.map((c) => (
            <Row key={c.skillId}>
              <td className="px-2 py-1.5">{c.skillId}</td>
              <td className="px-2 py-1.5 tabular-nums">{c.shortfallBefore.toFixed(1)} h</td>
              <td className="px-2 py-1.5 tabular-nums">
                {c.shortfallAfter.toFixed(1)} h {c.shortfallAfter < c.shortfallBefore ? <span className="text-xs text-emerald-700">(−{(c.shortfallBefore - c.shortfallAfter).toFixed(1)} h)</span> : null}
              </td>
            </Row>
          ))}
        </DataTable>
      ) : null}
    </div>
  );
}
