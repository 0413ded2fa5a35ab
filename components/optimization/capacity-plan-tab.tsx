"use client";

import { TextFileInput } from "@/components/ui/text-file-input";
import { withoutHeaderLine } from "./shift-type-lines";
import { useState } from "react";
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { runCapacityPlanAction } from "@/lib/actions/optimization/run-capacity-plan";
import { saveSiteShiftTypesAction } from "@/lib/actions/optimization/save-site-shift-types";
import { actionErrorText } from "@/lib/client/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DataTable, Row } from "@/components/ui/table";
import type { CapacityShiftType } from "@/lib/schemas/capacity-plan";

export interface CapacityChoices {
  skills: { id: string; name: string }[];
  sites: { id: string; timeZone: string }[];
  /** Each site's saved shift types (site id → list), for the sites that have them. */
  savedShiftTypes: Record<string, CapacityShiftType[]>;
  canSaveShiftTypes: boolean;
}

type Answer = NonNullable<Awaited<ReturnType<typeof runCapacityPlanAction>>["data"]>;

const field = "mt-1 block rounded-md border border-slate-300 px-2.5 py-1.5 text-sm";
const DEFAULT_TYPES = ["Early,06:00,8", "Day,08:00,8", "Mid,10:00,8", "Late,12:00,8", "Evening,14:00,8", "Night,22:00,8"].join("\n");

/** A saved shift type as the line a planner types: "Late,14:30,8.5" or "Late,14:30,8.5,1.2,12". */
export function shiftTypeLine(t: CapacityShiftType): string {
  const tail = t.maxCount != null ? `,${t.cost},${t.maxCount}` : t.cost !== 1 ? `,${t.cost}` : "";
  return `${t.id},${t.start},${t.lengthHours}${tail}`;
}

function savedText(saved: Record<string, CapacityShiftType[]>, siteId: string): string | null {
  const list = saved[siteId];
  return list ? list.map(shiftTypeLine).join("\n") : null;
}

/** "Early,06:00,8[,cost[,maxCount]]" lines → shift types; a line that does not read is named. */
function parseTypes(text: string): { id: string; start: string; lengthHours: number; cost?: number; maxCount?: number | null }[] | string {
  const out = [];
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  for (const [k, line] of lines.entries()) {
    const [id, start, length, cost, max] = line.split(",").map((x) => x.trim());
    if (!id || !start || !length || !Number.isFinite(Number(length))) return `Shift type line ${k + 1} ("${line}") is not name,start,length hours[,cost[,max per day]].`;
    out.push({ id, start, lengthHours: Number(length), ...(cost ? { cost: Number(cost) } : {}), ...(max ? { maxCount: Number(max) } : {}) });
  }
  return out;
}

/**
 * The capacity plan: required agents per interval (from the loaded demand of a skill, or
 * pasted) and shift types → agents per shift type per day, with the proven bound.
 */
