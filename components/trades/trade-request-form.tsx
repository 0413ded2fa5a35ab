"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { requestTradeAction } from "@/lib/actions/trades/request-trade";
import { actionErrorText } from "@/lib/client/fetch-json";
import { errorProps, fieldErrors, type FieldErrors, type FieldLabels } from "@/lib/client/field-errors";
import { tradeRequestSchema } from "@/lib/schemas/trades";
import { FieldError } from "@/components/ui/field-error";
import { useAgentShifts, type AgentShiftOption } from "@/lib/client/hooks/shifts";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatClock, formatDayDateClock } from "@/components/ui/format";

type ShiftOption = AgentShiftOption;

/** The request's fields in the form's words, for its validation messages. */
export const TRADE_REQUEST_LABELS: FieldLabels = {
  initiatorAgentId: { label: "Initiating agent" },
  receiverAgentId: { label: "Receiving agent" },
  initiatorShiftId: { label: "Initiator's shift" },
  receiverShiftId: { label: "Receiver's shift" },
  initiatorShiftVersion: { label: "Initiator's shift" },
  receiverShiftVersion: { label: "Receiver's shift" },
  note: { label: "Note" },
  kind: { label: "Kind" },
};
/** Where each field's messages are shown (the versions travel with their shift). */
const SHOWN_AT: Record<string, string> = { initiatorShiftVersion: "initiatorShiftId", receiverShiftVersion: "receiverShiftId" };

const input = "mt-1 block w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm";

/** A shift as the form lists it: on its site's clock with the date and the zone, as the engine's messages name it. */
export function shiftOptionText(s: Pick<ShiftOption, "siteId" | "start" | "end">, siteZones: Record<string, string>): string {
  const zone = siteZones[s.siteId] ?? "UTC";
  return `${s.siteId} · ${formatDayDateClock(s.start, zone)}–${formatClock(s.end, zone)} (${zone})`;
}

function ShiftSelect({ label, agentId, value, onChange, siteZones, errors, field }: { label: string; agentId: string; value: string; onChange: (s: ShiftOption | null) => void; siteZones: Record<string, string>; errors: FieldErrors; field: string }) {
  const shifts = useAgentShifts(agentId);
  return (
    <div>
    <label className="text-xs font-medium text-slate-600">
      {label}
      <select
        aria-label={label}
        {...errorProps(errors, field, `err-${field}`)}
        className={input}
        value={value}
        disabled={!shifts.data?.length}
        onChange={(e) => onChange(shifts.data?.find((s) => s.id === e.target.value) ?? null)}
      >
        <option value="">{shifts.isFetching ? "Loading…" : shifts.data ? (shifts.data.length ? "Pick a shift" : "No upcoming shifts") : "Enter the agent first"}</option>
        {shifts.data?.map((s) => (
          <option key={s.id} value={s.id}>
            {shiftOptionText(s, siteZones)}
          </option>
        ))}
      </select>
    </label>
    <FieldError id={`err-${field}`} messages={errors[field]} />
    </div>
  );
}

/** A planner enters a trade on an agent's behalf; the engine answers at once. */
export function TradeRequestForm({ siteZones }: { siteZones: Record<string, string> }) {
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
  const [errors, setErrors] = useState<FieldErrors>({});

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const request = {
      kind,
      initiatorAgentId: initiator.trim().toUpperCase(),
      initiatorShiftId: initiatorShift?.id ?? "",
      initiatorShiftVersion: initiatorShift?.version ?? 0,
      receiverAgentId: receiver.trim().toUpperCase(),
      receiverShiftId: kind === "swap" ? (receiverShift?.id ?? "") : undefined,
      receiverShiftVersion: kind === "swap" ? receiverShift?.version : undefined,
      note: note || undefined,
    };
    // The server's schema first: every problem under its input, in the form's words.
    const checked = tradeRequestSchema.safeParse(request);
    if (!checked.success) {
      const found: FieldErrors = {};
      for (const [k, list] of Object.entries(fieldErrors(checked.error, TRADE_REQUEST_LABELS))) (found[SHOWN_AT[k] ?? k] ??= []).push(...list.filter((m) => !found[SHOWN_AT[k] ?? k]?.includes(m)));
      setErrors(found);
      setOutcome(null);
      return;
    }
    setErrors({});
    setPending(true);
    const result = await requestTradeAction(request);
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
          <input aria-label="Initiating agent" className={input} placeholder="AGENT-1001" value={initiator} onChange={(e) => setInitiator(e.target.value)} {...errorProps(errors, "initiatorAgentId", "err-initiatorAgentId")} />
          <FieldError id="err-initiatorAgentId" messages={errors.initiatorAgentId} />
        </label>
        <label className="text-xs font-medium text-slate-600">
          Receiving agent
          <input aria-label="Receiving agent" className={input} placeholder="AGENT-1002" value={receiver} onChange={(e) => setReceiver(e.target.value)} {...errorProps(errors, "receiverAgentId", "err-receiverAgentId")} />
          <FieldError id="err-receiverAgentId" messages={errors.receiverAgentId} />
        </label>
        <ShiftSelect label="Initiator's shift" agentId={initiator} value={initiatorShift?.id ?? ""} onChange={setInitiatorShift} siteZones={siteZones} errors={errors} field="initiatorShiftId" />
        {kind === "swap" ? <ShiftSelect label="Receiver's shift" agentId={receiver} value={receiverShift?.id ?? ""} onChange={setReceiverShift} siteZones={siteZones} errors={errors} field="receiverShiftId" /> : <div />}
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
