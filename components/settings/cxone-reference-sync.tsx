"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { previewReferenceSyncAction } from "@/lib/actions/cxone/preview-reference-sync";
import { applyReferenceSyncAction } from "@/lib/actions/cxone/apply-reference-sync";
import { actionErrorText } from "@/lib/client/fetch-json";
import type { AgentDiffRow, ReferenceSyncApplied, ReferenceSyncPreview, SkillDiffRow } from "@/lib/types/cxone";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FeatureOff } from "@/components/cxone/feature-off";

/**
 * CXone's agents and skills into our reference data: preview what would be added, changed
 * and what CXone does not have; apply only on confirmation (the same preview), audited.
 */
export function CxoneReferenceSync({ available, reason, sites }: { available: boolean; reason: string | null; sites: { id: string; name: string }[] }) {
  const router = useRouter();
  const [preview, setPreview] = useState<ReferenceSyncPreview | null>(null);
  const [siteId, setSiteId] = useState(sites[0]?.id ?? "");
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  if (!available) return <FeatureOff what="Agent and skill sync" reason={reason} />;

  async function load() {
    setBusy(true);
    setStatus(null);
    setConfirming(false);
    const r = await previewReferenceSyncAction({});
    setBusy(false);
    const e = actionErrorText(r);
    if (e) return setStatus({ tone: "error", text: e });
    setPreview(r!.data as ReferenceSyncPreview);
  }

  async function apply() {
    if (!preview) return;
    setBusy(true);
    const r = await applyReferenceSyncAction({ fingerprint: preview.fingerprint, ...(preview.agents.added.length > 0 ? { newAgentSiteId: siteId } : {}) });
    setBusy(false);
    setConfirming(false);
    const e = actionErrorText(r);
    if (e) return setStatus({ tone: "error", text: e });
    const a = r!.data as ReferenceSyncApplied;
    setStatus({ tone: "success", text: `Applied: ${a.skillsAdded} skill(s) added, ${a.skillsRenamed} renamed, ${a.agentsAdded} agent(s) added, ${a.agentsChanged} changed. Recorded in the audit log.` });
    setPreview(null);
    router.refresh();
  }

  const changes = preview ? preview.skills.added.length + preview.skills.changed.length + preview.agents.added.length + preview.agents.changed.length : 0;
  return (
    <div className="space-y-3" data-testid="cxone-reference-sync">
      <Button variant="secondary" onClick={() => void load()} disabled={busy}>
        {busy && !preview ? "Reading CXone…" : "Preview sync from CXone"}
      </Button>
      {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
      {preview ? (
        <div className="space-y-3 text-sm">
          <div className="grid gap-3 md:grid-cols-3">
            <SkillList title="Skills added" rows={preview.skills.added} />
            <SkillList title="Skills renamed" rows={preview.skills.changed} />
            <SkillList title="Skills only here (kept)" rows={preview.skills.missing} />
            <AgentList title="Agents added" rows={preview.agents.added} />
            <AgentList title="Agents changed" rows={preview.agents.changed} />
            <AgentList title="Agents not in CXone (kept)" rows={preview.agents.missing} />
          </div>
          {preview.notes.length > 0 ? (
            <ul className="list-disc pl-5 text-xs text-slate-600">
              {preview.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          ) : null}
          {changes === 0 ? (
            <p className="text-slate-600">Nothing to apply: our reference data matches CXone.</p>
          ) : (
            <div className="flex flex-wrap items-end gap-3">
              {preview.agents.added.length > 0 ? (
                <label className="text-xs font-medium text-slate-600">
                  Home site for new agents
                  <select aria-label="Home site for new agents" className="mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm" value={siteId} onChange={(e) => setSiteId(e.target.value)}>
                    {sites.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.name}
                      </option>
                    ))}
                  </select>
                </label>
              ) : null}
              {confirming ? (
                <>
                  <span className="text-slate-700">Apply {changes} change(s) to our agents and skills?</span>
                  <Button onClick={() => void apply()} disabled={busy}>
                    Yes, apply
                  </Button>
                  <Button variant="ghost" onClick={() => setConfirming(false)} disabled={busy}>
                    Cancel
                  </Button>
                </>
              ) : (
                <Button onClick={() => setConfirming(true)} disabled={busy}>
                  Apply these changes…
                </Button>
              )}
            </div>
          )}
        </div>
      ) : null}
    </div>
  );
}

function SkillList({ title, rows }: { title: string; rows: SkillDiffRow[] }) {
  return (
    <section aria-label={title}>
      <h4 className="text-xs font-semibold text-slate-600">
        {title} ({rows.length})
      </h4>
      <ul className="mt-1 max-h-40 overflow-auto text-xs">
        {rows.map((r) => (
          <li key={r.skillId}>
            {r.skillId} — {r.ourName ? `${r.ourName} → ${r.name}` : r.name}
          </li>
        ))}
      </ul>
    </section>
  );
}

function AgentList({ title, rows }: { title: string; rows: AgentDiffRow[] }) {
  return (
    <section aria-label={title}>
      <h4 className="text-xs font-semibold text-slate-600">
        {title} ({rows.length})
      </h4>
      <ul className="mt-1 max-h-40 overflow-auto text-xs">
        {rows.map((r) => (
          <li key={r.agentId}>
            <span className="font-medium">{r.name}</span> ({r.username}){r.changes.length > 0 ? `: ${r.changes.join("; ")}` : ""}
          </li>
        ))}
      </ul>
    </section>
  );
}
