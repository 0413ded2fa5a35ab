import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/current-user";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Trades" };

export default async function TradesPage() {
  await requirePageUser("/trades");
  return (
    <>
      <PageHeader title="Trades" description="Shift trades" />
      <EmptyState title="Nothing here yet"> what the engine approved, denied, and what waits for a supervisor.:Pending trades for your sites appear here, with their violations in plain words.</EmptyState>
    </>
  );
}
