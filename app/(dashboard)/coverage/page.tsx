import type { Metadata } from "next";
import { Suspense } from "react";
import { can } from "@/lib/auth/checks";
import { SITE_BOUND_ROLES } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { coverageQuerySchema } from "@/lib/schemas/coverage";
import { COVERAGE_PAGE_UPSTREAM_BUDGET_MS, loadCoverage } from "@/lib/services/coverage/view";
import type { CoverageCharts } from "@/lib/types/coverage";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { CoverageFilters } from "@/components/coverage/coverage-filters";
import { DemandUpload } from "@/components/coverage/demand-upload";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { noDemandMessage } from "@/lib/domain/coverage/labels";
import { CoverageClient } from "./coverage-client";
import { CoverageGaps } from "./coverage-gaps";
import { compactCharts, compactGaps, packGaps, type PackedGaps } from "./compact-series";

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
  // Started here, awaited below in two places: the header and the upload go out at once,
  // the charts as soon as they are drawn, the gap table when its windows are found.
  const { charts, gaps } = loadCoverage(db, parsed.data, new Date().toISOString().slice(0, 10), { upstreamBudgetMs: COVERAGE_PAGE_UPSTREAM_BUDGET_MS });
  // Both settle whatever happens (the charts' section shows a failure; the gaps' keeps quiet).
  const settledCharts = charts.then(
    (view) => ({ ok: true as const, view }),
    (e: unknown) => {
      if (isAppError(e)) return { ok: false as const, message: e.userMessage, upstream: e.code === "UPSTREAM" };
      throw e;
    },
  );
  const settledGaps = Promise.all([gaps, charts]).then(([rows, view]) => packGaps(compactGaps(rows, view.timeZone), view.timeZone), () => null);
  return (
    <>
      {header}
      <Suspense fallback={<ChartsSkeleton />}>
        <ChartsSection charts={settledCharts} gaps={settledGaps} selectedDay={parsed.data.day ?? null} selectedSkill={parsed.data.skill ?? null} />
      </Suspense>
      <Suspense fallback={<GapsSkeleton />}>
        <GapsSection charts={settledCharts} gaps={settledGaps} />
      </Suspense>
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

type SettledCharts = Promise<{ ok: true; view: CoverageCharts } | { ok: false; message: string; upstream: boolean }>;

async function ChartsSection({ charts, gaps, selectedDay, selectedSkill }: { charts: SettledCharts; gaps: Promise<PackedGaps | null>; selectedDay: string | null; selectedSkill: string | null }) {
  const result = await charts;
  if (!result.ok) {
    return (
      <Alert tone="error" title={result.upstream ? "CXone's coverage is not available" : undefined}>
        {result.message}
      </Alert>
    );
  }
  const { view } = result;
  return (
    <>
      {view.upstreamNotice ? (
        <Alert tone="warning" title="Earlier numbers from CXone" className="mb-4">
          {view.upstreamNotice}
        </Alert>
      ) : null}
      <CoverageFilters view={{ from: view.from, to: view.to, site: view.site, sites: view.sites, skillOptions: view.skillOptions, view: view.view }} />
      {view.series.length === 0 ? (
        <EmptyState title="No demand or shifts in this range">
          {noDemandMessage(view.from, view.to)} Shifts come from a shift file (Import). Or pick another range: coverage appears where either exists.
        </EmptyState>
      ) : (
        <CoverageClient
          view={compactCharts(view)}
          selectedDay={selectedDay}
          selectedSkill={selectedSkill}
          // Only an opened day shades its gaps: otherwise the rows travel once, in the table.
          gaps={selectedDay ? gaps.then((g) => g ?? packGaps([], view.timeZone)) : null}
        />
      )}
    </>
  );
}

async function GapsSection({ charts, gaps }: { charts: SettledCharts; gaps: Promise<PackedGaps | null> }) {
  const [result, rows] = await Promise.all([charts, gaps]);
  if (!result.ok || rows === null || result.view.series.length === 0) return null;
  const { view } = result;
  const noDemand = view.series.every((s) => s.requiredHours === 0) ? noDemandMessage(view.from, view.to) : null;
  return <CoverageGaps gaps={rows} timeZone={view.timeZone} from={view.from} to={view.to} thresholds={view.thresholds} noDemand={noDemand} />;
}

function ChartsSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading coverage charts" className="space-y-4">
      <div className="h-12 animate-pulse rounded bg-slate-200" />
      <div className="grid gap-4 lg:grid-cols-2">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-64 animate-pulse rounded-lg bg-slate-200" />
        ))}
      </div>
    </div>
  );
}

function GapsSkeleton() {
  return <div aria-busy="true" aria-label="Loading the gap table" className="mt-6 h-48 animate-pulse rounded-lg bg-slate-200" />;
}
