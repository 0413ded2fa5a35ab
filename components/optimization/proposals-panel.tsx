"use client";

import { useMemo, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { acceptProposalsAction } from "@/lib/actions/optimization/accept-proposals";
import { actionErrorText } from "@/lib/client/fetch-json";
import { optimizationKeys } from "@/lib/client/hooks/optimization";
import type { AcceptOutcome, StoredProposal } from "@/lib/types/optimization";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { formatClock, formatDayDateClock } from "@/components/ui/format";
import { DataTable, Row } from "@/components/ui/table";

const select = "mt-1 block rounded-md border border-slate-300 px-2 py-1 text-sm";

/**
 * The run's proposals grouped by agent, with checkboxes for all, per agent and per proposal;
 * Accept writes the checked ones as draft shifts and shows what went in, what was refused
 * and why, and the coverage change.
 */
export function ProposalsPanel({ runId, proposals, accepted, overtimeCap }: { runId: string; proposals: StoredProposal[]; accepted: Record<string, string>; overtimeCap: number }) {
  const queryClient = useQueryClient();
  const [skill, setSkill] = useState("");
  const [site, setSite] = useState("");
  const [checked, setChecked] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<AcceptOutcome | null>(null);

  const skills = useMemo(() => [...new Set(proposals.map((p) => p.skillId))].sort(), [proposals]);
  const sites = useMemo(() => [...new Set(proposals.map((p) => p.siteId))].sort(), [proposals]);
  const shown = proposals.filter((p) => (!skill || p.skills.some((s) => s.skillId === skill)) && (!site || p.siteId === site));
  const open = shown.filter((p) => !accepted[p.id]);
  const grouped = new Map<string, StoredProposal[]>();
  for (const p of shown) (grouped.get(p.agentId) ?? grouped.set(p.agentId, []).get(p.agentId)!).push(p);
  const byAgent = [...grouped];

  const toggle = (ids: string[], on: boolean) =>
    setChecked((prev) => {
      const next = new Set(prev);
      for (const id of ids) if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const chosen = [...checked].filter((id) => !accepted[id]);

  async function accept() {
    setBusy(true);
    setError(null);
    const result = await acceptProposalsAction({ runId, proposalIds: chosen });
    setBusy(false);
    const text = actionErrorText(result);
    if (text) return setError(text);
    setOutcome(result!.data!);
    setChecked(new Set());
    await queryClient.invalidateQueries({ queryKey: optimizationKeys.job(runId) });
  }

  if (proposals.length === 0) return <EmptyState title="No proposals">The engine found no shift worth adding under the rules: see what it could not meet below.</EmptyState>;
  const allOpen = open.length > 0 && open.every((p) => checked.has(p.id));
  return (
    <section aria-label="Proposals" className="space-y-3">
      <div className="flex flex-wrap items-end gap-4 text-xs font-medium text-slate-600">
        <label>
          Skill
          <select aria-label="Filter by skill" className={select} value={skill} onChange={(e) => setSkill(e.target.value)}>
            <option value="">All skills</option>
            {skills.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label>
          Site
          <select aria-label="Filter by site" className={select} value={site} onChange={(e) => setSite(e.target.value)}>
            <option value="">All sites</option>
            {sites.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label className="inline-flex items-center gap-2 pb-1 text-sm">
          <input type="checkbox" aria-label="Select all proposals" checked={allOpen} onChange={(e) => toggle(open.map((p) => p.id), e.target.checked)} /> All ({open.length})
        </label>
        <Button onClick={accept} disabled={busy || chosen.length === 0}>
          {busy ? "Accepting…" : `Accept ${chosen.length} as draft shift${chosen.length === 1 ? "" : "s"}`}
        </Button>
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {outcome ? <AcceptResult outcome={outcome} /> : null}
      <DataTable label="Recommended shifts" columns={["", "Agent / shift", "Skill", "Covers", "Overtime", "Kind"]}>
        {byAgent.flatMap(([agentId, list]) => {
          const free = list.filter((p) => !accepted[p.id]);
          const ot = list.reduce((s, p) => s + p.overtimeHours, 0);
          return [
            <Row key={agentId} className="bg-slate-50">
              <td className="px-2 py-1.5">
                <input type="checkbox" aria-label={`Select ${agentId}'s proposals`} disabled={free.length === 0} checked={free.length > 0 && free.every((p) => checked.has(p.id))} onChange={(e) => toggle(free.map((p) => p.id), e.target.checked)} />
              </td>
              <td className="px-2 py-1.5 font-medium" colSpan={3}>
                {agentId} <span className="text-xs font-normal text-slate-500">· {list.length} proposal{list.length === 1 ? "" : "s"}</span>
              </td>
              <td className="px-2 py-1.5 text-xs tabular-nums">{ot > 0 ? `${ot.toFixed(1)} h of ${overtimeCap} h cap` : "—"}</td>
              <td />
            </Row>,
            ...list.map((p) => (
              <Row key={p.id}>
                <td className="px-2 py-1.5 pl-4">
                  <input type="checkbox" aria-label={`Select ${agentId} ${p.start}`} disabled={!!accepted[p.id]} checked={checked.has(p.id) && !accepted[p.id]} onChange={(e) => toggle([p.id], e.target.checked)} />
                </td>
                <td className="px-2 py-1.5 tabular-nums">
                  {formatDayDateClock(Date.parse(p.start), p.timeZone)}–{formatClock(Date.parse(p.end), p.timeZone)} <span className="text-xs text-slate-500">{p.timeZone}</span>
                </td>
                <td className="px-2 py-1.5">{p.skills.map((s) => s.skillId).join(", ") || p.skillId}</td>
                <td className="px-2 py-1.5 tabular-nums">{p.coverageHours.toFixed(1)} h</td>
                <td className="px-2 py-1.5">{p.overtimeHours > 0 ? <Badge tone="warn">{p.overtimeHours.toFixed(1)} h overtime</Badge> : "—"}</td>
                <td className="px-2 py-1.5 text-xs">{accepted[p.id] ? <Badge tone="good">accepted</Badge> : p.extendsStatus === "PUBLISHED" ? <span title="Published shifts are never changed: accepting it is refused">extends a published shift</span> : p.extendsShiftId ? "extends a draft" : "new shift"}</td>
              </Row>
            )),
          ];
        })}
      </DataTable>
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
