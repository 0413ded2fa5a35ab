import type { Metadata } from "next";
import { requirePageUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { listJobs } from "@/lib/jobs/queue";
import { addDays } from "@/lib/domain/time";
import { OPTIMIZATION_JOB } from "@/lib/services/optimization";
import { defaultFrom } from "@/lib/services/coverage";
import { PageHeader } from "@/components/ui/page-header";
import { OptimizationClient } from "@/components/optimization/optimization-client";

export const metadata: Metadata = { title: "Optimization" };

export default async function OptimizationPage() {
  await requirePageUser("/optimization");
  const db = await getDb();
  // Open on the same week the coverage page opens on.
  const [recent, from] = await Promise.all([listJobs(db, OPTIMIZATION_JOB, 1), defaultFrom(db, new Date().toISOString().slice(0, 10))]);
  return (
    <>
      <PageHeader title="Optimization" description="Recommend shifts that close the gaps, and see how much they close, what they cost in overtime, and what is still short." />
      <OptimizationClient defaultFrom={from} defaultTo={addDays(from, 6)} initialJobId={recent[0]?.id ?? null} />
    </>
  );
}
