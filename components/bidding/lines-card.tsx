"use client";

import { useState } from "react";
import type { BiddingOverview } from "@/lib/services/bidding/list-bidding";
import type { BidLine } from "@/lib/domain/bidding/types";
import { lineLabel } from "@/lib/domain/bidding/from-schedule";
import { saveBidLinesAction } from "@/lib/actions/bidding/save-bid-lines";
import { proposeLinesFromScheduleAction } from "@/lib/actions/bidding/propose-lines-from-schedule";
import { actionErrorText } from "@/lib/client/fetch-json";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { DataTable, Row } from "@/components/ui/table";

const td = "px-2 py-1.5";
const input = "mt-1 block w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm";
const label = "text-xs font-medium text-slate-600";
const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

type Run = (p: Promise<unknown>, ok: string) => Promise<boolean>;
type NewLine = Omit<BidLine, "id">;

/** One line: weekdays, start–end on the chosen site's clock (its zone named), skill, slots. */
function LineForm({ view, period, run }: { view: BiddingOverview; period: { start: string; end: string }; run: Run }) {
  const [siteId, setSiteId] = useState(view.sites[0]?.id ?? "");
  const [skillId, setSkillId] = useState(view.skills[0]?.id ?? "");
  const [days, setDays] = useState<number[]>([1, 2, 3, 4, 5]);
  const [start, setStart] = useState("08:00");
  const [end, setEnd] = useState("16:30");
  const [slots, setSlots] = useState("1");
  const [name, setName] = useState("");
  const zone = view.sites.find((s) => s.id === siteId)?.timeZone ?? "";
  const line: NewLine = { label: "", siteId, skillId, days, start, end, slots: Number(slots), breaks: [] };
  const auto = days.length ? lineLabel(line) : "";
  return (
    <form
      aria-label="New line"
      className="space-y-3 rounded-md border border-slate-200 p-3"
      onSubmit={(e) => {
        e.preventDefault();
        void run(saveBidLinesAction({ period, lines: [{ ...line, label: name.trim() || auto }] }), `Line added: ${name.trim() || auto}.`).then((ok) => ok && setName(""));
      }}
    >
      <h3 className="text-sm font-semibold">Add one line</h3>
      <div className="grid gap-3 md:grid-cols-4">
        <label className={label}>
          Site
          <select className={input} value={siteId} onChange={(e) => setSiteId(e.target.value)}>
            {view.sites.map((s) => (
              <option key={s.id} value={s.id}>{s.id} — {s.name}</option>
            ))}
          </select>
        </label>
        <label className={label}>
          Skill
          <select className={input} value={skillId} onChange={(e) => setSkillId(e.target.value)}>
            {view.skills.map((s) => (
              <option key={s.id} value={s.id}>{s.id}</option>
            ))}
          </select>
        </label>
        <label className={label}>
          Starts ({zone})
          <input type="time" className={input} value={start} onChange={(e) => setStart(e.target.value)} />
        </label>
        <label className={label}>
          Ends ({zone})
          <input type="time" className={input} value={end} onChange={(e) => setEnd(e.target.value)} />
        </label>
        <label className={label}>
          Slots
          <input type="number" min={1} className={input} value={slots} onChange={(e) => setSlots(e.target.value)} />
        </label>
        <label className={`${label} md:col-span-3`}>
          Label (empty: {auto || "from the pattern"})
          <input className={input} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
      </div>
      <fieldset className="flex flex-wrap gap-3 text-sm">
        <legend className={label}>Weekdays</legend>
        {DAYS.map((d, i) => (
          <label key={d} className="flex items-center gap-1">
            <input type="checkbox" checked={days.includes(i + 1)} onChange={(e) => setDays(e.target.checked ? [...days, i + 1].sort() : days.filter((x) => x !== i + 1))} /> {d}
          </label>
        ))}
      </fieldset>
      <p className="text-xs text-slate-500">Times are on the site&apos;s clock ({zone || "choose a site"}); an end before the start runs past midnight.</p>
      <Button type="submit" size="sm" disabled={!siteId || !skillId || days.length === 0}>Add line</Button>
    </form>
  );
}

