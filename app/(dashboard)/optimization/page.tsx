import type { Metadata } from "next";
import Link from "next/link";
import { requirePageUser } from "@/lib/auth/current-user";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Optimization" };

export default async function OptimizationPage() {
  await requirePageUser("/optimization");
  return (
    <>
      <PageHeader title="Optimization" description="Launch an optimization that recommends shifts to close the gaps, and see how good its answer is." />
      <EmptyState
        title="No optimization runs yet"
        action={
          <Link href="/coverage" className="text-sm font-medium text-brand-600 hover:underline">
            See the gaps it will work on →
          </Link>
        }
      >
        Runs launched here will list their recommended shifts per agent, the coverage they add, the overtime they cost, the LP bound and optimality
        gap, and every requirement they could not meet. The gap table on Coverage shows what the optimizer will be asked to close.
      </EmptyState>
    </>
  );
}
