"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { BiddingOverview, ScopeView } from "@/lib/services/bidding/list-bidding";
import type { AwardCoverageRow } from "@/lib/services/bidding/award-coverage";
import { archiveBidScopeAction } from "@/lib/actions/bidding/archive-bid-scope";
import { copyBidScopeAction } from "@/lib/actions/bidding/copy-bid-scope";
import { openBidWindowAction } from "@/lib/actions/bidding/open-bid-window";
import { runBidAwardAction } from "@/lib/actions/bidding/run-bid-award";
import { publishAwardsAction } from "@/lib/actions/bidding/publish-awards";
import { adjustAwardAction } from "@/lib/actions/bidding/adjust-award";
import { enterBidsAction } from "@/lib/actions/bidding/enter-bids";
import { actionErrorText } from "@/lib/client/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDayClock } from "@/components/ui/format";
import { DataTable, Row } from "@/components/ui/table";
import { ScopeForm } from "./scope-form";
import { LinesCard } from "./lines-card";
import { AddAwardForm, EnterBidForm } from "./award-tools";

export interface BiddingPermissions {
  editScopes: boolean;
  editLines: boolean;
  enterBids: boolean;
  runAward: boolean;
  adjust: boolean;
  publish: boolean;
}

const td = "px-2 py-1.5";