export function CapacityPlanTab({ choices, defaultFrom }: { choices: CapacityChoices; defaultFrom: string }) {
  const [source, setSource] = useState<"demand" | "pasted">("demand");
  const [skillId, setSkillId] = useState(choices.skills[0]?.id ?? "");
  const [siteId, setSiteId] = useState(choices.sites[0]?.id ?? "");
  const [saved, setSaved] = useState(choices.savedShiftTypes);
  const [saving, setSaving] = useState(false);
  const [savedNote, setSavedNote] = useState<string | null>(null);
  const [from, setFrom] = useState(defaultFrom);
  const [days, setDays] = useState(7);
  const [pasted, setPasted] = useState("");
  const [types, setTypes] = useState(() => savedText(choices.savedShiftTypes, choices.sites[0]?.id ?? "") ?? DEFAULT_TYPES);
  const [objective, setObjective] = useState<"MIN_DEVIATION" | "MIN_AGENTS">("MIN_DEVIATION");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [answer, setAnswer] = useState<Answer | null>(null);

  async function run(e: React.FormEvent) {
    e.preventDefault();
    setError(null);
    const shiftTypes = parseTypes(types);
    if (typeof shiftTypes === "string") return setError(shiftTypes);
    const required = pasted.split(/[\s,;]+/).filter(Boolean).map(Number);
    if (source === "pasted" && required.some((v) => !Number.isFinite(v))) return setError("The pasted requirement has a value that is not a number.");
    setBusy(true);
    const result = await runCapacityPlanAction(source === "demand" ? { source, skillId, siteId, from, days, shiftTypes, objective } : { source, required, shiftTypes, objective });
    setBusy(false);
    const text = actionErrorText(result);
    if (text) return setError(text);
    setAnswer(result!.data!);
  }

  // Choosing a site loads its saved shift types; a site without any keeps what is typed, so a list can be saved for another site.
  function chooseSite(id: string) {
    setSiteId(id);
    setSavedNote(null);
    const text = savedText(saved, id);
    if (text !== null) setTypes(text);
  }

  async function saveForSite() {
    setError(null);
    setSavedNote(null);
    const shiftTypes = parseTypes(types);
    if (typeof shiftTypes === "string") return setError(shiftTypes);
    setSaving(true);
    const result = await saveSiteShiftTypesAction({ siteId, shiftTypes });
    setSaving(false);
    const text = actionErrorText(result);
    if (text) return setError(text);
    const data = result!.data!;
    setSaved((prev) => ({ ...prev, [data.siteId]: data.shiftTypes }));
    setTypes(data.shiftTypes.map(shiftTypeLine).join("\n"));
    setSavedNote(`Saved ${data.shiftTypes.length} shift type${data.shiftTypes.length === 1 ? "" : "s"} for ${data.siteId}.`);
  }

  const savedHere = saved[siteId];
  const unchanged = savedHere !== undefined && savedText(saved, siteId) === types.trim();
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader title="Capacity plan" description="How many agents to put on each shift type each day so the scheduled agents follow the required agents of one skill (15-minute intervals, the site's local clock). Solved exactly by HiGHS." />
        <CardBody>
          <form onSubmit={run} aria-label="Capacity plan" className="grid gap-4 text-xs font-medium text-slate-600 md:grid-cols-2">
            <label className="md:col-span-2">
              Site (its zone for loaded demand, and its saved shift types)
              <select aria-label="Capacity site" className={field} value={siteId} onChange={(e) => chooseSite(e.target.value)}>
                {choices.sites.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.id} ({s.timeZone}){saved[s.id] ? ` · ${saved[s.id].length} saved shift types` : ""}
                  </option>
                ))}
              </select>
            </label>
            <fieldset className="space-y-2">
              <legend className="mb-1">Required agents</legend>
              <label className="mr-4 inline-flex items-center gap-2 text-sm">
                <input type="radio" name="source" checked={source === "demand"} onChange={() => setSource("demand")} /> Loaded demand
              </label>
              <label className="inline-flex items-center gap-2 text-sm">
                <input type="radio" name="source" checked={source === "pasted"} onChange={() => setSource("pasted")} /> Pasted
              </label>
              {source === "demand" ? (
                <div className="flex flex-wrap gap-3">
                  <label>
                    Skill
                    <select aria-label="Capacity skill" className={field} value={skillId} onChange={(e) => setSkillId(e.target.value)}>
                      {choices.skills.map((s) => (
                        <option key={s.id} value={s.id}>
                          {s.id}
                        </option>
                      ))}
                    </select>
                  </label>
                  <label>
                    First day
                    <input type="date" aria-label="Capacity first day" className={field} value={from} onChange={(e) => setFrom(e.target.value)} />
                  </label>
                  <label>
                    Days
                    <input type="number" aria-label="Capacity days" className={`${field} w-20`} min={1} max={31} value={days} onChange={(e) => setDays(Number(e.target.value))} />
                  </label>
                </div>
              ) : (
                <>
                <label className="block">
                  Required agents per 15-minute interval from local midnight, 96 a day (commas, spaces or lines)
                  <textarea aria-label="Pasted requirement" className={`${field} h-24 w-full font-mono`} value={pasted} onChange={(e) => setPasted(e.target.value)} />
                </label>
                <TextFileInput label="Load the required agents from a CSV file" onText={(text) => setPasted(text)} />
                </>
              )}
            </fieldset>
            <div className="space-y-2">
              <label className="block">
                Shift types: name,start,length hours[,cost[,max per day]] — one a line
                <textarea aria-label="Shift types" className={`${field} h-28 w-full font-mono`} value={types} onChange={(e) => (setTypes(e.target.value), setSavedNote(null))} />
              </label>
              <TextFileInput label="Load shift-type rows from a CSV file" onText={(text) => (setTypes(withoutHeaderLine(text)), setSavedNote(null))} />
              <div className="flex flex-wrap items-center gap-3">
                {choices.canSaveShiftTypes ? (
                  <Button type="button" variant="secondary" size="sm" onClick={saveForSite} disabled={saving || !siteId}>
                    {saving ? "Saving…" : "Save for this site"}
                  </Button>
                ) : null}
                <span className="text-xs font-normal text-slate-500" role="status" data-testid="shift-types-status">
                  {savedNote ?? (savedHere === undefined ? `No shift types saved for ${siteId} yet.` : unchanged ? `${siteId}'s saved shift types.` : `Changed since ${siteId}'s saved shift types (${savedHere.length}).`)}
                </span>
              </div>
              <label className="mr-4 inline-flex items-center gap-2 text-sm">
                <input type="radio" name="objective" checked={objective === "MIN_DEVIATION"} onChange={() => setObjective("MIN_DEVIATION")} /> Closest to required
              </label>
              <label className="inline-flex items-center gap-2 text-sm">
                <input type="radio" name="objective" checked={objective === "MIN_AGENTS"} onChange={() => setObjective("MIN_AGENTS")} /> Fewest agents covering every interval
              </label>
            </div>
            <div>
              <Button type="submit" disabled={busy}>
                {busy ? "Planning…" : "Plan capacity"}
              </Button>
            </div>
          </form>
          {error ? (
            <Alert tone="error" className="mt-3">
              {error}
            </Alert>
          ) : null}
        </CardBody>
      </Card>
      {answer ? <CapacityAnswer answer={answer} /> : null}
    </div>
  );
}

