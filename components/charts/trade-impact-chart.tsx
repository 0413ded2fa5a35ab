"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatAgents, formatDayDateClock } from "@/components/ui/format";
import { agentAxis, seriesEnd, timeAxis } from "./axis";

export interface ImpactPoint {
  intervalStart: number;
  required: number;
  before: number;
  after: number;
}

const INTERVAL_MS = 15 * 60_000;

/**
 * Before/after net coverage of one skill over the window the trade's shifts span: the
 * Coverage page's numbers today and once the trade is approved (lib/domain/trades/impact.ts).
 */
export function TradeImpactChart({ skillId, points, timeZone }: { skillId: string; points: ImpactPoint[]; timeZone: string }) {
  const times = points.map((p) => p.intervalStart);
  const x = timeAxis(times[0] ?? 0, seriesEnd(times, INTERVAL_MS), timeZone, 6);
  const y = agentAxis(points.flatMap((p) => [p.required, p.before, p.after]), 4);
  return (
    <figure aria-label={`${skillId}: coverage before and after the trade`}>
      <figcaption className="mb-1 text-xs font-medium text-slate-600">{skillId} · net agents, {timeZone}</figcaption>
      <div style={{ height: 140 }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 4, right: 8, bottom: 0, left: -20 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="intervalStart" type="number" scale="time" domain={x.domain} ticks={x.ticks} interval={0} tickFormatter={x.tickFormatter} fontSize={10} />
            <YAxis fontSize={10} allowDecimals={false} ticks={y.ticks} domain={y.domain} interval={0} />
            <Tooltip labelFormatter={(t) => `${formatDayDateClock(Number(t), timeZone)} (${timeZone})`} formatter={(v, n) => [formatAgents(Number(v)), String(n)]} isAnimationActive={false} />
            <Legend wrapperStyle={{ fontSize: 10 }} />
            <Line dataKey="required" name="Required" stroke="#0f172a" strokeDasharray="4 2" dot={false} type="stepAfter" isAnimationActive={false} />
            <Line dataKey="before" name="Before" stroke="#94a3b8" dot={false} type="stepAfter" isAnimationActive={false} />
            <Line dataKey="after" name="After" stroke="#dc2626" strokeWidth={2} dot={false} type="stepAfter" isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
