"use client";

import { useState } from "react";
import { saveGapThresholdsAction } from "@/lib/actions/settings/save-gap-thresholds";
import type { GapThresholdsInput } from "@/lib/schemas/settings";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { actionErrorText } from "@/lib/client/fetch-json";

const field = "mt-1 block w-28 rounded-md border border-slate-300 px-2 py-1.5 text-sm";

export function GapThresholdsForm({ initial }: { initial: GapThresholdsInput }) {
  const [values, setValues] = useState({ gapBelow: initial.gapBelow * 100, highBelow: initial.highBelow * 100, windowMinShortfall: initial.windowMinShortfall });
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  async function save(e: React.FormEvent) {
    e.preventDefault();
    const result = await saveGapThresholdsAction({ gapBelow: values.gapBelow / 100, highBelow: values.highBelow / 100, windowMinShortfall: values.windowMinShortfall });
    const error = actionErrorText(result);
    setStatus(error ? { tone: "error", text: error } : { tone: "success", text: "Saved. Coverage and gaps use the new thresholds." });
  }
  return (
    <form onSubmit={save} className="space-y-3" aria-label="Gap thresholds">
      <div className="flex flex-wrap gap-4 text-xs font-medium text-slate-600">
        <label>
          Gap below (% covered)
          <input type="number" step="1" min="1" max="100" className={field} value={values.gapBelow} onChange={(e) => setValues({ ...values, gapBelow: Number(e.target.value) })} />
        </label>
        <label>
          HIGH below (% covered)
          <input type="number" step="1" min="1" max="100" className={field} value={values.highBelow} onChange={(e) => setValues({ ...values, highBelow: Number(e.target.value) })} />
        </label>
        <label>
          Window from (agents short)
          <input type="number" step="0.1" min="0.1" className={field} value={values.windowMinShortfall} onChange={(e) => setValues({ ...values, windowMinShortfall: Number(e.target.value) })} />
        </label>
      </div>
      <Button type="submit" size="sm">
        Save thresholds
      </Button>
      {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
    </form>
  );
}
