import type { CoverageCharts, GapRow, GapTableRow, SkillSeries } from "@/lib/types/coverage";
import { formatWindow } from "@/lib/domain/coverage/labels";
import type { CoverageChartPoint } from "@/components/charts/coverage-chart";

/**
 * The charts' series as the page sends them to the browser: one array of numbers per line,
 * for the view shown (net or gross), on a regular time step. An array of point objects
 * for six skills × 672 intervals was ~300 KB of the page and most of its server time under
 * load (serialized once for the stream and again into the HTML); this is ~5× smaller.
 */
export interface CompactSeries extends Omit<SkillSeries, "points"> {
  /** The first point's instant and the step between points, in ms. */
  t0: number;
  stepMs: number;
  required: number[];
  scheduled: number[];
  shortfall: number[];
  /** With a site chosen: the other sites' contribution. */
  otherSites?: number[];
}

export type CompactCoverageCharts = Omit<CoverageCharts, "series"> & { series: CompactSeries[] };

/** Agents to 0.01: the charts draw nothing finer, and 30.299999999999997 costs 18 bytes a point. */
const r2 = (v: number) => Math.round(v * 100) / 100;

/*
 * The views and gap rows come from the coverage cache (one object per schedule revision and
 * query, shared by every request), so their compact forms are made once per object.
 */
const compactGapsOf = new WeakMap<readonly GapRow[], GapTableRow[]>();
const compactChartsOf = new WeakMap<CoverageCharts, CompactCoverageCharts>();

/** The gap rows the table needs (see `GapTableRow`). */
export function compactGaps(rows: readonly GapRow[], timeZone: string): GapTableRow[] {
  let out = compactGapsOf.get(rows);
  if (!out) compactGapsOf.set(rows, (out = slimGaps(rows, timeZone)));
  return out;
}

function slimGaps(rows: readonly GapRow[], timeZone: string): GapTableRow[] {
  return rows.map((g) => ({ skillId: g.skillId, date: g.date, start: g.start, end: g.end, peakShortfall: r2(g.peakShortfall), deficitHours: r2(g.deficitHours), priority: g.priority, window: g.window ?? formatWindow(g.start, g.end, timeZone) }));
}

export function compactCharts(view: CoverageCharts): CompactCoverageCharts {
  let out = compactChartsOf.get(view);
  if (!out) compactChartsOf.set(view, (out = compactOnce(view)));
  return out;
}

function compactOnce(view: CoverageCharts): CompactCoverageCharts {
  const stepMs = view.bucketMinutes * 60_000;
  return {
    ...view,
    series: view.series.map(({ points, ...rest }) => {
      const hasOthers = points.some((p) => p.otherNet !== undefined);
      return {
        ...rest,
        t0: points[0]?.t ?? 0,
        stepMs,
        required: points.map((p) => r2(p.required)),
        scheduled: points.map((p) => r2(view.view === "net" ? p.net : p.gross)),
        shortfall: points.map((p) => r2(p.shortfall)),
        ...(hasOthers ? { otherSites: points.map((p) => r2((view.view === "net" ? p.otherNet : p.otherGross) ?? 0)) } : {}),
      };
    }),
  };
}

/** The chart's points of a series within [from, to). */
export function chartPoints(s: CompactSeries, from = -Infinity, to = Infinity): CoverageChartPoint[] {
  const out: CoverageChartPoint[] = [];
  for (let i = 0; i < s.required.length; i++) {
    const t = s.t0 + i * s.stepMs;
    if (t < from || t >= to) continue;
    out.push({ t, required: s.required[i], scheduled: s.scheduled[i], shortfall: s.shortfall[i], ...(s.otherSites ? { otherSites: s.otherSites[i] } : {}) });
  }
  return out;
}