/** The bidding page: scopes (editor, linter findings, windows), lines, bids and the award, as the role allows. */
export function BiddingClient({ view, can, coverage }: { view: BiddingOverview; can: BiddingPermissions; coverage: Record<string, AwardCoverageRow[]> }) {
  const router = useRouter();
  const [editing, setEditing] = useState<ScopeView | "new" | null>(null);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [bidCsv, setBidCsv] = useState("");
  const period = view.periods[0] ?? null;
  const [periodKey, setPeriodKey] = useState(period ? `${period.start}..${period.end}` : "");
  const chosen = view.periods.find((p) => `${p.start}..${p.end}` === periodKey) ?? period;
  const lineLabel = new Map(view.lines.map((l) => [l.id, l.label]));
  const scopeName = new Map(view.scopes.map((s) => [s.id, s.name]));

  /** Runs an action, says how it went at the top of the page, refreshes on success. */
  async function run(p: Promise<unknown>, ok: string | ((data: unknown) => string)): Promise<boolean> {
    setMessage(null);
    const result = (await p) as Parameters<typeof actionErrorText>[0] & { data?: unknown };
    const err = actionErrorText(result);
    setMessage(err ? { tone: "error", text: err } : { tone: "success", text: typeof ok === "string" ? ok : ok(result?.data) });
    if (!err) router.refresh();
    return !err;
  }

  return (
    <div className="space-y-6">
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      <Card>
        <CardHeader title="Bid scopes" description="Windows are shown in their own zone. Errors block opening a window." actions={can.editScopes ? <Button onClick={() => setEditing("new")}>New scope</Button> : null} />
        <CardBody>
          {editing ? (
            <div className="mb-6 rounded-md border border-slate-200 p-4">
              <h3 className="mb-3 text-sm font-semibold">{editing === "new" ? "New bid scope" : `Edit ${editing.name}`}</h3>
              <ScopeForm
                key={editing === "new" ? "new" : editing.id}
                scope={editing === "new" ? null : editing}
                onDone={() => {
                  setEditing(null);
                  router.refresh();
                }}
              />
            </div>
          ) : null}
          {view.scopes.length === 0 ? (
            <EmptyState title="No bid scopes yet">{can.editScopes ? "Create one with New scope." : "An admin creates bid scopes."}</EmptyState>
          ) : (
            <DataTable label="Bid scopes" columns={["Wave", "Scope", "Sites", "Skill groups", "Period", "Window", "Bids", "Findings", "Status", ""]}>
              {view.scopes.map((s) => (
                <Row key={s.id}>
                  <td className={`${td} tabular-nums`}>{s.wave}</td>
                  <td className={`${td} font-medium`}>{s.name}</td>
                  <td className={td}>{s.locations.join(", ")}</td>
                  <td className={td}>{s.skillGroups.join(", ")}</td>
                  <td className={`${td} tabular-nums`}>{s.period.start} – {s.period.end}</td>
                  <td className={`${td} tabular-nums`}>
                    {formatDayClock(s.opensAt, s.window.timeZone)} – {formatDayClock(s.closesAt, s.window.timeZone)} {s.window.timeZone}
                  </td>
                  <td className={`${td} tabular-nums`}>{s.submittedCount}/{s.bidCount}</td>
                  <td className={td}>
                    {s.findings.length === 0 ? "—" : (
                      <ul className="space-y-1 text-xs">
                        {s.findings.map((f, i) => (
                          <li key={i} className={f.severity === "error" ? "text-red-700" : "text-amber-700"}>
                            {f.code}: {f.message}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td className={td}>
                    <Badge tone={s.status === "open" ? "good" : "neutral"}>{s.status}</Badge>
                  </td>
                  <td className={`${td} whitespace-nowrap`}>
                    {can.editScopes && s.status !== "archived" ? (
                      <span className="flex gap-1">
                        <Button size="sm" variant="secondary" onClick={() => setEditing(s)}>Edit</Button>
                        <Button size="sm" variant="secondary" onClick={() => run(copyBidScopeAction({ id: s.id }), `Copied ${s.name}.`)}>Copy</Button>
                        {s.status !== "open" ? (
                          <Button size="sm" disabled={s.findings.some((f) => f.severity === "error")} onClick={() => run(openBidWindowAction({ id: s.id }), `The window of ${s.name} is open.`)}>
                            Open window
                          </Button>
                        ) : null}
                        <Button size="sm" variant="ghost" onClick={() => run(archiveBidScopeAction({ id: s.id }), `Archived ${s.name}.`)}>Archive</Button>
                      </span>
                    ) : null}
                  </td>
                </Row>
              ))}
            </DataTable>
          )}
        </CardBody>
      </Card>

      <LinesCard view={view} period={chosen} canEdit={can.editLines} run={run} />

      <Card>
        <CardHeader title="Bids and awards" description="Each agent's outcome explains what they got and why." />
        <CardBody className="space-y-4">
          {view.periods.length > 1 ? (
            <label className="text-xs font-medium text-slate-600">
              Bid period
              <select className="ml-2 rounded-md border border-slate-300 px-2 py-1 text-sm" value={periodKey} onChange={(e) => setPeriodKey(e.target.value)}>
                {view.periods.map((p) => (
                  <option key={`${p.start}..${p.end}`} value={`${p.start}..${p.end}`}>{p.start} – {p.end}</option>
                ))}
              </select>
            </label>
          ) : null}
          <div className="flex flex-wrap gap-2">
            {can.runAward && chosen ? <Button onClick={() => run(runBidAwardAction(chosen), "The award run is queued; refresh in a moment.")}>Run award</Button> : null}
            {can.publish && chosen ? <Button variant="secondary" onClick={() => run(publishAwardsAction(chosen), (d) => { const r = d as { awards: number; shifts: number }; return `Published ${r.awards} award${r.awards === 1 ? "" : "s"} as ${r.shifts} draft shifts.`; })}>Publish as drafts</Button> : null}
            {can.publish && chosen ? (
              <a className="inline-flex items-center rounded-md px-4 py-2 text-sm font-medium text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50" href={`/api/v1/bidding/awards/export?start=${chosen.start}&end=${chosen.end}`}>
                Export CXone template
              </a>
            ) : null}
            <Button variant="ghost" onClick={() => router.refresh()}>Refresh</Button>
          </div>
          {view.lastRuns[0] ? <p className="text-xs text-slate-500">Last award run: {view.lastRuns[0].status}{view.lastRuns[0].error ? ` — ${view.lastRuns[0].error}` : ""}</p> : null}
          {can.enterBids && view.scopes.some((s) => s.status === "open") ? (
            <div>
              <label className="text-xs font-medium text-slate-600" htmlFor="bids-csv">Import bids for {view.scopes.find((s) => s.status === "open")!.name} (CSV: agentId, lineId, rank)</label>
              <textarea id="bids-csv" className="mt-1 block h-20 w-full rounded-md border border-slate-300 p-2 font-mono text-xs" value={bidCsv} onChange={(e) => setBidCsv(e.target.value)} />
              <Button className="mt-2" size="sm" disabled={!bidCsv.trim()} onClick={() => run(enterBidsAction({ scopeId: view.scopes.find((s) => s.status === "open")!.id, csv: bidCsv }), "Bids imported.")}>Import bids</Button>
            </div>
          ) : null}
          {can.enterBids ? <EnterBidForm view={view} run={run} /> : null}
          <h3 className="text-sm font-semibold">Bids</h3>
          {view.bids.length === 0 ? (
            <EmptyState title="No bids yet">Bids appear here as they save them.</EmptyState>
          ) : (
            <DataTable label="Bids" columns={["Scope", "Agent", "Ranked lines", "Submitted", "Lock"]}>
              {view.bids.map((b) => (
                <Row key={`${b.scopeId}:${b.agentId}`}>
                  <td className={td}>{scopeName.get(b.scopeId)}</td>
                  <td className={td}>{b.agentId}</td>
                  <td className={td}>{b.preferences.map((p) => `${p.rank}. ${lineLabel.get(p.lineId) ?? p.lineId}`).join("; ") || "—"}</td>
                  <td className={`${td} tabular-nums`}>{b.submittedAt ? `${formatDayClock(b.submittedAt, "UTC")} UTC` : "draft"}</td>
                  <td className={td}>{b.lock ? `${lineLabel.get(b.lock.lineId) ?? b.lock.lineId}${b.lock.committedAt ? " (committed)" : ""}` : "—"}</td>
                </Row>
              ))}
            </DataTable>
          )}
          <h3 className="text-sm font-semibold">Awards</h3>
          {view.outcomes.length === 0 && view.awards.length === 0 ? (
            <EmptyState title="No award yet">Run the award once the windows close.</EmptyState>
          ) : (
            <DataTable label="Awards" columns={["Scope", "Agent", "Awarded", "Why", ""]}>
              {view.outcomes.map((o) => {
                const won = view.awards.filter((a) => a.scopeId === o.scopeId && a.agentId === o.agentId);
                return (
                  <Row key={`${o.scopeId}:${o.agentId}`}>
                    <td className={td}>{scopeName.get(o.scopeId)}</td>
                    <td className={td}>{o.agentId}</td>
                    <td className={td}>{won.map((a) => `${lineLabel.get(a.lineId) ?? a.lineId} (${a.via}${a.publishedAt ? ", published" : ""})`).join("; ") || "nothing"}</td>
                    <td className={`${td} text-xs`}>{o.explanation}</td>
                    <td className={td}>
                      {can.adjust
                        ? won.filter((a) => !a.publishedAt).map((a) => (
                            <Button key={a.id} size="sm" variant="ghost" onClick={() => { const reason = window.prompt("Why remove this award?"); if (reason) void run(adjustAwardAction({ kind: "remove", awardId: a.id, reason }), "Award removed."); }}>
                              Remove
                            </Button>
                          ))
                        : null}
                    </td>
                  </Row>
                );
              })}
            </DataTable>
          )}
          {can.adjust ? <AddAwardForm view={view} run={run} /> : null}
          {chosen && coverage[`${chosen.start}..${chosen.end}`]?.length ? (
            <>
              <h3 className="text-sm font-semibold">Coverage of the awards against demand</h3>
              <DataTable label="Award coverage" columns={["Skill", "Required hours", "Awarded hours", "Short intervals", "Shortfall hours"]}>
                {coverage[`${chosen.start}..${chosen.end}`].map((c) => (
                  <Row key={c.skillId}>
                    <td className={td}>{c.skillId}</td>
                    <td className={`${td} tabular-nums`}>{c.requiredHours}</td>
                    <td className={`${td} tabular-nums`}>{c.awardedHours}</td>
                    <td className={`${td} tabular-nums`}>{c.shortIntervals > 0 ? <Badge tone="bad">{c.shortIntervals}</Badge> : 0}</td>
                    <td className={`${td} tabular-nums`}>{c.shortfallHours}</td>
                  </Row>
                ))}
              </DataTable>
            </>
          ) : null}
        </CardBody>
      </Card>
    </div>
  );
}
