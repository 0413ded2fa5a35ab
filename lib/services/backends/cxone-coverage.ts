import "server-only";
import type { Db } from "../../db/client";
import type { CoverageGrid, SkillCoverage } from "../../domain/coverage";
import { INTERVAL_MS } from "../../domain/types";
import { AppError } from "../../errors";
import { logger } from "../../logger";
import { requireCxoneClient } from "./cxone-client";
import type { CoverageReading } from "./types";

/**
 * CXone coverage under a time budget. A slow tenant must not hold the Coverage page (a
 * 20 s latency made an 80 s page): the page waits at most its budget, then shows the last
 * good answer for the same range with a note of what it is still waiting for, or, with
 * none, says so plainly. Reads are shared per range (one in flight at a time, however many
 * planners open the page) and the read the page stopped waiting for runs on to its end,
 * so the next visit finds a fresh answer instead of starting another slow read.
 *
 * The last good answers live in this process (bounded, most recent first): each dashboard
 * instance keeps its own, which is enough for a fallback.
 */
const LAST_GOOD_ENTRIES = 32;

interface Progress {
  pages: number;
  items: number;
  totalCount: number | null;
}

interface InFlight {
  read: Promise<CoverageReading>;
  progress: Progress;
}

const lastGood = new Map<string, { reading: CoverageReading; at: number }>();
const inFlight = new Map<string, InFlight>();

const keyOf = (grid: CoverageGrid) => `${grid.start}:${grid.intervalCount}`;

/** Reads CXone's coverage for the grid, waiting at most `budgetMs` when given. */
export async function readCxoneCoverage(db: Db, grid: CoverageGrid, budgetMs?: number): Promise<CoverageReading> {
  const key = keyOf(grid);
  let flight = inFlight.get(key);
  const joined = flight !== undefined;
  if (!flight) {
    const progress: Progress = { pages: 0, items: 0, totalCount: null };
    const read = fetchCoverage(db, grid, progress).then((reading) => {
      lastGood.delete(key);
      lastGood.set(key, { reading, at: Date.now() });
      while (lastGood.size > LAST_GOOD_ENTRIES) lastGood.delete(lastGood.keys().next().value!);
      return reading;
    });
    const entry: InFlight = { read, progress };
    flight = entry;
    inFlight.set(key, entry);
    // Whoever stopped waiting, the read ends here: no unhandled rejection, no stale entry.
    read.then(
      () => inFlight.delete(key),
      (e: unknown) => {
        inFlight.delete(key);
        logger.warn({ err: e }, "cxone coverage read failed");
      },
    );
  }
  if (budgetMs === undefined) return flight.read;

  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), Math.max(0, budgetMs))));
  let outcome: { reading: CoverageReading } | { error: unknown } | "timeout";
  try {
    outcome = await Promise.race([flight.read.then((reading) => ({ reading }), (error: unknown) => ({ error })), timedOut]);
  } finally {
    clearTimeout(timer);
  }
  if (outcome !== "timeout" && "reading" in outcome) return outcome.reading;

  const last = lastGood.get(key);
  const waitingFor = describeWait(grid, flight.progress, joined);
  const problem =
    outcome === "timeout"
      ? `CXone has not answered within ${seconds(budgetMs)}: still waiting for ${waitingFor}.`
      : `CXone coverage could not be read (${(outcome.error as Error).message}).`;
  if (last) {
    return { ...last.reading, notice: `${problem} Showing CXone's last answer for this range, from ${clock(last.at)}; reload for newer numbers.` };
  }
  throw new AppError("UPSTREAM", `${problem} There is no earlier answer for this range to show; try again in a minute.`);
}

async function fetchCoverage(db: Db, grid: CoverageGrid, progress: Progress): Promise<CoverageReading> {
  const client = await requireCxoneClient(db);
  const end = grid.start + grid.intervalCount * INTERVAL_MS;
  const coverage = new Map<string, SkillCoverage>();
  try {
    for await (const page of client.getCoverage({ dateFrom: new Date(grid.start).toISOString(), dateTo: new Date(end - 1000).toISOString(), groupBy: "timeBlock", pageSize: 1000 })) {
      progress.pages = page.pageNumber;
      progress.items += page.items.length;
      progress.totalCount = page.totalCount;
      for (const item of page.items) {
        const i = Math.floor((Date.parse(item.dateRange.start) - grid.start) / INTERVAL_MS);
        if (i < 0 || i >= grid.intervalCount) continue;
        let c = coverage.get(item.skillId);
        if (!c) {
          // CXone reports one scheduled figure, so net and gross are the same here.
          const scheduled = new Float64Array(grid.intervalCount);
          c = { skillId: item.skillId, required: new Float64Array(grid.intervalCount), gross: scheduled, net: scheduled };
          coverage.set(item.skillId, c);
        }
        c.required[i] = item.requiredHours * 4;
        c.gross[i] = item.availableHours * 4;
      }
    }
  } catch (e) {
    throw new AppError("UPSTREAM", `CXone coverage could not be read: ${(e as Error).message}`);
  }
  return { coverage, shiftCount: 0 };
}

/** "coverage of 23 Nov 2026–29 Nov 2026 (UTC) from CXone (2 pages so far, 1400 of 4032 intervals)". */
function describeWait(grid: CoverageGrid, progress: Progress, joined: boolean): string {
  const fmt = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  const range = `${fmt.format(grid.start)}–${fmt.format(grid.start + grid.intervalCount * INTERVAL_MS - 1)} (UTC)`;
  const { pages, totalCount, items } = progress;
  const sofar =
    pages === 0
      ? "its first page has not arrived"
      : `${pages} page${pages === 1 ? "" : "s"} so far${totalCount ? `, ${items} of ${totalCount} intervals` : ""}`;
  const shared = joined ? "; a read an earlier visit started, still under way" : "";
  return `coverage of ${range} from CXone (${sofar}${shared})`;
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;
const clock = (at: number) => `${new Date(at).toISOString().slice(11, 16)} UTC`;
