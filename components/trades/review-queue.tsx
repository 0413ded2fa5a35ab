"use client";

import { useState } from "react";
import type { QueueItem } from "@/lib/types/trades";
import { useBrowserZone } from "@/lib/client/hooks/browser-zone";
import { useDecideTrade, useReviewQueue, type ReviewQueueData } from "@/lib/client/hooks/trades";
import { TradeImpactChart, type ImpactPoint } from "@/components/charts/trade-impact-chart";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDayDateClock, formatClock } from "@/components/ui/format";

const POLICY_TONE = { Disallow: "bad", AdminReview: "warn", Allow: "neutral" } as const;

/** The supervisor's queue: refreshes itself every 15 s so two supervisors see each other's decisions. */
export function ReviewQueue({ initial }: { initial: ReviewQueueData }) {
  const query = useReviewQueue(initial);
  // Outcomes live here, not on the card: a decided trade leaves the queue on the next refresh.
  const [decided, setDecided] = useState<{ id: string; text: string }[]>([]);
  const data = query.data;
  // The refresh time is the browser's clock in the browser's zone: shown after hydration only.
  const zone = useBrowserZone();
  return (
    <div className="space-y-4">
      {decided.length ? (
        <div role="status" aria-label="Decisions" className="space-y-1">
          {decided.map((d) => (
            <Alert key={d.id} tone="success">
              {d.text}
            </Alert>
          ))}
        </div>
      ) : null}
      {data.alerts.map((a) => (
        <Alert key={a.siteId} tone="warning" title={`Trade rate exceeded at ${a.siteId}`}>
          {a.approved} trades approved in the last {a.windowHours} h (limit {a.limit}). New trades at {a.siteId} go to review until the rate drops.
        </Alert>
      ))}
      {query.isError ? <Alert tone="error">Could not refresh the queue: {(query.error as Error).message}</Alert> : null}
      {data.items.length === 0 ? (
        <EmptyState title="No trades waiting for you">Trades the engine cannot approve on its own appear here for the supervisors of the site where the shift is worked.</EmptyState>
      ) : (
        data.items.map((item) => <ReviewCard key={item.id} item={item} onDecided={(text) => setDecided((list) => [{ id: item.id, text }, ...list].slice(0, 5))} />)
      )}
      <p className="text-xs text-slate-500" aria-live="polite">
        {query.isFetching ? "Refreshing…" : zone ? `Updated ${formatClock(query.dataUpdatedAt, zone)} (${zone})` : "Up to date"}
      </p>
    </div>
  );
}

function ReviewCard({ item, onDecided }: { item: QueueItem; onDecided: (text: string) => void }) {
  const [comment, setComment] = useState("");
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const site = item.mySites[0] ?? null;
  const zone = item.shifts[0]?.timeZone ?? "UTC";

  const decide = useDecideTrade({
    onSuccess: (data) => {
      setMessage({ tone: "success", text: data.message });
      onDecided(`${item.initiator.id} ${item.kind === "swap" ? "↔" : "→"} ${item.receiver.id}: ${data.message}`);
    },
    onError: (e) => setMessage({ tone: "error", text: e.message }),
  });
  const decideAs = (decision: "approve" | "reject") => decide.mutate({ tradeId: item.id, siteId: site!, decision, comment: comment || undefined });

  const bySkill = new Map<string, ImpactPoint[]>();
  for (const p of item.coverageImpact) {
    const list = bySkill.get(p.skillId) ?? [];
    list.push({ intervalStart: p.intervalStart, required: p.required, before: p.before, after: p.after });
    bySkill.set(p.skillId, list);
  }

  return (
    <Card data-testid="review-card" aria-label={`Trade ${item.initiator.id} to ${item.receiver.id}`}>
      <CardBody className="space-y-3">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div>
            <p className="font-semibold">
              {item.kind === "swap" ? "Swap" : "One-sided"}: {item.initiator.name} ({item.initiator.id}, {item.initiator.siteId}) {item.kind === "swap" ? "↔" : "→"} {item.receiver.name} ({item.receiver.id}, {item.receiver.siteId})
            </p>
            <ul className="mt-1 text-sm text-slate-600">
              {item.shifts.map((s) => (
                <li key={s.id} data-shift-start={new Date(s.start).toISOString()}>
                  {s.role === "initiator" ? `${item.initiator.id}'s shift` : `${item.receiver.id}'s shift`} at {s.siteId}: {formatDayDateClock(s.start, s.timeZone)}–{formatClock(s.end, s.timeZone)} ({s.timeZone})
                </li>
              ))}
            </ul>
            {item.note ? <p className="mt-1 text-sm italic text-slate-600">“{item.note}”</p> : null}
          </div>
          <div className="flex flex-wrap gap-1">
            {item.reviewSites.map((s) => (
              <Badge key={s.siteId} tone={s.decision === "approve" ? "good" : s.decision === "reject" ? "bad" : "info"}>
                {s.siteId}: {s.decision ? `${s.decision}d by ${s.decidedBy ?? "?"}` : "waiting"}
              </Badge>
            ))}
          </div>
        </div>
        <ul className="space-y-1" aria-label="Violations">
          {item.violations.map((v, i) => (
            <li key={`${v.type}-${i}`} className="flex gap-2 text-sm">
              <Badge tone={POLICY_TONE[v.policy as keyof typeof POLICY_TONE] ?? "neutral"}>{v.type}</Badge>
              <span>{v.message}</span>
            </li>
          ))}
        </ul>
        {bySkill.size > 0 ? (
          <div className="grid gap-3 md:grid-cols-2">
            {[...bySkill].map(([skillId, points]) => (
              <TradeImpactChart key={skillId} skillId={skillId} points={points} timeZone={zone} />
            ))}
          </div>
        ) : null}
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
        {site ? (
          <div className="flex flex-wrap items-end gap-2">
            <label className="min-w-64 flex-1 text-xs font-medium text-slate-600">
              Comment {item.mySites.length > 1 ? `(deciding for ${site})` : ""}
              <textarea
                aria-label="Comment"
                className="mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm"
                rows={2}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
                placeholder="Required to reject; the agents will see it."
              />
            </label>
            <Button onClick={() => decideAs("approve")} disabled={decide.isPending}>
              Approve
            </Button>
            <Button variant="danger" onClick={() => decideAs("reject")} disabled={decide.isPending}>
              Reject
            </Button>
          </div>
        ) : null}
      </CardBody>
    </Card>
  );
}
