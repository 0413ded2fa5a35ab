"use client";

import { useState } from "react";
import { saveStaffingSettingsAction } from "@/lib/actions/settings/save-staffing-settings";
import { staffingSettingsSchema, type StaffingSettingsInput } from "@/lib/schemas/staffing";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { actionErrorText } from "@/lib/client/fetch-json";
import { errorProps, fieldErrors, type FieldErrors } from "@/lib/client/field-errors";

const cell = "w-20 rounded-md border border-slate-300 px-2 py-1 text-sm";

/** Schema field → the input it is edited in and the column's words. */
const FIELDS = {
  serviceLevelTarget: { input: "sl", label: "Service level", scale: 100, unit: " %" },
  serviceLevelSeconds: { input: "seconds", label: "Answered within (seconds)" },
  maxOccupancy: { input: "occupancy", label: "Max occupancy", scale: 100, unit: " %" },
  shrinkage: { input: "shrinkage", label: "Shrinkage", scale: 100, unit: " %" },
} as const;

function Row({ initial }: { initial: StaffingSettingsInput }) {
  const [v, setV] = useState({
    sl: Math.round(initial.serviceLevelTarget * 100),
    seconds: initial.serviceLevelSeconds,
    occupancy: Math.round(initial.maxOccupancy * 100),
    shrinkage: Math.round(initial.shrinkage * 100),
  });
  const [status, setStatus] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  async function save() {
    const input = {
      skillId: initial.skillId,
      serviceLevelTarget: v.sl / 100,
      serviceLevelSeconds: v.seconds,
      maxOccupancy: v.occupancy / 100,
      shrinkage: v.shrinkage / 100,
    };
    // The server's schema first: every problem under its input, in the column's words.
    const checked = staffingSettingsSchema.safeParse(input);
    if (!checked.success) {
      const byField = fieldErrors(checked.error, FIELDS);
      setErrors(Object.fromEntries(Object.entries(byField).map(([k, m]) => [k in FIELDS ? FIELDS[k as keyof typeof FIELDS].input : k, m])));
      setStatus(null);
      return;
    }
    setErrors({});
    const result = await saveStaffingSettingsAction(input);
    setStatus(actionErrorText(result) ?? "Saved");
  }
  const num = (key: keyof typeof v, label: string) => {
    const id = `err-${initial.skillId}-${key}`;
    return (
      <>
        <input
          aria-label={`${initial.skillId} ${label}`}
          type="number"
          className={cell}
          value={Number.isNaN(v[key]) ? "" : v[key]}
          onChange={(e) => setV({ ...v, [key]: e.target.value === "" ? Number.NaN : Number(e.target.value) })}
          {...errorProps(errors, key, id)}
        />
        <FieldError id={id} messages={errors[key]} />
      </>
    );
  };
  return (
    <tr className="border-t border-slate-100">
      <th scope="row" className="py-1.5 pr-3 text-left font-medium">
        {initial.skillId}
      </th>
      <td className="py-1.5 pr-2 align-top">{num("sl", "service level %")} %</td>
      <td className="py-1.5 pr-2 align-top">{num("seconds", "answer seconds")} s</td>
      <td className="py-1.5 pr-2 align-top">{num("occupancy", "max occupancy %")} %</td>
      <td className="py-1.5 pr-2 align-top">{num("shrinkage", "shrinkage %")} %</td>
      <td className="py-1.5">
        <Button size="sm" variant="secondary" onClick={() => void save()}>
          Save
        </Button>
        {status ? (
          <span role="status" className={`ml-2 text-xs ${status === "Saved" ? "text-green-700" : "text-red-700"}`}>
            {status}
          </span>
        ) : null}
      </td>
    </tr>
  );
}

export function StaffingForm({ rows }: { rows: StaffingSettingsInput[] }) {
  return (
    <table className="text-sm" aria-label="Staffing settings">
      <thead className="text-left text-xs text-slate-500">
        <tr>
          <th className="pb-1 pr-3 font-medium">Skill</th>
          <th className="pb-1 pr-2 font-medium">Service level</th>
          <th className="pb-1 pr-2 font-medium">Answered within</th>
          <th className="pb-1 pr-2 font-medium">Max occupancy</th>
          <th className="pb-1 pr-2 font-medium">Shrinkage</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <Row key={r.skillId} initial={r} />
        ))}
      </tbody>
    </table>
  );
}
