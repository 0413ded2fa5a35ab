import type { DailyCoverage } from "@/lib/domain/gaps";
import { formatDateKey, formatPercent } from "@/components/ui/format";

function cellColor(d: DailyCoverage | undefined): string {
  if (!d || d.coverageRatio === null) return "bg-slate-50 text-slate-400";
  if (d.priority === "HIGH") return "bg-red-500 text-white";
  if (d.priority === "MEDIUM") return "bg-amber-300 text-amber-950";
  if (d.coverageRatio < 0.97) return "bg-green-200 text-green-900";
  return "bg-green-500 text-white";
}

/** Coverage ratio by skill × day; colour by priority, the number always written (not colour alone). */
export function CoverageHeatmap({ days, skills }: { days: DailyCoverage[]; skills: { skillId: string; name: string }[] }) {
  const dates = [...new Set(days.map((d) => d.date))].sort();
  const byKey = new Map(days.map((d) => [`${d.skillId}|${d.date}`, d]));
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full border-separate border-spacing-1 text-xs" aria-label="Coverage ratio by skill and day">
        <thead>
          <tr>
            <th className="px-2 py-1 text-left font-medium text-slate-600">Skill</th>
            {dates.map((d) => (
              <th key={d} className="px-2 py-1 font-medium text-slate-600">
                {formatDateKey(d)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {skills.map((s) => (
            <tr key={s.skillId}>
              <th scope="row" className="whitespace-nowrap px-2 py-1 text-left font-medium text-slate-700">
                {s.skillId}
              </th>
              {dates.map((date) => {
                const d = byKey.get(`${s.skillId}|${date}`);
                return (
                  <td
                    key={date}
                    className={`rounded px-2 py-1.5 text-center tabular-nums ${cellColor(d)}`}
                    title={d ? `${d.requiredHours.toFixed(1)} h required, ${d.coveredHours.toFixed(1)} h covered, ${d.deficitHours.toFixed(1)} h short` : "no demand"}
                  >
                    {formatPercent(d?.coverageRatio ?? null)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-2 text-xs text-slate-500">
        Covered hours ÷ required hours per local day. Red: HIGH priority gap; amber: MEDIUM gap; green: covered.
      </p>
    </div>
  );
}
