import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { addDays } from "@/lib/domain/time";
import { latestOptimizationRunId } from "@/lib/services/optimization/runs";
import { defaultFrom } from "@/lib/services/coverage/schedule";
import { PageHeader } from "@/components/ui/page-header";
import { OptimizationClient } from "@/components/optimization/optimization-client";

export const metadata: Metadata = { title: "Optimization" };

export default async function OptimizationPage() {
  await requirePageUser("/optimization");
  const db = await getDb();
  // Open on the same week the coverage page opens on.
  const [recentId, from] = await Promise.all([latestOptimizationRunId(db), defaultFrom(db, new Date().toISOString().slice(0, 10))]);
  return (
    <>
      <PageHeader title="Optimization" description="Recommend shifts that close the gaps, and see how much they close, what they cost in overtime, and what is still short." />
      <OptimizationClient defaultFrom={from} defaultTo={addDays(from, 6)} initialJobId={recentId} />
    </>
  );
}
