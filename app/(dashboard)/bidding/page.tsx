import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/current-user";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Bidding" };

export default async function BiddingPage() {
  await requirePageUser("/bidding");
  return (
    <>
      <PageHeader title="Bidding" description="Bid scopes by location and skill group, their waves, priorities and locks." />
      <EmptyState title="Nothing here yet">Bid scopes and their waves appear here.</EmptyState>
    </>
  );
}
