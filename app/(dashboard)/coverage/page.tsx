import type { Metadata } from "next";
import { can } from "@/lib/auth/checks";
import { SITE_BOUND_ROLES } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { coverageQuerySchema } from "@/lib/schemas/coverage";
import { COVERAGE_PAGE_UPSTREAM_BUDGET_MS, getCoverageView } from "@/lib/services/coverage/view";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { CoverageFilters } from "@/components/coverage/coverage-filters";
import { DemandUpload } from "@/components/coverage/demand-upload";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { noDemandMessage } from "@/lib/domain/coverage/labels";
import { CoverageClient } from "./coverage-client";

export const metadata: Metadata = { title: "Coverage" };

export default async function CoveragePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("/coverage");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  // A supervisor lands on their own site; the filter still lets them look at the others.
  if (raw.site === undefined && SITE_BOUND_ROLES.includes(user.role) && user.siteIds[0]) raw.site = user.siteIds[0];
  const parsed = coverageQuerySchema.safeParse(raw);
  const header = (
    <PageHeader
      title="Coverage"
      description="Scheduled agents against required agents per skill and 15-minute interval. Gaps are found interval by interval: an overstaffed morning never pays for a short evening."
    />
  );
  if (!parsed.success) {
    return (
      <>
        {header}
        <Alert tone="error" title="These filters cannot be used">
          {parsed.error.issues.map((i) => (
            <p key={i.path.join(".")}>{`${i.path.join(".")}: ${i.message}`}</p>
          ))}
        </Alert>
      </>
    );
  }
  const db = await getDb();
  let view;
  try {
    view = await getCoverageView(db, parsed.data, new Date().toISOString().slice(0, 10), { upstreamBudgetMs: COVERAGE_PAGE_UPSTREAM_BUDGET_MS });
  } catch (e) {
    if (!isAppError(e)) throw e;
    return (
      <>
        {header}
        <Alert tone="error" title={e.code === "UPSTREAM" ? "CXone's coverage is not available" : undefined}>
          {e.userMessage}
        </Alert>
      </>
    );
  }
  return (
    <>
      {header}
      {view.upstreamNotice ? (
        <Alert tone="warning" title="Earlier numbers from CXone" className="mb-4">
          {view.upstreamNotice}
        </Alert>
      ) : null}
      <CoverageFilters view={view} />
      {view.series.length === 0 ? (
        <EmptyState title="No demand or shifts in this range">
          {noDemandMessage(view.from, view.to)} Shifts come from a shift file (Import). Or pick another range: coverage appears where either exists.
        </EmptyState>
      ) : (
        <CoverageClient view={view} selectedDay={parsed.data.day ?? null} selectedSkill={parsed.data.skill ?? null} />
      )}
      {can(user, "demand.import") ? (
        <Card className="mt-6" id="demand-upload">
          <CardHeader title="Demand upload" description="Upload a forecast or required agents; coverage above updates when it is stored." />
          <CardBody>
            <DemandUpload />
          </CardBody>
        </Card>
      ) : null}
    </>
  );
}
