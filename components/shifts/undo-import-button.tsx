"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { UndoImportResult } from "@/lib/types/schedule";
import { Button } from "@/components/ui/button";
import { shiftEdits } from "@/components/schedule/shift-edits";

/**
 * "Undo" in the import history: removes exactly the shifts the import added and restores
 * what it replaced, after a confirmation; a refusal (a later edit or trade touched them)
 * is shown with its reason.
 */
export function UndoImportButton({ importId, fileName, importedRows }: { importId: string; fileName: string; importedRows: number }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<UndoImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (result) {
    return (
      <span className="text-xs text-green-800" role="status">
        Undone: {result.removed} removed, {result.restored} restored
      </span>
    );
  }
  if (!confirming) {
    return (
      <span className="inline-flex flex-col gap-1">
        <Button variant="ghost" size="sm" onClick={() => (setError(null), setConfirming(true))} aria-label={`Undo import ${fileName}`}>
          Undo
        </Button>
        {error ? (
          <span className="max-w-64 text-xs text-red-700" role="alert">
            {error}
          </span>
        ) : null}
      </span>
    );
  }
  return (
    <span className="inline-flex flex-col gap-1 rounded-md border border-red-200 bg-red-50 px-2 py-1 text-xs text-red-900" role="alertdialog" aria-label={`Confirm undo of ${fileName}`}>
      <span>Remove the {importedRows.toLocaleString()} shifts this import added and restore what it replaced?</span>
      <span className="flex gap-1">
        <Button
          variant="danger"
          size="sm"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              setResult(await shiftEdits.undoImport({ importId }));
              router.refresh();
            } catch (e) {
              setError(e instanceof Error ? e.message : "The undo failed.");
              setConfirming(false);
            } finally {
              setBusy(false);
            }
          }}
        >
          {busy ? "Undoing…" : "Undo import"}
        </Button>
        <Button variant="secondary" size="sm" onClick={() => setConfirming(false)}>
          Keep it
        </Button>
      </span>
    </span>
  );
}
