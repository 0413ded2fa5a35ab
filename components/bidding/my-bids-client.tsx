"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { MyBidding, MyScope } from "@/lib/services/bidding/my-bidding";
import { saveOwnBidAction } from "@/lib/actions/bidding/save-own-bid";
import { lockBidLineAction } from "@/lib/actions/bidding/lock-bid-line";
import { actionErrorText } from "@/lib/client/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDayClock, formatClock } from "@/components/ui/format";
import { OwnTrades } from "@/components/trades/own-trades";
import type { MyTrade } from "@/lib/types/trades";

/** One scope: rank the lines (drag, or the up/down buttons), save a draft, submit, lock; after the award, what you got and why. */
function ScopeBid({ scope, zone }: { scope: MyScope; zone: string }) {
  const router = useRouter();
  const initial = scope.bid?.preferences.length ? scope.bid.preferences.map((p) => p.lineId).filter((id) => scope.lines.some((l) => l.id === id)) : [];
  const [ranked, setRanked] = useState<string[]>(initial);
  const [dragged, setDragged] = useState<string | null>(null);
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const label = new Map(scope.lines.map((l) => [l.id, l.label]));
  const unranked = scope.lines.filter((l) => !ranked.includes(l.id));
  const move = (i: number, d: number) => {
    const j = i + d;
    if (j < 0 || j >= ranked.length) return;
    const next = [...ranked];
    [next[i], next[j]] = [next[j], next[i]];
    setRanked(next);
  };
  async function act(p: Promise<unknown>, ok: string) {
    const err = actionErrorText(p instanceof Promise ? ((await p) as Parameters<typeof actionErrorText>[0]) : undefined);
    setMessage(err ? { tone: "error", text: err } : { tone: "success", text: ok });
    if (!err) router.refresh();
  }
  const prefs = ranked.map((lineId, i) => ({ lineId, rank: i + 1 }));
  const lock = scope.bid?.lock;

  return (
    <Card>
      <CardHeader
        title={scope.name}
        description={`Period ${scope.period.start} – ${scope.period.end}. Window ${formatDayClock(scope.opensAt, scope.windowZone)} – ${formatDayClock(scope.closesAt, scope.windowZone)} ${scope.windowZone}.`}
        actions={<Badge tone={scope.open ? "good" : "neutral"}>{scope.open ? "open" : scope.status}</Badge>}
      />
      <CardBody className="space-y-3">
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
        {scope.awards.length || scope.explanation ? (
          <div className="rounded-md bg-slate-50 p-3 text-sm" data-testid="my-award">
            <p className="font-medium">{scope.awards.length ? `You were awarded: ${scope.awards.map((a) => a.label).join("; ")}` : "You were not awarded a line."}</p>
            {scope.explanation ? <p className="mt-1 text-slate-700">{scope.explanation}</p> : null}
          </div>
        ) : null}
        {scope.hint ? <p className="text-sm text-brand-700" data-testid="rank-hint">{scope.hint}</p> : null}
        {scope.bid ? <p className="text-xs text-slate-500">{scope.bid.submittedAt ? `Submitted ${formatDayClock(scope.bid.submittedAt, zone)} (${zone}).` : "Saved as a draft: drafts are not awarded until you submit."}</p> : null}
        {lock ? <p className="text-xs text-slate-600">Your lock: {label.get(lock.lineId) ?? lock.lineId} — {scope.bid?.lockState}{scope.bid?.lockExpiresAt && scope.bid.lockState === "held" ? `, until ${formatDayClock(scope.bid.lockExpiresAt, zone)} ${zone}` : ""}.</p> : null}
        {scope.lines.length === 0 ? (
          <EmptyState title="No line you may bid on">This scope offers no line you are eligible for.</EmptyState>
        ) : (
          <div className="grid gap-4 md:grid-cols-2">
            <div>
              <h4 className="mb-1 text-xs font-semibold uppercase text-slate-500">Your ranking (drag or use the buttons)</h4>
              <ol className="space-y-1" aria-label={`Your ranking in ${scope.name}`}>
                {ranked.length === 0 ? <li className="text-sm text-slate-500">Add lines from the right.</li> : null}
                {ranked.map((id, i) => (
                  <li
                    key={id}
                    draggable={scope.open}
                    onDragStart={() => setDragged(id)}
                    onDragOver={(e) => e.preventDefault()}
                    onDrop={() => {
                      if (!dragged || dragged === id) return;
                      const next = ranked.filter((x) => x !== dragged);
                      next.splice(next.indexOf(id), 0, dragged);
                      setRanked(next);
                    }}
                    className="flex items-center gap-2 rounded-md border border-slate-200 bg-white px-2 py-1 text-sm"
                  >
                    <span className="w-6 tabular-nums text-slate-500">{i + 1}.</span>
                    <span className="flex-1">{label.get(id)}</span>
                    {scope.open ? (
                      <>
                        <Button size="sm" variant="ghost" aria-label={`Move ${label.get(id)} up`} disabled={i === 0} onClick={() => move(i, -1)}>↑</Button>
                        <Button size="sm" variant="ghost" aria-label={`Move ${label.get(id)} down`} disabled={i === ranked.length - 1} onClick={() => move(i, 1)}>↓</Button>
                        <Button size="sm" variant="ghost" aria-label={`Remove ${label.get(id)}`} onClick={() => setRanked(ranked.filter((x) => x !== id))}>✕</Button>
                      </>
                    ) : null}
                  </li>
                ))}
              </ol>
            </div>
            <div>
              <h4 className="mb-1 text-xs font-semibold uppercase text-slate-500">Lines you may bid on</h4>
              <ul className="space-y-1">
                {unranked.map((l) => (
                  <li key={l.id} className="flex items-center gap-2 rounded-md border border-dashed border-slate-300 px-2 py-1 text-sm">
                    <span className="flex-1">{l.label}</span>
                    {scope.open ? (
                      <>
                        <Button size="sm" variant="secondary" aria-label={`Rank ${l.label}`} onClick={() => setRanked([...ranked, l.id])}>Rank</Button>
                        <Button size="sm" variant="ghost" aria-label={`Lock ${l.label}`} onClick={() => act(lockBidLineAction({ scopeId: scope.id, lineId: l.id, commit: false }), `Locked for ${scope.lockDurationHours} h.`)}>Lock</Button>
                      </>
                    ) : null}
                  </li>
                ))}
                {ranked.map((id) =>
                  scope.open ? (
                    <li key={id} className="flex items-center gap-2 px-2 text-xs text-slate-500">
                      <span className="flex-1">{label.get(id)}</span>
                      <Button size="sm" variant="ghost" aria-label={`Lock ${label.get(id)}`} onClick={() => act(lockBidLineAction({ scopeId: scope.id, lineId: id, commit: false }), `Locked for ${scope.lockDurationHours} h.`)}>Lock</Button>
                    </li>
                  ) : null,
                )}
              </ul>
            </div>
          </div>
        )}
        {scope.open ? (
          <div className="flex flex-wrap gap-2">
            <Button variant="secondary" onClick={() => act(saveOwnBidAction({ scopeId: scope.id, preferences: prefs, submit: false }), "Draft saved.")}>Save draft</Button>
            <Button disabled={ranked.length === 0} onClick={() => act(saveOwnBidAction({ scopeId: scope.id, preferences: prefs, submit: true }), "Bid submitted.")}>Submit bid</Button>
            {lock && scope.bid?.lockState === "held" ? (
              <Button variant="secondary" onClick={() => act(lockBidLineAction({ scopeId: scope.id, lineId: lock.lineId, commit: true }), "Lock committed: the line is yours if you may still work it.")}>Commit my lock</Button>
            ) : null}
          </div>
        ) : null}
      </CardBody>
    </Card>
  );
}

