"use client";

import { useState } from "react";
import { saveGapThresholdsAction } from "@/lib/actions/settings/save-gap-thresholds";
import { gapThresholdsSchema, type GapThresholdsInput } from "@/lib/schemas/settings";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { actionErrorText } from "@/lib/client/fetch-json";
import { errorProps, fieldErrors, type FieldErrors, type FieldLabels } from "@/lib/client/field-errors";

const field = "mt-1 block w-28 rounded-md border border-slate-300 px-2 py-1.5 text-sm";

const LABELS: FieldLabels = {
  gapBelow: { label: "Gap below (% covered)", scale: 100, unit: " %" },
  highBelow: { label: "HIGH below (% covered)", scale: 100, unit: " %" },
  windowMinShortfall: { label: "Window from (agents short)" },
};
type Key = "gapBelow" | "highBelow" | "windowMinShortfall";

/** Checked with the server's schema first: every problem under its input, in the label's words. */
export function GapThresholdsForm({ initial }: { initial: GapThresholdsInput }) {
  const [values, setValues] = useState<Record<Key, number>>({ gapBelow: initial.gapBelow * 100, highBelow: initial.highBelow * 100, windowMinShortfall: initial.windowMinShortfall });
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  async function save(e: React.FormEvent) {
    e.preventDefault();
    const input = { gapBelow: values.gapBelow / 100, highBelow: values.highBelow / 100, windowMinShortfall: values.windowMinShortfall };
    const checked = gapThresholdsSchema.safeParse(input);
    if (!checked.success) {
      setErrors(fieldErrors(checked.error, LABELS));
      setStatus(null);
      return;
    }
    setErrors({});
    const result = await saveGapThresholdsAction(input);
    const error = actionErrorText(result);
    setStatus(error ? { tone: "error", text: error } : { tone: "success", text: "Saved. Coverage and gaps use the new thresholds." });
  }
  const input = (key: Key, step: string) => (
    <div key={key}>
      <label>
        {(LABELS[key] as { label: string }).label}
      <input
        type="number"
        step={step}
        className={field}
        value={Number.isNaN(values[key]) ? "" : values[key]}
        onChange={(e) => setValues({ ...values, [key]: e.target.value === "" ? Number.NaN : Number(e.target.value) })}
        {...errorProps(errors, key, `err-gap-${key}`)}
      />
      </label>
      <FieldError id={`err-gap-${key}`} messages={errors[key]} />
    </div>
  );
  return (
    <form onSubmit={save} noValidate className="space-y-3" aria-label="Gap thresholds">
      <div className="flex flex-wrap gap-4 text-xs font-medium text-slate-600">
        {input("gapBelow", "1")}
        {input("highBelow", "1")}
        {input("windowMinShortfall", "0.1")}
      </div>
      {errors[""] ? <Alert tone="error">{errors[""].join(" ")}</Alert> : null}
      <Button type="submit" size="sm">
        Save thresholds
      </Button>
      {status ? <Alert tone={status.tone}>{status.text}</Alert> : null}
    </form>
  );
}
