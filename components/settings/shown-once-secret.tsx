"use client";

import { useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/**
 * A secret the server shows once (an API token, a webhook's signing secret): the value in a
 * read-only field, Copy and Done. "Copied" belongs to the value copied, so a new secret starts
 * as not copied.
 */
export function ShownOnceSecret({ title, label, value, onDone, onCopyFailed, children }: { title: string; label: string; value: string; onDone: () => void; onCopyFailed: () => void; children: ReactNode }) {
  const [copiedValue, setCopiedValue] = useState<string | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopiedValue(value);
    } catch {
      onCopyFailed();
    }
  }
  return (
    <Alert tone="warning" title={title}>
      <div className="flex flex-wrap items-center gap-2">
        <input readOnly aria-label={label} className="w-[32rem] max-w-full rounded border border-amber-300 bg-white px-2 py-1 font-mono text-xs" value={value} onFocus={(e) => e.currentTarget.select()} />
        <Button size="sm" variant="secondary" onClick={copy}>
          {copiedValue === value ? "Copied" : "Copy"}
        </Button>
        <Button size="sm" variant="ghost" onClick={onDone}>
          Done
        </Button>
      </div>
      {children}
    </Alert>
  );
}
