import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { listBidScopeSummaries } from "@/lib/services/bidding/list-scopes";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable, Row } from "@/components/ui/table";

export const metadata: Metadata = { title: "Bidding" };

export default async function BiddingPage() {
  await requirePageUser("/bidding");
  const db = await getDb();
  const scopes = await listBidScopeSummaries(db);
  return (
    <>
      <PageHeader title="Bidding" description="Bid scopes isolated by location and skill group, with eligibility, static priority, waves and expiring locks." />
      {scopes.length === 0 ? (
        <EmptyState title="No bid scopes yet">Bid scopes will appear here with their locations, skill groups, wave and lock timeout.</EmptyState>
      ) : (
        <Card>
          <CardHeader title="Bid scopes" description="Editing, the scope linter and wave resolution come next; this is what is configured." />
          <CardBody>
            <DataTable label="Bid scopes" columns={["Wave", "Scope", "Locations", "Skill groups", "Priority", "Lock timeout", "Period from", "Status"]}>
                {scopes.map((s) => (
                  <Row key={s.id}>
                    <td className="px-2 py-1.5 tabular-nums">{s.wave}</td>
                    <td className="px-2 py-1.5 font-medium">{s.name}</td>
                    <td className="px-2 py-1.5">{s.locations.join(", ")}</td>
                    <td className="px-2 py-1.5">{s.skillGroups.join(", ")}</td>
                    <td className="px-2 py-1.5">{s.priorityKind ?? "—"}</td>
                    <td className="px-2 py-1.5 tabular-nums">{s.lockTimeoutHours} h</td>
                    <td className="px-2 py-1.5 tabular-nums">{s.schedulePeriodStart}</td>
                    <td className="px-2 py-1.5">
                      <Badge tone={s.status === "open" ? "good" : "neutral"}>{s.status}</Badge>
                    </td>
                  </Row>
                ))}
              </DataTable>
          </CardBody>
        </Card>
      )}
    </>
  );
}
