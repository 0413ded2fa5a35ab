"use client";

import { useId } from "react";

/**
 * "Load from a file": reads a small text file (a CSV) in the browser and hands its text to
 * the form, which checks it as if it had been typed. Nothing is uploaded.
 */
export function TextFileInput({ label, onText, accept = ".csv,.txt,text/csv,text/plain" }: { label: string; onText: (text: string, fileName: string) => void; accept?: string }) {
  const id = useId();
  return (
    <span className="inline-flex items-center gap-2 text-xs font-normal text-slate-600">
      <label htmlFor={id} className="cursor-pointer rounded border border-slate-300 bg-white px-2 py-1 hover:bg-slate-50 focus-within:ring-2">
        {label}
      </label>
      <input
        id={id}
        type="file"
        accept={accept}
        aria-label={label}
        className="sr-only"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          if (file) onText(await file.text(), file.name);
          e.target.value = "";
        }}
      />
    </span>
  );
}
