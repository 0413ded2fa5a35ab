import { BAR_TONE } from "./geometry";

/** What the bars' colours and marks mean. */
export function ScheduleLegend() {
  return (
    <ul className="flex flex-wrap items-center gap-4 text-xs text-slate-600" aria-label="Legend">
      <li className="flex items-center gap-1.5">
        <span className={`inline-block h-3 w-6 rounded-sm ${BAR_TONE.PUBLISHED}`} aria-hidden /> Published
      </li>
      <li className="flex items-center gap-1.5">
        <span className={`inline-block h-3 w-6 rounded-sm ${BAR_TONE.DRAFT}`} aria-hidden /> Draft (agents do not see it yet)
      </li>
      <li className="flex items-center gap-1.5">
        <span className="relative inline-block h-3 w-6 rounded-sm bg-brand-600" aria-hidden>
          <span className="absolute -right-1 -top-1 h-2.5 w-2.5 rounded-full border border-white bg-red-600" />
        </span>
        Changed since published
      </li>
      <li className="flex items-center gap-1.5">
        <span className="inline-flex h-3 w-8 overflow-hidden rounded-sm" aria-hidden>
          <span className="h-3 w-3 bg-brand-600" />
          <span className="h-3 w-2 bg-brand-600 opacity-40" />
          <span className="h-3 w-3 bg-brand-600" />
        </span>
        Paid break (faint); unpaid breaks are gaps
      </li>
    </ul>
  );
}
