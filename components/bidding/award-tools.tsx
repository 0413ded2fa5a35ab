"use client";

import { useState } from "react";
import type { BiddingOverview } from "@/lib/services/bidding/list-bidding";
import { adjustAwardAction } from "@/lib/actions/bidding/adjust-award";
import { enterAgentBidAction } from "@/lib/actions/bidding/enter-agent-bid";
import { Button } from "@/components/ui/button";

type Run = (p: Promise<unknown>, ok: string) => Promise<boolean>;
const input = "mt-1 block w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm";
const label = "text-xs font-medium text-slate-600";
const ORDINAL = (n: number) => `${n}${n % 10 === 1 && n % 100 !== 11 ? "st" : n % 10 === 2 && n % 100 !== 12 ? "nd" : n % 10 === 3 && n % 100 !== 13 ? "rd" : "th"}`;

function AgentInput({ id, view, value, onChange }: { id: string; view: BiddingOverview; value: string; onChange: (v: string) => void }) {
  return (
    <>
      <input className={input} list={`${id}-agents`} value={value} onChange={(e) => onChange(e.target.value.trim())} placeholder="AGENT-1001" />
      <datalist id={`${id}-agents`}>
        {view.agents.map((a) => (
          <option key={a.id} value={a.id}>{a.name} ({a.homeSiteId})</option>
        ))}
      </datalist>
    </>
  );
}

const linesOf = (view: BiddingOverview, scopeId: string) => {
  const scope = view.scopes.find((s) => s.id === scopeId);
  return scope ? view.lines.filter((l) => l.periodStart === scope.period.start && l.periodEnd === scope.period.end) : [];
};

/** An admin awards a line by hand, beside the removal: eligibility still applies, the reason is audited. */
export function AddAwardForm({ view, run }: { view: BiddingOverview; run: Run }) {
  const scopes = view.scopes.filter((s) => s.status !== "archived" && s.status !== "draft");
  const [scopeId, setScopeId] = useState(scopes[0]?.id ?? "");
  const [agentId, setAgentId] = useState("");
  const [lineId, setLineId] = useState("");
  const [reason, setReason] = useState("");
  const lines = linesOf(view, scopeId);
  if (scopes.length === 0) return null;
  return (
    <form
      aria-label="Add an award"
      className="grid gap-3 rounded-md border border-slate-200 p-3 md:grid-cols-5"
      onSubmit={(e) => {
        e.preventDefault();
        void run(adjustAwardAction({ kind: "add", scopeId, agentId, lineId, reason }), `Awarded to ${agentId} by hand.`).then((ok) => ok && setReason(""));
      }}
    >
      <h3 className="text-sm font-semibold md:col-span-5">Add an award by hand</h3>
      <label className={label}>
        Scope
        <select className={input} value={scopeId} onChange={(e) => { setScopeId(e.target.value); setLineId(""); }}>
          {scopes.map((s) => (
            <option key={s.id} value={s.id}>{s.name}</option>
          ))}
        </select>
      </label>
      <label className={label}>
        Agent
        <AgentInput id="award" view={view} value={agentId} onChange={setAgentId} />
      </label>
      <label className={label}>
        Line
        <select className={input} value={lineId} onChange={(e) => setLineId(e.target.value)}>
          <option value="">Choose a line</option>
          {lines.map((l) => (
            <option key={l.id} value={l.id}>{l.label}</option>
          ))}
        </select>
      </label>
      <label className={label}>
        Reason (audited)
        <input className={input} value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <div className="flex items-end">
        <Button type="submit" size="sm" disabled={!scopeId || !agentId || !lineId || reason.trim().length < 3}>Add award</Button>
      </div>
    </form>
  );
}

/** A planner enters one agent's ranking for them (a phone call, a paper form): checked like the agent's own, audited under the planner. */
export function EnterBidForm({ view, run }: { view: BiddingOverview; run: Run }) {
  const scopes = view.scopes.filter((s) => s.status === "open");
  const [scopeId, setScopeId] = useState(scopes[0]?.id ?? "");
  const [agentId, setAgentId] = useState("");
  const [choices, setChoices] = useState<string[]>([""]);
  const [submit, setSubmit] = useState(true);
  const lines = linesOf(view, scopeId);
  if (scopes.length === 0) return null;
  const picked = choices.filter(Boolean);
  return (
    <form
      aria-label="Enter a bid for an agent"
      className="space-y-3 rounded-md border border-slate-200 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        const preferences = picked.map((lineId, i) => ({ lineId, rank: i + 1 }));
        void run(enterAgentBidAction({ scopeId, agentId, preferences, submit }), submit ? `Bid submitted for ${agentId}.` : `Draft saved for ${agentId}.`).then((ok) => ok && setChoices([""]));
      }}
    >
      <h3 className="text-sm font-semibold">Enter a bid for an agent</h3>
      <div className="grid gap-3 md:grid-cols-3">
        <label className={label}>
          Scope (open window)
          <select className={input} value={scopeId} onChange={(e) => { setScopeId(e.target.value); setChoices([""]); }}>
            {scopes.map((s) => (
              <option key={s.id} value={s.id}>{s.name}</option>
            ))}
          </select>
        </label>
        <label className={label}>
          Agent
          <AgentInput id="bid" view={view} value={agentId} onChange={setAgentId} />
        </label>
        <label className="flex items-end gap-2 pb-2 text-sm text-slate-700">
          <input type="checkbox" checked={submit} onChange={(e) => setSubmit(e.target.checked)} /> Submit (otherwise a draft)
        </label>
      </div>
      <ol className="space-y-2">
        {choices.map((c, i) => (
          <li key={i}>
            <label className={label}>
              {ORDINAL(i + 1)} choice
              <select
                className={input}
                value={c}
                onChange={(e) => {
                  const next = [...choices];
                  next[i] = e.target.value;
                  setChoices(next);
                }}
              >
                <option value="">—</option>
                {lines.map((l) => (
                  <option key={l.id} value={l.id} disabled={choices.includes(l.id) && c !== l.id}>{l.label}</option>
                ))}
              </select>
            </label>
          </li>
        ))}
      </ol>
      <div className="flex gap-2">
        <Button size="sm" variant="secondary" disabled={choices.length >= lines.length} onClick={() => setChoices([...choices, ""])}>Add a choice</Button>
        <Button type="submit" size="sm" disabled={!agentId || picked.length === 0}>{submit ? "Submit bid" : "Save draft"}</Button>
      </div>
    </form>
  );
}
