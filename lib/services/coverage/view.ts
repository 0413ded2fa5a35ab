import "server-only";
import type { Db } from "../../db/client";
import { chartBucket, downsampleSeries } from "../../domain/coverage";
import { dailyRollup, describeGapWindow, findGapWindows, intervalShortfall, type DailyCoverage } from "../../domain/gaps";
import { INTERVAL_MS } from "../../domain/types";
import type { CoverageQuery } from "../../schemas/coverage";
import type { CoveragePoint, CoverageView, GapRow, SkillSeries } from "../../types/coverage";
import { loadCoverageWindow } from "./window";

/**
 * Coverage against demand for a date range: per skill the interval series (net and gross),
 * the daily roll-ups and the gap windows. Days and clock times are those of the chosen
 * site (UTC without one). Demand is per skill across sites (the queues are shared), so
 * with a site chosen the site's own shifts are drawn as its scheduled line, the other sites'
 * as their contribution, and gaps judge both against the shared demand.
 */
export async function getCoverageView(db: Db, query: CoverageQuery, today: string): Promise<CoverageView> {
  const w = await loadCoverageWindow(db, query, today);
  const { grid, timeZone, thresholds } = w;
  const bucket = chartBucket(grid.intervalCount, 700);
  const series: SkillSeries[] = [];
  const days: DailyCoverage[] = [];
  const gaps: GapRow[] = [];
  for (const { skillId, name, coverage: c, other, scheduled } of w.skills) {
    const own = query.view === "gross" ? c.gross : c.net;
    const daily = dailyRollup(skillId, grid, c.required, scheduled, timeZone, thresholds);
    days.push(...daily);
    for (const gw of findGapWindows(skillId, grid, c.required, scheduled, timeZone, thresholds)) {
      gaps.push({ ...gw, skillName: name, description: describeGapWindow(gw, timeZone, skillId) });
    }
    const shortfall = intervalShortfall(c.required, scheduled);
    const req = downsampleSeries(c.required, bucket, "mean");
    const gross = downsampleSeries(c.gross, bucket, "mean");
    const net = downsampleSeries(c.net, bucket, "mean");
    const short = downsampleSeries(shortfall, bucket, "mean");
    const otherGross = other ? downsampleSeries(other.gross, bucket, "mean") : null;
    const otherNet = other ? downsampleSeries(other.net, bucket, "mean") : null;
    const points: CoveragePoint[] = Array.from(req, (_, i) => ({
      t: grid.start + i * bucket * INTERVAL_MS,
      required: round2(req[i]),
      gross: round2(gross[i]),
      net: round2(net[i]),
      shortfall: round2(short[i]),
      ...(otherNet && otherGross ? { otherNet: round2(otherNet[i]), otherGross: round2(otherGross[i]) } : {}),
    }));
    const sum = (k: "requiredHours" | "availableHours" | "coveredHours" | "deficitHours") => daily.reduce((acc, d) => acc + d[k], 0);
    const requiredHours = sum("requiredHours");
    series.push({
      skillId,
      name,
      points,
      requiredHours,
      // With a site: the hours its own shifts give (the ratio still counts every site on the shared queue).
      availableHours: other ? own.reduce((acc, v) => acc + v, 0) * (INTERVAL_MS / 3_600_000) : sum("availableHours"),
      coveredHours: sum("coveredHours"),
      deficitHours: sum("deficitHours"),
      coverageRatio: requiredHours > 0 ? sum("coveredHours") / requiredHours : null,
    });
  }
  gaps.sort((a, b) => b.deficitHours - a.deficitHours);

  return {
    from: w.from,
    to: w.to,
    timeZone,
    site: w.site ? { id: w.site.id, name: w.site.name } : null,
    requiredSource: w.shared ? "shared" : null,
    sites: w.sites.map((s) => ({ id: s.id, name: s.name, timeZone: s.timeZone })),
    skillOptions: w.skillOptions,
    view: query.view,
    bucketMinutes: bucket * 15,
    series,
    days: days.filter((d) => d.date >= w.from && d.date <= w.to),
    gaps,
    thresholds,
    shiftCount: w.shiftCount,
    source: w.source,
  };
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

