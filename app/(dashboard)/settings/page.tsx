import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/current-user";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requirePageUser("/settings");
  return (
    <>
      <PageHeader title="Settings" description="Trading policies, staffing targets, gap thresholds and the CXone connection." />
      <EmptyState title="Nothing here yet">Settings for trading, staffing and the CXone connection appear here.</EmptyState>
    </>
  );
}
