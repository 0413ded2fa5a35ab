import type { CoverageCharts, GapRow, GapTableRow, SkillSeries } from "@/lib/types/coverage";
import { formatWindow } from "@/lib/domain/coverage/labels";
import type { CoverageChartPoint } from "@/components/charts/coverage-chart";

/**
 * The charts' series as the page sends them to the browser: for the view shown (net or
 * gross), on a regular time step, the numbers of each line packed into one string.
 * An array of point objects for six skills × 672 intervals was ~300 KB of the page and most
 * of its server time under load; arrays of numbers made it ~5× smaller, but React still
 * visits every number twice per request (serializing the payload, and decoding it again
 * for the server render), which was the largest share of the page's server time. A string
 * is one value to both, and the server render never needs the numbers: the charts are drawn
 * in the browser only (`CoverageChart`), which unpacks a series when it draws it.
 */
export interface CompactSeries extends Omit<SkillSeries, "points"> {
  /** The first point's instant and the step between points, in ms. */
  t0: number;
  stepMs: number;
  /**
   * Required, scheduled and shortfall (and, with a site chosen, the other sites'
   * contribution), each a comma-separated list of numbers, the lists joined by ";".
   * Read with `chartPoints`.
   */
  values: string;
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
      const lines = [points.map((p) => r2(p.required)), points.map((p) => r2(view.view === "net" ? p.net : p.gross)), points.map((p) => r2(p.shortfall))];
      if (hasOthers) lines.push(points.map((p) => r2((view.view === "net" ? p.otherNet : p.otherGross) ?? 0)));
      return { ...rest, t0: points[0]?.t ?? 0, stepMs, values: points.length === 0 ? "" : lines.map((l) => l.join(",")).join(";") };
    }),
  };
}

/** A series' points, unpacked once per series object (a re-render draws from the same array). */
const pointsOf = new WeakMap<CompactSeries, CoverageChartPoint[]>();

function unpack(s: CompactSeries): CoverageChartPoint[] {
  let out = pointsOf.get(s);
  if (out) return out;
  const [required, scheduled, shortfall, otherSites] = s.values === "" ? [] : s.values.split(";").map((l) => l.split(",").map(Number));
  out = (required ?? []).map((r, i) => ({ t: s.t0 + i * s.stepMs, required: r, scheduled: scheduled[i], shortfall: shortfall[i], ...(otherSites ? { otherSites: otherSites[i] } : {}) }));
  pointsOf.set(s, out);
  return out;
}

/** The chart's points of a series within [from, to). */
export function chartPoints(s: CompactSeries, from = -Infinity, to = Infinity): CoverageChartPoint[] {
  const all = unpack(s);
  return from === -Infinity && to === Infinity ? all : all.filter((p) => p.t >= from && p.t < to);
}

/**
 * The gap rows as the page sends them: one JSON string of row tuples (skill, day, start,
 * end, peak shortfall, deficit hours, priority, window), made once per cached row list.
 * Like the series, a string is one value to React's payload instead of ~2,500 (a week has
 * a few hundred windows); the table reads it back with one `JSON.parse` (`unpackGaps`).
 */
export type PackedGaps = string & { readonly __packedGaps: true };

const packedGapsOf = new WeakMap<readonly GapTableRow[], PackedGaps>();

export function packGaps(rows: readonly GapTableRow[]): PackedGaps {
  let out = packedGapsOf.get(rows);
  if (!out) packedGapsOf.set(rows, (out = JSON.stringify(rows.map((g) => [g.skillId, g.date, g.start, g.end, g.peakShortfall, g.deficitHours, g.priority, g.window])) as PackedGaps));
  return out;
}

type GapTuple = [string, string, number, number, number, number, GapTableRow["priority"], string];

/**
 * The last string read and its rows: the server renders the same cached rows for every
 * request until the schedule changes (comparing two equal strings is far cheaper than
 * parsing one). The rows are never changed in place (the table sorts a copy).
 */
let last: { packed: string; rows: GapTableRow[] } | null = null;

export function unpackGaps(packed: PackedGaps): GapTableRow[] {
  if (last?.packed === packed) return last.rows;
  last = { packed, rows: parseGaps(packed) };
  return last.rows;
}

function parseGaps(packed: string): GapTableRow[] {
  return (JSON.parse(packed) as GapTuple[]).map(([skillId, date, start, end, peakShortfall, deficitHours, priority, window]) => ({ skillId, date, start, end, peakShortfall, deficitHours, priority, window }));
}
