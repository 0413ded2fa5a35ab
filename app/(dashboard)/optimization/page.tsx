import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/current-user";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Optimization" };

export default async function OptimizationPage() {
  await requirePageUser("/optimization");
  return (
    <>
      <PageHeader title="Optimization" description="Launch an optimization that recommends shifts to close the gaps, and review its answer." />
      <EmptyState title="Nothing here yet">Optimization runs and their recommendations will appear here.</EmptyState>
    </>
  );
}