function CapacityAnswer({ answer: a }: { answer: Answer }) {
  const dayCount = Math.max(1, Math.round(a.required.length / 96));
  const typeIds = [...new Set(a.counts.map((c) => c.shiftTypeId))];
  const count = (t: string, d: number) => a.counts.find((c) => c.shiftTypeId === t && c.day === d)?.count ?? 0;
  const words =
    a.status === "OPTIMAL" ? "Proven optimal." : a.status === "TIME_LIMIT" ? `Stopped at the time limit${a.gap != null ? `, within ${(a.gap * 100).toFixed(1)} % of the best possible` : ""}.` : "The solver stopped early: this plan may not be the best.";
  const points = a.required.map((r, i) => ({ i, required: r, scheduled: a.coverage[i] }));
  return (
    <Card data-testid="capacity-result">
      <CardHeader
        title={`${a.totals.agents} agent shifts over ${dayCount} day${dayCount === 1 ? "" : "s"}`}
        description={`${a.skillId ? `${a.skillId}, from ${a.from} (${a.timeZone}). ` : ""}${a.objective === "MIN_DEVIATION" ? "Closest to required" : "Fewest agents covering every interval"}.`}
      />
      <CardBody className="space-y-4">
        <p className="text-sm font-medium">
          {words} Objective {a.incumbent?.toFixed(2) ?? "—"}, bound {a.bound?.toFixed(2) ?? "—"}; short {a.totals.shortHours.toFixed(1)} agent-hours, over {a.totals.overHours.toFixed(1)}; solved in {(a.solveMs / 1000).toFixed(1)} s.
        </p>
        <DataTable label="Agents per shift type and day" columns={["Shift type", ...Array.from({ length: dayCount }, (_, d) => `Day ${d + 1}`)]}>
          {typeIds.map((t) => (
            <Row key={t}>
              <td className="px-2 py-1.5 font-medium">{t}</td>
              {Array.from({ length: dayCount }, (_, d) => (
                <td key={d} className="px-2 py-1.5 tabular-nums">
                  {count(t, d)}
                </td>
              ))}
            </Row>
          ))}
        </DataTable>
        <figure aria-label="Required and scheduled agents per interval">
          <figcaption className="mb-1 text-xs font-medium text-slate-600">Required and scheduled agents per 15-minute interval (local clock, day 1 first)</figcaption>
          <div style={{ height: 180 }}>
            <ResponsiveContainer width="100%" height="100%">
              <LineChart data={points} margin={{ top: 4, right: 8, bottom: 0, left: -20 }}>
                <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
                <XAxis dataKey="i" type="number" domain={[0, points.length]} ticks={Array.from({ length: dayCount + 1 }, (_, d) => d * 96)} tickFormatter={(i) => `Day ${Math.floor(Number(i) / 96) + 1}`} fontSize={10} />
                <YAxis fontSize={10} allowDecimals={false} />
                <Tooltip labelFormatter={(i) => `Day ${Math.floor(Number(i) / 96) + 1} ${String(Math.floor((Number(i) % 96) / 4)).padStart(2, "0")}:${String((Number(i) % 4) * 15).padStart(2, "0")}`} isAnimationActive={false} />
                <Legend wrapperStyle={{ fontSize: 10 }} />
                <Line dataKey="required" name="Required" stroke="#0f172a" strokeDasharray="4 2" dot={false} type="stepAfter" isAnimationActive={false} />
                <Line dataKey="scheduled" name="Scheduled" stroke="#2563eb" strokeWidth={2} dot={false} type="stepAfter" isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          </div>
        </figure>
      </CardBody>
    </Card>
  );
}
