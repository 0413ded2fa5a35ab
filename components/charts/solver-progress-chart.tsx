"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ProgressPoint } from "@/lib/types/optimization";

/**
 * The solver's best answer so far (incumbent) and its proven bound over the seconds of the
 * run: the gap between the two lines is what is still unproven. Lower is better for both.
 */
export function SolverProgressChart({ trace }: { trace: readonly ProgressPoint[] }) {
  const data = trace.map((p) => ({ seconds: p.seconds, incumbent: p.incumbent ?? undefined, bound: p.bound !== null && p.bound > 0 ? p.bound : undefined }));
  return (
    <figure aria-label="Best answer and bound over time" data-testid="solver-progress-chart">
      <figcaption className="mb-1 text-xs font-medium text-slate-600">Objective (weighted shortfall hours + costs) · lower is better</figcaption>
      <div style={{ height: 160 }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="seconds" type="number" domain={[0, "dataMax"]} fontSize={10} tickFormatter={(s) => `${s} s`} />
            <YAxis fontSize={10} domain={["auto", "auto"]} tickFormatter={(v) => Number(v).toFixed(0)} />
            <Tooltip labelFormatter={(s) => `${s} s into the run`} formatter={(v, n) => [Number(v).toFixed(2), String(n)]} isAnimationActive={false} />
            <Legend wrapperStyle={{ fontSize: 10 }} />
            <Line dataKey="incumbent" name="Best answer so far" stroke="#2563eb" strokeWidth={2} dot={false} type="stepAfter" connectNulls isAnimationActive={false} />
            <Line dataKey="bound" name="Bound (nothing can score lower)" stroke="#16a34a" strokeDasharray="4 2" dot={false} type="stepAfter" connectNulls isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
