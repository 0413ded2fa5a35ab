"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatAgents, formatClock, formatDayClock } from "@/components/ui/format";

export interface ImpactPoint {
  intervalStart: number;
  required: number;
  before: number;
  after: number;
}

/** Before/after coverage of one skill over the intervals a trade touches. */
export function TradeImpactChart({ skillId, points, timeZone }: { skillId: string; points: ImpactPoint[]; timeZone: string }) {
  return (
    <figure aria-label={`${skillId}: coverage before and after the trade`}>
      <figcaption className="mb-1 text-xs font-medium text-slate-600">{skillId}</figcaption>
      <div style={{ height: 140 }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 4, right: 8, bottom: 0, left: -20 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="intervalStart" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={(t) => formatClock(t, timeZone)} fontSize={10} minTickGap={30} />
            <YAxis fontSize={10} allowDecimals={false} />
            <Tooltip labelFormatter={(t) => formatDayClock(Number(t), timeZone)} formatter={(v, n) => [formatAgents(Number(v)), String(n)]} isAnimationActive={false} />
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
