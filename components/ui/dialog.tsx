"use client";

import { useEffect, useId, useRef } from "react";
import { cn } from "./cn";

/**
 * A modal on the native <dialog>: the browser traps focus, Escape closes it, and focus
 * returns to what opened it. `side` docks it to the right as a panel.
 */
export function Dialog({
  open,
  onClose,
  title,
  children,
  side = false,
  className,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: React.ReactNode;
  side?: boolean;
  className?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className={cn(
        "rounded-lg border border-slate-200 bg-white p-0 text-slate-800 shadow-xl backdrop:bg-slate-900/30",
        side ? "m-0 ml-auto h-full max-h-none w-full max-w-lg rounded-none" : "w-full max-w-xl",
        className,
      )}
    >
      {open ? (
        <div className="flex h-full flex-col">
          <div className="flex items-start justify-between gap-3 border-b border-slate-100 px-5 py-4">
            <h2 id={titleId} className="text-base font-semibold">
              {title}
            </h2>
            <button type="button" className="rounded px-2 text-lg leading-none text-slate-500 hover:bg-slate-100" aria-label="Close" onClick={onClose}>
              ×
            </button>
          </div>
          <div className="flex-1 overflow-y-auto px-5 py-4">{children}</div>
        </div>
      ) : null}
    </dialog>
  );
}
