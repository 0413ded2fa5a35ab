"use client";

import { useRef } from "react";
import { cn } from "./cn";

export interface SegmentedOption<V extends string> {
  value: V;
  label: React.ReactNode;
}

/**
 * A choice of two or three mutually exclusive views shown as joined buttons: a WAI-ARIA
 * radio group. Tab reaches the chosen option only (roving tab index); the arrow keys, Home
 * and End move to another option and choose it, as native radio buttons do.
 */
export function SegmentedControl<V extends string>({
  label,
  options,
  value,
  onChange,
  className,
}: {
  /** The group's accessible name ("Net or gross coverage"). */
  label: string;
  options: readonly SegmentedOption<V>[];
  value: V;
  onChange: (value: V) => void;
  className?: string;
}) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const chosen = Math.max(
    0,
    options.findIndex((o) => o.value === value),
  );

  function move(to: number) {
    const i = (to + options.length) % options.length;
    buttons.current[i]?.focus();
    if (options[i].value !== value) onChange(options[i].value);
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLButtonElement>, i: number) {
    const to = e.key === "ArrowRight" || e.key === "ArrowDown" ? i + 1 : e.key === "ArrowLeft" || e.key === "ArrowUp" ? i - 1 : e.key === "Home" ? 0 : e.key === "End" ? options.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    move(to);
  }

  return (
    <div role="radiogroup" aria-label={label} className={cn("inline-flex overflow-hidden rounded-md border border-slate-300", className)}>
      {options.map((o, i) => {
        const on = i === chosen;
        return (
          <button
            key={o.value}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            role="radio"
            aria-checked={o.value === value}
            tabIndex={on ? 0 : -1}
            onClick={() => o.value !== value && onChange(o.value)}
            onKeyDown={(e) => onKeyDown(e, i)}
            className={cn("px-3 py-1.5 text-sm focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-500", o.value === value ? "bg-brand-600 text-white" : "bg-white text-slate-700 hover:bg-slate-50")}
          >
            {o.label}
          </button>
        );
      })}
    </div>
  );
}
