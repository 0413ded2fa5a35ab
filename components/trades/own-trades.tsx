"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { MyTrade } from "@/lib/types/trades";
import type { Shift } from "@/lib/domain/types";
import { requestOwnTradeAction } from "@/lib/actions/trades/request-own-trade";
import { cancelOwnTradeAction } from "@/lib/actions/trades/cancel-own-trade";
import { colleagueShiftsAction } from "@/lib/actions/trades/colleague-shifts";
import { actionErrorText } from "@/lib/client/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatClock, formatDayClock } from "@/components/ui/format";

const input = "mt-1 block w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm";
const label = "text-xs font-medium text-slate-600";
const TONE: Record<string, "good" | "bad" | "neutral" | "info"> = { Approved: "good", Denied: "bad", PendingReview: "info" };

type Theirs = { id: string; siteId: string; start: number; end: number; version: number };

/**
 * An agent's trades: file a swap or a one-sided trade of one of their own coming shifts
 * through the trade engine, see each request's outcome in plain words, cancel an open one.
 */
export function OwnTrades({ agentId, zone, shifts, trades }: { agentId: string; zone: string; shifts: Shift[]; trades: MyTrade[] }) {
  const router = useRouter();
  const [kind, setKind] = useState<"oneSided" | "swap">("oneSided");
  const [shiftId, setShiftId] = useState("");
  const [receiver, setReceiver] = useState("");
  const [theirs, setTheirs] = useState<Theirs[] | null>(null);
  const [theirShiftId, setTheirShiftId] = useState("");
  const [note, setNote] = useState("");
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const coming = shifts.filter((s) => s.status === "PUBLISHED");
  const when = (start: number, end: number) => `${formatDayClock(start, zone)}–${formatClock(end, zone)} ${zone}`;

  async function loadTheirs() {
    setTheirs(null);
    setTheirShiftId("");
    const r = await colleagueShiftsAction({ agentId: receiver });
    const err = actionErrorText(r);
    if (err) setMessage({ tone: "error", text: err });
    else setTheirs(r?.data?.shifts ?? []);
  }

  async function file() {
    const mine = coming.find((s) => s.id === shiftId);
    if (!mine) return;
    const other = theirs?.find((s) => s.id === theirShiftId);
    setBusy(true);
    setMessage(null);
    const r = await requestOwnTradeAction({
      kind,
      initiatorAgentId: agentId,
      initiatorShiftId: mine.id,
      initiatorShiftVersion: mine.version,
      receiverAgentId: receiver,
      ...(kind === "swap" && other ? { receiverShiftId: other.id, receiverShiftVersion: other.version } : {}),
      note: note || undefined,
    });
    setBusy(false);
    const err = actionErrorText(r);
    if (err) return setMessage({ tone: "error", text: err });
    const status = r?.data?.status;
    setMessage({ tone: status === "Denied" ? "error" : "success", text: status === "Approved" ? "Approved and applied." : status === "Denied" ? "Refused by the trade rules — see below why." : "Filed: waiting for a supervisor's review." });
    setNote("");
    router.refresh();
  }

  async function cancel(t: MyTrade) {
    if (!window.confirm(`Cancel your request to trade the shift of ${when(t.shiftStart, t.shiftEnd)}?`)) return;
    const r = await cancelOwnTradeAction({ tradeId: t.id });
    const err = actionErrorText(r);
    setMessage(err ? { tone: "error", text: err } : { tone: "success", text: "Request canceled." });
    if (!err) router.refresh();
  }

  return (
    <Card>
      <CardHeader title="My trades" description={`Offer one of your shifts or swap it with a colleague; the trade rules decide at once or a supervisor reviews it. Times in ${zone}.`} />
      <CardBody className="space-y-4">
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
        {coming.length === 0 ? (
          <EmptyState title="No published shift to trade">Only published shifts can be traded.</EmptyState>
        ) : (
          <form
            aria-label="Request a trade"
            className="grid gap-3 md:grid-cols-3"
            onSubmit={(e) => {
              e.preventDefault();
              void file();
            }}
          >
            <label className={label}>
              Kind
              <select className={input} value={kind} onChange={(e) => setKind(e.target.value as "oneSided" | "swap")}>
                <option value="oneSided">give my shift away (one-sided)</option>
                <option value="swap">swap with a colleague&apos;s shift</option>
              </select>
            </label>
            <label className={label}>
              My shift
              <select className={input} value={shiftId} onChange={(e) => setShiftId(e.target.value)}>
                <option value="">Choose a shift</option>
                {coming.map((s) => (
                  <option key={s.id} value={s.id}>{when(s.start, s.end)} · {s.siteId}</option>
                ))}
              </select>
            </label>
            <label className={label}>
              Colleague (agent id)
              <input className={input} value={receiver} onChange={(e) => { setReceiver(e.target.value.trim()); setTheirs(null); }} placeholder="AGENT-1002" />
            </label>
            {kind === "swap" ? (
              <div className="flex items-end gap-2 md:col-span-2">
                <label className={`${label} flex-1`}>
                  Their shift
                  <select className={input} value={theirShiftId} onChange={(e) => setTheirShiftId(e.target.value)} disabled={!theirs}>
                    <option value="">{theirs ? (theirs.length ? "Choose their shift" : "They have no coming shift") : "Look up their shifts first"}</option>
                    {(theirs ?? []).map((s) => (
                      <option key={s.id} value={s.id}>{when(s.start, s.end)} · {s.siteId}</option>
                    ))}
                  </select>
                </label>
                <Button size="sm" variant="secondary" disabled={!receiver} onClick={() => void loadTheirs()}>Look up their shifts</Button>
              </div>
            ) : null}
            <label className={`${label} md:col-span-2`}>
              Note (optional)
              <input className={input} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
            </label>
            <div className="flex items-end">
              <Button type="submit" disabled={busy || !shiftId || !receiver || (kind === "swap" && !theirShiftId)}>{busy ? "Filing…" : "Request trade"}</Button>
            </div>
          </form>
        )}
        {trades.length === 0 ? (
          <p className="text-sm text-slate-500">No trade requests yet.</p>
        ) : (
          <ul className="space-y-2" aria-label="My trade requests">
            {trades.map((t) => (
              <li key={t.id} className="flex flex-wrap items-center gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm" data-testid="my-trade">
                <Badge tone={TONE[t.status] ?? "neutral"}>{t.status}</Badge>
                <span className="font-medium">
                  {t.mine ? (t.kind === "swap" ? `Swap with ${t.otherAgentId}` : `Offered to ${t.otherAgentId}`) : `From ${t.otherAgentId}`}
                </span>
                <span className="text-slate-600">{when(t.shiftStart, t.shiftEnd)} · {t.siteId}</span>
                <span className="w-full text-slate-700">{t.outcome}</span>
                {t.cancelable ? (
                  <Button size="sm" variant="ghost" onClick={() => void cancel(t)}>Cancel request</Button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
