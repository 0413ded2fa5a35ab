import { currentBackendName } from "@/lib/services/backends";
import { COVERAGE_PAGE_UPSTREAM_BUDGET_MS } from "@/lib/services/coverage/view";

/** Shown while the page works: says what it waits for, since with CXone that is a remote API. */
export default function Loading() {
  const waitingFor =
    currentBackendName() === "cxone"
      ? `Waiting for CXone's coverage (at most ${COVERAGE_PAGE_UPSTREAM_BUDGET_MS / 1000} s; after that the last answer CXone gave is shown)…`
      : "Computing coverage from the schedule and demand…";
  return (
    <div aria-busy="true" aria-label="Loading coverage" className="space-y-4">
      <p role="status" className="text-sm text-slate-600">
        {waitingFor}
      </p>
      <div className="h-8 w-64 animate-pulse rounded bg-slate-200" />
      <div className="h-12 animate-pulse rounded bg-slate-200" />
      <div className="grid gap-4 lg:grid-cols-2">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-64 animate-pulse rounded-lg bg-slate-200" />
        ))}
      </div>
    </div>
  );
}
