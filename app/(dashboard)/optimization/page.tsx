import type { Metadata } from "next";
import { can } from "@/lib/auth/checks";
import { requirePageUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { addDays } from "@/lib/domain/time";
import { latestOptimizationRunId } from "@/lib/services/optimization/runs";
import { getSiteShiftTypes } from "@/lib/services/optimization/site-shift-types";
import { defaultFrom } from "@/lib/services/coverage/schedule";
import { listSites } from "@/lib/services/reference/sites";
import { listSkills } from "@/lib/services/reference/skills";
import { PageHeader } from "@/components/ui/page-header";
import { OptimizationClient } from "@/components/optimization/optimization-client";

export const metadata: Metadata = { title: "Optimization" };

export default async function OptimizationPage() {
  const user = await requirePageUser("/optimization");
  const db = await getDb();
  // Open on the same week the coverage page opens on.
  const [recentId, from, sites, skills] = await Promise.all([latestOptimizationRunId(db), defaultFrom(db, new Date().toISOString().slice(0, 10)), listSites(db), listSkills(db)]);
  // Each site's saved capacity plan shift types: choosing a site in the tab loads its own.
  const savedShiftTypes = await getSiteShiftTypes(db, sites.map((s) => s.id));
  return (
    <>
      <PageHeader title="Optimization" description="Recommend shifts that close the gaps, see how close they are to the best possible, accept them as drafts — or plan how many agents each shift type needs." />
      <OptimizationClient
        defaultFrom={from}
        defaultTo={addDays(from, 6)}
        initialJobId={recentId}
        capacity={{
          sites: sites.map((s) => ({ id: s.id, timeZone: s.timeZone })),
          skills: skills.map((s) => ({ id: s.id, name: s.name })),
          savedShiftTypes,
          canSaveShiftTypes: can(user, "optimization.shiftTypes.write"),
        }}
      />
    </>
  );
}
