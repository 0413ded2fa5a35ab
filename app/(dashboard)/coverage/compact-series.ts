import type { CoverageCharts, GapRow, GapTableRow, SkillSeries } from "@/lib/types/coverage";
import { formatWindow } from "@/lib/domain/coverage/labels";
import { localDateKey } from "@/lib/domain/time";
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
   * contribution), each a comma-separated list of numbers, the lists joined by ";"; a run
   * of n zeros is written `~n` (nights and covered hours: about a third of a week's
   * numbers). Read with `chartPoints`.
   */
  values: string;
}

export type CompactCoverageCharts = Omit<CoverageCharts, "series"> & { series: CompactSeries[] };

/** Agents to 0.01: the charts draw nothing finer, and 30.299999999999997 costs 18 bytes a point. */
const r2 = (v: number) => Math.round(v * 100) / 100;
/** Hours and ratios of the heatmap's days to 0.0001: it shows them to 0.1 h and 1 %. */
const r4 = (v: number) => Math.round(v * 10_000) / 10_000;

/** One line of a series: numbers joined by ",", each run of two or more zeros as `~n`. */
export function packLine(values: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < values.length; ) {
    let j = i;
    while (j < values.length && values[j] === 0) j++;
    if (j - i >= 2) {
      out.push(`~${j - i}`);
      i = j;
    } else {
      out.push(String(values[i]));
      i++;
    }
  }
  return out.join(",");
}

/** `packLine` read back. */
export function unpackLine(line: string): number[] {
  const out: number[] = [];
  if (line === "") return out;
  for (const token of line.split(",")) {
    if (token.startsWith("~")) for (let n = Number(token.slice(1)); n > 0; n--) out.push(0);
    else out.push(Number(token));
  }
  return out;
}

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
    // Full precision here was a third of the days' bytes (409.80292901481664 h).
    days: view.days.map((d) => ({ ...d, requiredHours: r4(d.requiredHours), availableHours: r4(d.availableHours), coveredHours: r4(d.coveredHours), deficitHours: r4(d.deficitHours), coverageRatio: d.coverageRatio === null ? null : r4(d.coverageRatio) })),
    series: view.series.map(({ points, ...rest }) => {
      const hasOthers = points.some((p) => p.otherNet !== undefined);
      const lines = [points.map((p) => r2(p.required)), points.map((p) => r2(view.view === "net" ? p.net : p.gross)), points.map((p) => r2(p.shortfall))];
      if (hasOthers) lines.push(points.map((p) => r2((view.view === "net" ? p.otherNet : p.otherGross) ?? 0)));
      return { ...rest, t0: points[0]?.t ?? 0, stepMs, values: points.length === 0 ? "" : lines.map(packLine).join(";") };
    }),
  };
}

/** A series' points, unpacked once per series object (a re-render draws from the same array). */
const pointsOf = new WeakMap<CompactSeries, CoverageChartPoint[]>();

function unpack(s: CompactSeries): CoverageChartPoint[] {
  let out = pointsOf.get(s);
  if (out) return out;
  const [required, scheduled, shortfall, otherSites] = s.values === "" ? [] : s.values.split(";").map(unpackLine);
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
 * The gap rows as the page sends them: one JSON string, made once per cached row list, of
 * `{ z: zone, s: [skill ids], r: [[skill index, start minute, length in minutes, peak
 * shortfall, deficit hours, "H" | "M", window], …] }` (instants in minutes since the
 * epoch; a row's local day is read back from its start in the zone). Like the series, a
 * string is one value to React's payload instead of ~2,500 (a week has a few hundred
 * windows); the table reads it back with one `JSON.parse` (`unpackGaps`). Skill ids and
 * days written out on every row were half of its bytes.
 */
export type PackedGaps = string & { readonly __packedGaps: true };

const packedGapsOf = new WeakMap<readonly GapTableRow[], PackedGaps>();

type GapTuple = [number, number, number, number, number, "H" | "M", string];

export function packGaps(rows: readonly GapTableRow[], timeZone: string): PackedGaps {
  let out = packedGapsOf.get(rows);
  if (!out) {
    const skills = [...new Set(rows.map((g) => g.skillId))];
    const index = new Map(skills.map((id, i) => [id, i]));
    const r = rows.map((g): GapTuple => [index.get(g.skillId)!, g.start / 60_000, (g.end - g.start) / 60_000, g.peakShortfall, g.deficitHours, g.priority === "HIGH" ? "H" : "M", g.window]);
    packedGapsOf.set(rows, (out = JSON.stringify({ z: timeZone, s: skills, r }) as PackedGaps));
  }
  return out;
}

/**
 * The strings read lately and their rows, most recent last: the server renders the same
 * cached rows for every request until the schedule changes (looking a string up is far
 * cheaper than parsing it and reading each row's day in its zone). More than one, because
 * requests alternate between views: a planner's all-sites page and each supervisor's own
 * site (one entry thrashed under load: parsing was 3 % of the server's time). The rows are
 * never changed in place (the table sorts a copy).
 */
const recentGaps = new Map<string, GapTableRow[]>();
export const RECENT_GAPS_KEPT = 16;

export function unpackGaps(packed: PackedGaps): GapTableRow[] {
  let rows = recentGaps.get(packed);
  if (rows) {
    recentGaps.delete(packed);
  } else {
    rows = parseGaps(packed);
    if (recentGaps.size >= RECENT_GAPS_KEPT) recentGaps.delete(recentGaps.keys().next().value!);
  }
  recentGaps.set(packed, rows);
  return rows;
}

function parseGaps(packed: string): GapTableRow[] {
  const { z, s, r } = JSON.parse(packed) as { z: string; s: string[]; r: GapTuple[] };
  return r.map(([skill, startMinute, minutes, peakShortfall, deficitHours, priority, window]) => {
    const start = startMinute * 60_000;
    return { skillId: s[skill], date: localDateKey(start, z), start, end: start + minutes * 60_000, peakShortfall, deficitHours, priority: priority === "H" ? "HIGH" : "MEDIUM", window };
  });
}