/** Lines from the current schedule: the scope's patterns as worked between two dates, reviewed before they are added. */
function FromSchedule({ view, period, run, onCsv }: { view: BiddingOverview; period: { start: string; end: string }; run: Run; onCsv: (csv: string) => void }) {
  const scopes = view.scopes.filter((s) => s.status !== "archived" && s.period.start === period.start && s.period.end === period.end);
  const [scopeId, setScopeId] = useState(scopes[0]?.id ?? "");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [proposal, setProposal] = useState<{ lines: NewLine[]; weeks: string[]; shiftsRead: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function propose() {
    setError(null);
    setProposal(null);
    const result = await proposeLinesFromScheduleAction({ scopeId, from, to });
    const err = actionErrorText(result);
    if (err) setError(err);
    else if (result?.data) setProposal(result.data);
  }
  if (scopes.length === 0) return null;
  return (
    <div role="group" aria-label="Lines from the current schedule" className="space-y-3 rounded-md border border-slate-200 p-3">
      <h3 className="text-sm font-semibold">Lines from the current schedule</h3>
      <div className="flex flex-wrap items-end gap-3">
        <label className={label}>
          Scope (its sites and skill groups)
          <select className={input} value={scopeId} onChange={(e) => setScopeId(e.target.value)}>
            {scopes.map((s) => (
              <option key={s.id} value={s.id}>{s.name}</option>
            ))}
          </select>
        </label>
        <label className={label}>
          Schedule from (site&apos;s local date)
          <input type="date" className={input} value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className={label}>
          to
          <input type="date" className={input} value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <Button size="sm" variant="secondary" disabled={!scopeId || !from || !to} onClick={() => void propose()}>Read the schedule</Button>
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {proposal ? (
        <>
          <p className="text-xs text-slate-600">
            {proposal.shiftsRead} shifts in {proposal.weeks.length} week{proposal.weeks.length === 1 ? "" : "s"} ({proposal.weeks.join(", ")}): slots are agents per average week.
          </p>
          <DataTable label="Proposed lines" columns={["Line", "Slots"]}>
            {proposal.lines.map((l) => (
              <Row key={l.label}>
                <td className={td}>{l.label}</td>
                <td className={`${td} tabular-nums`}>{l.slots}</td>
              </Row>
            ))}
          </DataTable>
          <div className="flex gap-2">
            <Button size="sm" onClick={() => void run(saveBidLinesAction({ period, lines: proposal.lines }), `${proposal.lines.length} lines added from the schedule.`).then((ok) => ok && setProposal(null))}>
              Add these {proposal.lines.length} lines
            </Button>
            <Button size="sm" variant="secondary" onClick={() => onCsv(["label,siteId,skillId,days,start,end,slots", ...proposal.lines.map((l) => [`"${l.label}"`, l.siteId, l.skillId, `"${l.days.join(",")}"`, l.start, l.end, l.slots].join(","))].join("\n"))}>
              Edit as CSV first
            </Button>
          </div>
        </>
      ) : null}
    </div>
  );
}

/** The lines of the bid periods, and the planner's three ways to add them: one by one, from the schedule, from a CSV. */
export function LinesCard({ view, period, canEdit, run }: { view: BiddingOverview; period: { start: string; end: string } | null; canEdit: boolean; run: Run }) {
  const [csv, setCsv] = useState("");
  const zoneOf = new Map(view.sites.map((s) => [s.id, s.timeZone]));
  return (
    <Card>
      <CardHeader title="Lines" description="Weekly shift patterns with slots, on the site's clock." />
      <CardBody className="space-y-4">
        {view.lines.length === 0 ? (
          <EmptyState title="No lines yet">{canEdit ? "Add one below, read them from the schedule, or upload a CSV." : "A planner adds lines."}</EmptyState>
        ) : (
          <DataTable label="Lines" columns={["Line", "Site", "Skill", "Period", "Slots"]}>
            {view.lines.map((l) => (
              <Row key={l.id}>
                <td className={td}>{l.label}</td>
                <td className={td}>{l.siteId} <span className="text-xs text-slate-500">({zoneOf.get(l.siteId) ?? "?"})</span></td>
                <td className={td}>{l.skillId}</td>
                <td className={`${td} tabular-nums`}>{l.periodStart} – {l.periodEnd}</td>
                <td className={`${td} tabular-nums`}>{l.slots}</td>
              </Row>
            ))}
          </DataTable>
        )}
        {canEdit && period ? (
          <>
            <LineForm view={view} period={period} run={run} />
            <FromSchedule view={view} period={period} run={run} onCsv={setCsv} />
            <div>
              <label className="text-xs font-medium text-slate-600" htmlFor="lines-csv">
                Add lines for {period.start} – {period.end} (CSV: label, siteId, skillId, days, start, end, slots)
              </label>
              <textarea id="lines-csv" className="mt-1 block h-24 w-full rounded-md border border-slate-300 p-2 font-mono text-xs" value={csv} onChange={(e) => setCsv(e.target.value)} />
              <Button className="mt-2" size="sm" disabled={!csv.trim()} onClick={() => void run(saveBidLinesAction({ period, csv }), "Lines added.").then((ok) => ok && setCsv(""))}>Add lines</Button>
            </div>
          </>
        ) : null}
      </CardBody>
    </Card>
  );
}
