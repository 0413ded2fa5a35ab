"use client";

import type { WebhookDeliveryView } from "@/lib/types/webhooks";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DataTable, Row } from "@/components/ui/table";
import { formatDayDateClock } from "@/components/ui/format";

const ZONE = "UTC";
const when = (iso: string | null) => (iso ? `${formatDayDateClock(Date.parse(iso), ZONE)} ${new Date(iso).getUTCFullYear()}` : "—");
const TONE = { delivered: "good", pending: "warn", failed: "bad" } as const;

/** One endpoint's latest deliveries (newest first), with Redeliver on a failed one. Times in UTC, said in the headers. */
export function WebhookDeliveryLog({ deliveries, busy, onRedeliver }: { deliveries: WebhookDeliveryView[]; busy: boolean; onRedeliver: (id: string) => void }) {
  if (deliveries.length === 0) return <p className="text-xs text-slate-500">No deliveries yet. Send a test event to try the endpoint.</p>;
  return (
    <DataTable label="Webhook deliveries" columns={["Event", "Status", "Attempts", "HTTP", "Created (UTC)", "Last attempt (UTC)", "Next attempt / delivered (UTC)", ""]}>
      {deliveries.map((d) => (
        <Row key={d.id}>
          <td className="px-2 py-1.5 font-mono text-xs">{d.eventType}</td>
          <td className="px-2 py-1.5">
            <Badge tone={TONE[d.status]}>{d.status}</Badge>
            {d.lastError ? (
              <span className="mt-0.5 block max-w-xs truncate text-xs text-slate-500" title={d.lastError}>
                {d.lastError}
              </span>
            ) : null}
          </td>
          <td className="px-2 py-1.5 tabular-nums">{d.attempts}</td>
          <td className="px-2 py-1.5 tabular-nums">{d.lastHttpStatus ?? "—"}</td>
          <td className="px-2 py-1.5">{when(d.createdAt)}</td>
          <td className="px-2 py-1.5">{when(d.lastAttemptAt)}</td>
          <td className="px-2 py-1.5">{d.status === "delivered" ? when(d.deliveredAt) : d.status === "pending" ? when(d.nextAttemptAt) : "—"}</td>
          <td className="px-2 py-1.5 text-right">
            {d.status === "failed" ? (
              <Button size="sm" variant="secondary" disabled={busy} onClick={() => onRedeliver(d.id)} aria-label={`Redeliver ${d.eventType} ${d.id}`}>
                Redeliver
              </Button>
            ) : null}
          </td>
        </Row>
      ))}
    </DataTable>
  );
}
