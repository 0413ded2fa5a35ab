"use client";

import { ShownOnceSecret } from "./shown-once-secret";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { createWebhookAction } from "@/lib/actions/webhooks/create-webhook";
import { deleteWebhookAction } from "@/lib/actions/webhooks/delete-webhook";
import { redeliverWebhookAction } from "@/lib/actions/webhooks/redeliver-webhook";
import { sendTestWebhookAction } from "@/lib/actions/webhooks/send-test-webhook";
import { setWebhookActiveAction } from "@/lib/actions/webhooks/set-webhook-active";
import { actionErrorText } from "@/lib/client/fetch-json";
import { WEBHOOK_EVENTS, type WebhookEventType } from "@/lib/domain/webhooks";
import type { WebhookEndpointView } from "@/lib/types/webhooks";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDayDateClock } from "@/components/ui/format";
import { WebhookDeliveryLog } from "./webhook-delivery-log";

const field = "mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm";
const EVENT_LABELS: Record<WebhookEventType, string> = {
  "import.completed": "import.completed — a shift or demand file was committed",
  "trade.decided": "trade.decided — a trade was approved or denied",
  "optimization.completed": "optimization.completed — an optimization run finished",
  "bid.awarded": "bid.awarded — a bid period's award run finished",
};

type Outcome = { status: string; httpStatus: number | null; error: string | null; retryAt: string | null } | undefined;
const outcomeText = (o: Outcome) =>
  !o
    ? "No answer from the server."
    : o.status === "delivered"
      ? `Delivered: the endpoint answered ${o.httpStatus}.`
      : `${o.error ?? "Not delivered."}${o.retryAt ? ` Next attempt ${formatDayDateClock(Date.parse(o.retryAt), "UTC")} UTC.` : ""}`;

/**
 * Settings → Webhooks: register an endpoint (its signing secret shown once, with a copy
 * button, like API tokens), then per endpoint: disable/enable, send a test event, delete
 * after a confirm, and the delivery log with Redeliver on a failed delivery.
 */
