"use client";

import { Area, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatAgents, formatClock, formatDayClock } from "@/components/ui/format";

export interface CoverageChartPoint {
  t: number;
  required: number;
  scheduled: number;
  shortfall: number;
}

/**
 * Required vs scheduled agents per interval, the shortfall shaded red between them.
 * Fixed height, no animation: dozens of these render on one page.
 */
export function CoverageChart({
  points,
  timeZone,
  height = 220,
  dayOnly = false,
  label,
}: {
  points: CoverageChartPoint[];
  timeZone: string;
  height?: number;
  dayOnly?: boolean;
  label: string;
}) {
  // Stack an invisible "covered" band under the shortfall so the red fills exactly
  // the space between scheduled and required where scheduled falls short.
  const data = points.map((p) => ({ ...p, covered: Math.min(p.required, p.scheduled) }));
  const tick = (t: number) => (dayOnly ? formatClock(t, timeZone) : formatDayClock(t, timeZone));
  return (
    <figure aria-label={label} className="w-full">
      <div style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="t" type="number" domain={["dataMin", "dataMax"]} scale="time" tickFormatter={tick} minTickGap={40} fontSize={11} />
            <YAxis fontSize={11} allowDecimals={false} />
            <Tooltip
              labelFormatter={(t) => formatDayClock(Number(t), timeZone)}
              formatter={(value, name) => [formatAgents(Number(value)), String(name)]}
              isAnimationActive={false}
            />
            <Legend wrapperStyle={{ fontSize: 11 }} />
            <Area dataKey="covered" stackId="gap" stroke="none" fill="transparent" legendType="none" isAnimationActive={false} name="covered" tooltipType="none" />
            <Area dataKey="shortfall" stackId="gap" stroke="none" fill="#dc2626" fillOpacity={0.3} isAnimationActive={false} name="Shortfall" />
            <Line dataKey="scheduled" stroke="#2563eb" strokeWidth={1.5} dot={false} isAnimationActive={false} name="Scheduled" type="stepAfter" />
            <Line dataKey="required" stroke="#0f172a" strokeWidth={1.5} dot={false} isAnimationActive={false} name="Required" type="stepAfter" strokeDasharray="4 2" />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