export function MyBidsClient({ data, trades }: { data: MyBidding; trades: MyTrade[] }) {
  const zone = data.agent.timeZone;
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader title="My schedule" description={`Your shifts for the coming weeks, in your home zone (${zone}).`} />
        <CardBody>
          {data.shifts.length === 0 ? (
            <EmptyState title="No shifts scheduled">Shifts you are awarded appear here once published.</EmptyState>
          ) : (
            <ul className="grid gap-1 text-sm md:grid-cols-2" aria-label="My shifts">
              {data.shifts.map((s) => (
                <li key={s.id} className="flex justify-between rounded border border-slate-200 px-2 py-1">
                  <span>{formatDayClock(s.start, zone)}–{formatClock(s.end, zone)} <span className="text-xs text-slate-500">{zone}</span></span>
                  <span className="text-xs text-slate-500">{s.siteId}{data.siteZones[s.siteId] && data.siteZones[s.siteId] !== zone ? ` (site clock ${formatClock(s.start, data.siteZones[s.siteId])}–${formatClock(s.end, data.siteZones[s.siteId])} ${data.siteZones[s.siteId]})` : ""} · {s.status === "DRAFT" ? "draft" : "published"}</span>
                </li>
              ))}
            </ul>
          )}
        </CardBody>
      </Card>
      <OwnTrades agentId={data.agent.id} zone={zone} shifts={data.shifts} trades={trades} />
      {data.scopes.length === 0 ? <EmptyState title="No bidding for you right now">When a bid window you are eligible for opens, it appears here.</EmptyState> : data.scopes.map((s) => (
            <div key={s.id} data-testid="bid-scope" data-scope-name={s.name}>
              <ScopeBid scope={s} zone={zone} />
            </div>
          ))}
    </div>
  );
}
