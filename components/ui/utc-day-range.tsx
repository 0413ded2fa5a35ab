"use client";

/**
 * A From/To pair of whole UTC days, as the CXone exchanges take them (their ranges are UTC
 * dates). `name` words the fields for screen readers and tests: "Compare from", "Compare to".
 */
export function UtcDayRangeFields({ name, from, to, onFrom, onTo, labelClassName, fieldClassName }: { name: string; from: string; to: string; onFrom: (v: string) => void; onTo: (v: string) => void; labelClassName: string; fieldClassName: string }) {
  return (
    <>
      <label className={labelClassName}>
        From (UTC day)
        <input type="date" aria-label={`${name} from`} className={fieldClassName} value={from} onChange={(e) => onFrom(e.target.value)} />
      </label>
      <label className={labelClassName}>
        To (UTC day)
        <input type="date" aria-label={`${name} to`} className={fieldClassName} value={to} onChange={(e) => onTo(e.target.value)} />
      </label>
    </>
  );
}
