import type { Metadata } from "next";
import Link from "next/link";
import { SITE_BOUND_ROLES } from "@/lib/auth/permissions";
import { requirePageUser } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { scheduleQuerySchema } from "@/lib/schemas/schedule";
import { defaultFrom } from "@/lib/services/coverage/schedule";
import { getScheduleOptions } from "@/lib/services/schedule/options";
import { getScheduleView } from "@/lib/services/schedule/view";
import { SCHEDULE_PAGE_SIZE } from "@/lib/types/schedule-page";
import { Alert } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ScheduleFilters } from "@/components/schedule/schedule-filters";
import { ScheduleLegend } from "@/components/schedule/schedule-legend";
import { filtersKey } from "@/components/schedule/filters-key";
import { PublishDialog } from "@/components/schedule/publish-dialog";
import { ScheduleClient } from "./schedule-client";

export const metadata: Metadata = { title: "Schedule" };

export default async function SchedulePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser("/schedule");
  const raw: Record<string, string | undefined> = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  // A supervisor lands on their own site.
  if (raw.siteId === undefined && SITE_BOUND_ROLES.includes(user.role) && user.siteIds[0]) raw.siteId = user.siteIds[0];
  const db = await getDb();
  if (!raw.from) raw.from = await defaultFrom(db, new Date().toISOString().slice(0, 10));
  const parsed = scheduleQuerySchema.safeParse({ ...raw, offset: 0, limit: SCHEDULE_PAGE_SIZE });
  const header = (
    <PageHeader
      title="Schedule"
      description="Every agent's shifts, day by day, in one named time zone. Click a shift (or press Enter on it) to open it; drag on an agent's empty time to draw a new one."
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
  const query = parsed.data;
  let view;
  try {
    view = await getScheduleView(db, query, user);
  } catch (e) {
    if (!isAppError(e)) throw e;
    return (
      <>
        {header}
        <Alert tone="error">{e.userMessage}</Alert>
      </>
    );
  }
  const options = await getScheduleOptions(db, user);
  const noShifts = view.dayTotals.every((d) => d.shifts === 0);
  return (
    <>
      {header}
      <ScheduleFilters query={query} options={options} />
      {/* Outside the grid's branch: publishing every draft under a "Draft" filter empties the
          grid, and the dialog must stay to say what was published. */}
      {options.canPublish ? (
        <div className="mb-3 flex justify-end">
          <PublishDialog options={options} from={view.from} to={view.to} siteId={query.siteId} />
        </div>
      ) : null}
      {view.totalAgents === 0 ? (
        <EmptyState title="No agents match these filters">Clear the search, attribute or status filter, or pick another site.</EmptyState>
      ) : (
        <>
          {noShifts ? (
            <Alert tone="info" className="mb-4" title="No shifts in this range">
              Nothing is scheduled from {view.from} to {view.to} for these agents.{" "}
              {options.canEdit ? (
                <>
                  <Link className="font-medium underline" href="/shifts">
                    Import a shift file
                  </Link>{" "}
                  or draw shifts on the grid.
                </>
              ) : (
                "Pick another week."
              )}
            </Alert>
          ) : null}
          <ScheduleClient view={view} query={query} filters={filtersKey(query)} options={options} />
          <div className="mt-3">
            <ScheduleLegend />
          </div>
        </>
      )}
    </>
  );
}
