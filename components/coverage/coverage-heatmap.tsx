import type { DailyCoverage } from "@/lib/domain/gaps";
import { formatDateKey, formatPercent } from "@/components/ui/format";

/** Above the gap threshold but this close to it, a day is "covered, thin" (the light green). */
const FULLY_COVERED = 0.97;

const COLOURS = {
  none: "bg-slate-50 text-slate-400",
  high: "bg-red-500 text-white",
  medium: "bg-amber-300 text-amber-950",
  thin: "bg-green-200 text-green-900",
  full: "bg-green-500 text-white",
};

function cellColor(d: DailyCoverage | undefined): string {
  if (!d || d.coverageRatio === null) return COLOURS.none;
  if (d.priority === "HIGH") return COLOURS.high;
  if (d.priority === "MEDIUM") return COLOURS.medium;
  if (d.coverageRatio < FULLY_COVERED) return COLOURS.thin;
  return COLOURS.full;
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

/** Coverage ratio by skill × day; colour by priority, the number always written (not colour alone). */
export function CoverageHeatmap({
  days,
  skills,
  thresholds,
}: {
  days: DailyCoverage[];
  skills: { skillId: string; name: string }[];
  /** The gap settings: HIGH below highBelow, MEDIUM below gapBelow. */
  thresholds: { gapBelow: number; highBelow: number };
}) {
  const legend: Array<[string, string]> = [
    [COLOURS.high, `HIGH gap: below ${pct(thresholds.highBelow)}`],
    [COLOURS.medium, `MEDIUM gap: ${pct(thresholds.highBelow)} to ${pct(thresholds.gapBelow)}`],
    [COLOURS.thin, `Covered, thin: ${pct(thresholds.gapBelow)} to ${pct(FULLY_COVERED)}`],
    [COLOURS.full, `Covered: ${pct(FULLY_COVERED)} or more`],
    [COLOURS.none, "No demand"],
  ];
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
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600" aria-label="Heatmap colours">
        {legend.map(([colour, text]) => (
          <li key={text} className="flex items-center gap-1.5">
            <span aria-hidden className={`inline-block h-3 w-5 rounded border border-slate-200 ${colour}`} />
            {text}
          </li>
        ))}
      </ul>
      <p className="mt-1 text-xs text-slate-500">Covered hours ÷ required hours per local day; the number is written in every cell.</p>
    </div>
  );
}