export function WebhooksSection({ endpoints }: { endpoints: WebhookEndpointView[] }) {
  const router = useRouter();
  const [form, setForm] = useState({ url: "", events: [] as WebhookEventType[] });
  const [created, setCreated] = useState<{ secret: string; url: string } | null>(null);
  const [status, setStatus] = useState<{ tone: "success" | "error" | "warning"; text: string } | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run<T>(call: () => Promise<T>, after: (result: T) => void) {
    setBusy(true);
    setStatus(null);
    try {
      after(await call());
    } finally {
      setBusy(false);
      router.refresh();
    }
  }

  const create = (e: React.FormEvent) => {
    e.preventDefault();
    void run(
      () => createWebhookAction({ url: form.url, events: form.events }),
      (result) => {
        const error = actionErrorText(result);
        if (error || !result?.data) return setStatus({ tone: "error", text: error ?? "No answer from the server." });
        setCreated({ secret: result.data.secret, url: result.data.view.url });
        setForm({ url: "", events: [] });
      },
    );
  };

  const toggle = (ep: WebhookEndpointView) =>
    run(
      () => setWebhookActiveAction({ endpointId: ep.id, active: !ep.active }),
      (result) => {
        const error = actionErrorText(result);
        setStatus(error ? { tone: "error", text: error } : { tone: "success", text: `${ep.url} is ${ep.active ? "disabled: it gets no new events" : "enabled"}.` });
      },
    );

  const remove = (ep: WebhookEndpointView) =>
    run(
      () => deleteWebhookAction({ endpointId: ep.id }),
      (result) => {
        setConfirming(null);
        const error = actionErrorText(result);
        setStatus(error ? { tone: "error", text: error } : { tone: "success", text: `Deleted ${ep.url} and its delivery log.` });
      },
    );

  const sendTest = (ep: WebhookEndpointView) =>
    run(
      () => sendTestWebhookAction({ endpointId: ep.id }),
      (result) => {
        const error = actionErrorText(result);
        if (error) return setStatus({ tone: "error", text: error });
        setStatus({ tone: result?.data?.status === "delivered" ? "success" : "warning", text: `Test event to ${ep.url}: ${outcomeText(result?.data)}` });
      },
    );

  const redeliver = (deliveryId: string) =>
    run(
      () => redeliverWebhookAction({ deliveryId }),
      (result) => {
        const error = actionErrorText(result);
        if (error) return setStatus({ tone: "error", text: error });
        setStatus({ tone: result?.data?.status === "delivered" ? "success" : "warning", text: `Redelivery: ${outcomeText(result?.data)}` });
      },
    );


  return (
    <div className="space-y-4">
      <form onSubmit={create} className="space-y-3 text-xs font-medium text-slate-600" aria-label="New webhook endpoint">
        <label className="block">
          Endpoint URL (https)
          <input required type="url" maxLength={2048} className={`${field} w-full max-w-xl`} value={form.url} placeholder="https://hooks.example.com/shiftboard" onChange={(e) => setForm({ ...form, url: e.target.value })} />
        </label>
        <fieldset className="space-y-1">
          <legend>Events</legend>
          {WEBHOOK_EVENTS.map((ev) => (
            <label key={ev} className="flex items-center gap-2 font-normal">
              <input type="checkbox" checked={form.events.includes(ev)} onChange={(e) => setForm({ ...form, events: e.target.checked ? [...form.events, ev] : form.events.filter((x) => x !== ev) })} />
              {EVENT_LABELS[ev]}
            </label>
          ))}
        </fieldset>
        <Button type="submit" size="sm" disabled={busy || form.events.length === 0}>
          Add endpoint
        </Button>
      </form>

      {created ? (
        <ShownOnceSecret
          title={`Endpoint ${created.url} added: copy its signing secret now, it will not be shown again.`}
          label="Signing secret"
          value={created.secret}
          onDone={() => setCreated(null)}
          onCopyFailed={() => setStatus({ tone: "error", text: "The browser did not allow copying; select the secret and copy it by hand." })}
        >
          <p className="mt-2 text-xs">
            Each delivery carries <code>Shiftboard-Signature: t=…,v1=…</code>: the hex HMAC-SHA256 of <code>t.body</code> under this secret. The README&apos;s &quot;Integrate&quot; section shows how to check it.
          </p>
        </ShownOnceSecret>
      ) : null}
      {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}

      {endpoints.length === 0 ? (
        <EmptyState title="No webhook endpoints yet">Add one above to be told of imports, trade decisions, optimization runs and bid awards as they happen.</EmptyState>
      ) : (
        <ul className="space-y-4">
          {endpoints.map((ep) => (
            <li key={ep.id} className="rounded-md border border-slate-200 p-3" aria-label={`Webhook ${ep.url}`}>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <div>
                  <span className="font-mono text-sm">{ep.url}</span> <Badge tone={ep.active ? "good" : "neutral"}>{ep.active ? "active" : "disabled"}</Badge>
                  <span className="block text-xs text-slate-500">
                    {ep.events.join(", ")} · secret {ep.secretPrefix}… · added {formatDayDateClock(Date.parse(ep.createdAt), "UTC")} UTC by {ep.createdBy ?? "—"}
                  </span>
                </div>
                <span className="inline-flex flex-wrap gap-2">
                  <Button size="sm" variant="secondary" disabled={busy || !ep.active} onClick={() => sendTest(ep)}>
                    Send test event
                  </Button>
                  <Button size="sm" variant="secondary" disabled={busy} onClick={() => toggle(ep)}>
                    {ep.active ? "Disable" : "Enable"}
                  </Button>
                  {confirming === ep.id ? (
                    <>
                      <Button size="sm" variant="danger" disabled={busy} onClick={() => remove(ep)}>
                        Delete this endpoint and its log
                      </Button>
                      <Button size="sm" variant="ghost" onClick={() => setConfirming(null)}>
                        Cancel
                      </Button>
                    </>
                  ) : (
                    <Button size="sm" variant="secondary" onClick={() => setConfirming(ep.id)} aria-label={`Delete ${ep.url}…`}>
                      Delete…
                    </Button>
                  )}
                </span>
              </div>
              <details className="mt-2">
                <summary className="cursor-pointer text-xs font-medium text-slate-600">Latest deliveries ({ep.deliveries.length})</summary>
                <div className="mt-2">
                  <WebhookDeliveryLog deliveries={ep.deliveries} busy={busy} onRedeliver={redeliver} />
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
