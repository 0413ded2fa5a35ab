"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { requestTradeAction } from "@/lib/actions/trades/request-trade";
import { actionErrorText } from "@/lib/client/fetch-json";
import { useAgentShifts, type AgentShiftOption } from "@/lib/client/hooks/shifts";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatDayClock, formatClock } from "@/components/ui/format";

type ShiftOption = AgentShiftOption;

const input = "mt-1 block w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm";

function ShiftSelect({ label, agentId, value, onChange }: { label: string; agentId: string; value: string; onChange: (s: ShiftOption | null) => void }) {
  const shifts = useAgentShifts(agentId);
  return (
    <label className="text-xs font-medium text-slate-600">
      {label}
      <select
        aria-label={label}
        className={input}
        value={value}
        disabled={!shifts.data?.length}
        onChange={(e) => onChange(shifts.data?.find((s) => s.id === e.target.value) ?? null)}
      >
        <option value="">{shifts.isFetching ? "Loading…" : shifts.data ? (shifts.data.length ? "Pick a shift" : "No upcoming shifts") : "Enter the agent first"}</option>
        {shifts.data?.map((s) => (
          <option key={s.id} value={s.id}>
            {s.siteId} · {formatDayClock(s.start, "UTC")}–{formatClock(s.end, "UTC")} UTC
          </option>
        ))}
      </select>
    </label>
  );
}

/** A planner enters a trade on an agent's behalf; the engine answers at once. */
export function TradeRequestForm() {
  const router = useRouter();
  const client = useQueryClient();
  const [kind, setKind] = useState<"swap" | "oneSided">("swap");
  const [initiator, setInitiator] = useState("");
  const [receiver, setReceiver] = useState("");
  const [initiatorShift, setInitiatorShift] = useState<ShiftOption | null>(null);
  const [receiverShift, setReceiverShift] = useState<ShiftOption | null>(null);
  const [note, setNote] = useState("");
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<{ tone: "success" | "warning" | "error"; title: string; lines: string[] } | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!initiatorShift) return setOutcome({ tone: "error", title: "Pick the initiator's shift.", lines: [] });
    setPending(true);
    const result = await requestTradeAction({
      kind,
      initiatorAgentId: initiator.trim().toUpperCase(),
      initiatorShiftId: initiatorShift.id,
      initiatorShiftVersion: initiatorShift.version,
      receiverAgentId: receiver.trim().toUpperCase(),
      receiverShiftId: kind === "swap" ? receiverShift?.id : undefined,
      receiverShiftVersion: kind === "swap" ? receiverShift?.version : undefined,
      note: note || undefined,
    });
    setPending(false);
    const error = actionErrorText(result);
    if (error) return setOutcome({ tone: "error", title: error, lines: [] });
    const data = result!.data!;
    setOutcome({
      tone: data.status === "Approved" ? "success" : data.status === "Denied" ? "error" : "warning",
      title: data.status === "Approved" ? "Approved and applied" : data.status === "Denied" ? "Denied" : `Sent to review at ${data.reviewSiteIds.join(" and ")}`,
      lines: data.violations.map((v) => `${v.type} (${v.policy}): ${v.message}`),
    });
    void client.invalidateQueries();
    router.refresh();
  }

  return (
    <form onSubmit={submit} className="space-y-3" aria-label="New trade request">
      <div className="grid gap-3 md:grid-cols-2">
        <label className="text-xs font-medium text-slate-600">
          Kind
          <select aria-label="Kind" className={input} value={kind} onChange={(e) => setKind(e.target.value as "swap" | "oneSided")}>
            <option value="swap">Swap (shifts change hands both ways)</option>
            <option value="oneSided">One-sided (give a shift away)</option>
          </select>
        </label>
        <label className="text-xs font-medium text-slate-600">
          Note
          <input aria-label="Note" className={input} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
        </label>
        <label className="text-xs font-medium text-slate-600">
          Initiating agent
          <input aria-label="Initiating agent" className={input} placeholder="AGENT-1001" value={initiator} onChange={(e) => setInitiator(e.target.value)} />
        </label>
        <label className="text-xs font-medium text-slate-600">
          Receiving agent
          <input aria-label="Receiving agent" className={input} placeholder="AGENT-1002" value={receiver} onChange={(e) => setReceiver(e.target.value)} />
        </label>
        <ShiftSelect label="Initiator's shift" agentId={initiator} value={initiatorShift?.id ?? ""} onChange={setInitiatorShift} />
        {kind === "swap" ? <ShiftSelect label="Receiver's shift" agentId={receiver} value={receiverShift?.id ?? ""} onChange={setReceiverShift} /> : <div />}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Evaluating…" : "Request trade"}
      </Button>
      {outcome ? (
        <Alert tone={outcome.tone} title={outcome.title}>
          {outcome.lines.length ? (
            <ul className="list-disc pl-5">
              {outcome.lines.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      <p className="text-xs text-slate-500">
        <Badge tone="good">Approved</Badge> trades are applied at once; <Badge tone="warn">PendingReview</Badge> goes to the supervisors of the site where the shift is worked.
      </p>
    </form>
  );
}
