import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { can, siteScopeOf } from "@/lib/auth/checks";
import { safeText } from "@/lib/schemas/text";
import { requirePageUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { listSites } from "@/lib/services/reference/sites";
import { getReviewQueue } from "@/lib/services/trades/queue";
import { getTradeHistory } from "@/lib/services/trades/history";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatDayClock, formatClock } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/table";
import { ReviewQueue } from "@/components/trades/review-queue";
import { TradeRequestForm } from "@/components/trades/trade-request-form";
import { BulkTradeUpload } from "@/components/trades/bulk-trade-upload";

export const metadata: Metadata = { title: "Trades" };

const STATUSES = ["Approved", "Denied", "PendingReview", "Expired", "Canceled", "Unmatched", "Matched"] as const;
const filterSchema = z.object({
  status: z.enum(STATUSES).optional().catch(undefined),
  site: safeText().max(64).optional().catch(undefined),
  agent: safeText().max(64).optional().catch(undefined),
});

const STATUS_TONE: Record<string, "good" | "bad" | "warn" | "neutral"> = { Approved: "good", Denied: "bad", PendingReview: "warn" };

export default async function TradesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePageUser("/trades");
  const filter = filterSchema.parse(await searchParams);
  const db = await getDb();
  // A server component renders once per request: "now" is that request's time.
  // eslint-disable-next-line react-hooks/purity
  const now = Date.now();
  const reviews = can(user, "trades.queue.read");
  const reviewScope = siteScopeOf(user, "trades.queue.read");
  const [queue, history, sites] = await Promise.all([
    reviews ? getReviewQueue(db, user, now) : null,
    getTradeHistory(db, user, { status: filter.status, siteId: filter.site, agentId: filter.agent?.toUpperCase() }),
    listSites(db),
  ]);
  const zoneOf = new Map(sites.map((s) => [s.id, s.timeZone]));
  return (
    <>
      <PageHeader
        title="Trades"
        description={
          reviews
            ? `Pending trades for ${reviewScope ? `your site${reviewScope.length > 1 ? "s" : ""} (${reviewScope.join(", ")})` : "every site"}: what the engine found, the coverage each would change, and your decision.`
            : "Enter trades for agents; the engine approves safe ones at once and sends risky ones to the supervisors of the shift's site."
        }
      />
      <div className="space-y-6">
        {queue ? (
          <section aria-labelledby="queue-heading">
            <h2 id="queue-heading" className="mb-3 text-lg font-semibold">
              Review queue
            </h2>
            <ReviewQueue initial={queue} />
          </section>
        ) : null}
        {can(user, "trades.request") ? (
          <Card>
            <CardHeader title="New trade request" description="On an agent's behalf. Each shift's times are on its site's clock, with the zone named." />
            <CardBody>
              <TradeRequestForm siteZones={Object.fromEntries(zoneOf)} />
              {can(user, "trades.bulk") ? <BulkTradeUpload /> : null}
            </CardBody>
          </Card>
        ) : null}
        <Card>
          <CardHeader title="Trade history" description="Every request, its outcome, violations and decisions." />
          <CardBody>
            <form className="mb-3 flex flex-wrap items-end gap-3 text-xs font-medium text-slate-600" method="get">
              <label>
                Status
                <select name="status" defaultValue={filter.status ?? ""} className="mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm">
                  <option value="">Any</option>
                  {STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Site
                <select name="site" defaultValue={filter.site ?? ""} className="mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm">
                  <option value="">Any</option>
                  {sites
                    .filter((s) => can(user, "trades.read", s.id))
                    .map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.id}
                      </option>
                    ))}
                </select>
              </label>
              <label>
                Agent
                <input name="agent" defaultValue={filter.agent ?? ""} placeholder="AGENT-1001" className="mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
              </label>
              <button type="submit" className="rounded-md bg-white px-3 py-1.5 text-sm ring-1 ring-slate-300 hover:bg-slate-50">
                Filter
              </button>
              <Link href="/trades" className="py-1.5 text-sm text-brand-600 hover:underline">
                Clear
              </Link>
            </form>
            {history.length === 0 ? (
              <p className="text-sm text-slate-500">No trades match.</p>
            ) : (
                <DataTable label="Trade history" columns={["Requested", "Kind", "From → to", "Shift", "Site", "Status", "Violations", "Decisions"]}>
                    {history.map((t) => {
                      const zone = zoneOf.get(t.siteId) ?? "UTC";
                      return (
                        <tr key={t.id} className="border-t border-slate-100 align-top">
                          <td className="whitespace-nowrap px-2 py-1.5 tabular-nums">{t.createdAt.slice(0, 16).replace("T", " ")}</td>
                          <td className="px-2 py-1.5">{t.kind === "swap" ? "Swap" : "One-sided"}</td>
                          <td className="whitespace-nowrap px-2 py-1.5">
                            {t.initiatorAgentId} → {t.receiverAgentId}
                          </td>
                          <td className="whitespace-nowrap px-2 py-1.5 tabular-nums">
                            {formatDayClock(t.shiftStart, zone)}–{formatClock(t.shiftEnd, zone)}
                          </td>
                          <td className="px-2 py-1.5">{t.siteId}</td>
                          <td className="px-2 py-1.5">
                            <Badge tone={STATUS_TONE[t.status] ?? "neutral"}>{t.status}</Badge>
                          </td>
                          <td className="px-2 py-1.5 text-xs text-slate-600">
                            {t.violations.length === 0 ? (
                              "—"
                            ) : (
                              <ul className="space-y-0.5">
                                {t.violations.map((v) => (
                                  <li key={v}>{v}</li>
                                ))}
                              </ul>
                            )}
                          </td>
                          <td className="px-2 py-1.5 text-xs text-slate-600">
                            {t.decisions.map((d) => `${d.siteId}: ${d.decision} by ${d.by ?? "?"}${d.comment ? ` — “${d.comment}”` : ""}`).join("; ") || (t.status === "Approved" || t.status === "Denied" ? "System" : "—")}
                          </td>
                        </tr>
                      );
                    })}
                  </DataTable>
            )}
          </CardBody>
        </Card>
      </div>
    </>
  );
}
