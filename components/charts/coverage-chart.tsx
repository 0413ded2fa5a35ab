"use client";

import { useSyncExternalStore } from "react";
import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatAgents, formatDayDateClock } from "@/components/ui/format";
import { agentAxis, seriesEnd, timeAxis } from "./axis";

export interface CoverageChartPoint {
  t: number;
  required: number;
  scheduled: number;
  shortfall: number;
  /** With a site chosen: the other sites' agents on the same shared queue. */
  otherSites?: number;
}

const INTERVAL_MS = 15 * 60_000;

/**
 * Required vs scheduled agents per interval, the shortfall shaded red between them.
 * Fixed height, no animation: dozens of these render on one page. Ticks fall on local hour
 * and day boundaries in even steps; `highlights` shade windows (the gaps being looked at).
 */
const noSubscription = () => () => {};

/**
 * Drawn in the browser only: the chart sizes itself to its container, which the server
 * cannot measure, so a server render drew nothing visible and still cost the page its
 * axes and data for every chart (a visible share of the coverage page's server time under
 * load). The server sends the figure's box at its final height, so nothing moves.
 */
export function CoverageChart({ points, ...props }: Omit<Parameters<typeof CoverageChartDrawn>[0], "points"> & {
  /** The points, or how to get them: called only when the chart is drawn (in the browser). */
  points: CoverageChartPoint[] | (() => CoverageChartPoint[]);
}) {
  const inBrowser = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  if (!inBrowser) {
    return (
      <figure aria-label={props.label} className="w-full">
        <div style={{ height: props.height ?? 220 }} />
      </figure>
    );
  }
  return <CoverageChartDrawn {...props} points={typeof points === "function" ? points() : points} />;
}

function CoverageChartDrawn({
  points,
  timeZone,
  height = 220,
  label,
  highlights = [],
  scheduledLabel = "Scheduled",
  requiredLabel = "Required",
}: {
  points: CoverageChartPoint[];
  timeZone: string;
  height?: number;
  label: string;
  highlights?: ReadonlyArray<{ start: number; end: number }>;
  scheduledLabel?: string;
  requiredLabel?: string;
}) {
  // Stack an invisible "covered" band under the shortfall so the red fills exactly
  // the space between scheduled and required where scheduled falls short.
  // With other sites on a shared queue, the shortfall is what all sites together leave open.
  const data = points.map((p) => ({ ...p, covered: Math.min(p.required, p.scheduled + (p.otherSites ?? 0)) }));
  const hasOthers = points.some((p) => p.otherSites !== undefined);
  const times = points.map((p) => p.t);
  const x = timeAxis(times[0] ?? 0, seriesEnd(times, INTERVAL_MS), timeZone);
  const y = agentAxis(points.flatMap((p) => [p.required, p.scheduled + (p.otherSites ?? 0)]));
  return (
    <figure aria-label={label} className="w-full">
      <div style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="t" type="number" scale="time" domain={x.domain} ticks={x.ticks} interval={0} tickFormatter={x.tickFormatter} fontSize={11} />
            <YAxis fontSize={11} allowDecimals={false} ticks={y.ticks} domain={y.domain} interval={0} />
            <Tooltip
              labelFormatter={(t) => `${formatDayDateClock(Number(t), timeZone)} (${timeZone})`}
              formatter={(value, name) => [formatAgents(Number(value)), String(name)]}
              isAnimationActive={false}
            />
            <Legend wrapperStyle={{ fontSize: 11 }} />
            {highlights.map((h) => (
              <ReferenceArea key={h.start} x1={h.start} x2={h.end} fill="#f59e0b" fillOpacity={0.12} ifOverflow="hidden" />
            ))}
            <Area dataKey="covered" stackId="gap" stroke="none" fill="transparent" legendType="none" isAnimationActive={false} name="covered" tooltipType="none" />
            <Area dataKey="shortfall" stackId="gap" stroke="none" fill="#dc2626" fillOpacity={0.3} isAnimationActive={false} name="Shortfall" />
            <Line dataKey="scheduled" stroke="#2563eb" strokeWidth={1.5} dot={false} isAnimationActive={false} name={scheduledLabel} type="stepAfter" />
            {hasOthers ? (
              <Line dataKey="otherSites" stroke="#16a34a" strokeWidth={1.5} dot={false} isAnimationActive={false} name="Other sites" type="stepAfter" strokeDasharray="2 2" />
            ) : null}
            <Line dataKey="required" stroke="#0f172a" strokeWidth={1.5} dot={false} isAnimationActive={false} name={requiredLabel} type="stepAfter" strokeDasharray="4 2" />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
