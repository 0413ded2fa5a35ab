"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { scheduleKeys, useShiftDetail } from "@/lib/client/hooks/schedule";
import type { ScheduleShift } from "@/lib/types/schedule";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { formValuesOf } from "./form-values";
import { clock, dayLabel, hours } from "./geometry";
import type { NewShiftTarget, ShiftTarget } from "./schedule-grid";
import { shiftEdits, StaleShiftError } from "./shift-edits";
import { ShiftForm } from "./shift-form";
import { localDateKey } from "@/lib/domain/time";
import { paidHours } from "@/lib/domain/trades/hours";

export type PanelTarget = ({ kind: "shift" } & ShiftTarget) | ({ kind: "new" } & NewShiftTarget);

const STALE = "This shift was changed by someone else since you opened it. Its current values are below; your change was not saved.";

/**
 * A shift's panel: its fields in the grid's zone, who changed it when, and (for planners)
 * the edit form and delete; or the form for a new shift drawn or added on a row.
 */
export function ShiftPanel({
  target,
  canEdit,
  sites,
  onClose,
}: {
  target: PanelTarget | null;
  canEdit: boolean;
  sites: { id: string; name: string }[];
  onClose: () => void;
}) {
  const client = useQueryClient();
  // After a stale save: what is stored now (the form starts again from it).
  const [stale, setStale] = useState<ScheduleShift | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const shiftId = target?.kind === "shift" ? target.shift.id : null;
  const detail = useShiftDetail(shiftId);

  const done = async () => {
    await client.invalidateQueries({ queryKey: scheduleKeys.all });
    setStale(null);
    setConfirmDelete(false);
    onClose();
  };
  const close = () => {
    setStale(null);
    setConfirmDelete(false);
    setDeleteError(null);
    onClose();
  };

  async function refusedOrStale(e: unknown): Promise<never> {
    if (e instanceof StaleShiftError) {
      setStale(e.current);
      // The grid and the strip show the stored shift too.
      void client.invalidateQueries({ queryKey: scheduleKeys.all });
    }
    throw e;
  }

  if (!target) return <Dialog open={false} onClose={close} title="" side>{null}</Dialog>;
  const zone = target.zone;
  const row = target.row;
  // After a stale save, the form starts from what is stored now.
  const current: ScheduleShift | null = target.kind === "shift" ? (stale ?? target.shift) : null;
  const title = target.kind === "shift" ? `${row.name} · ${dayLabel(localDateKey(target.shift.start, zone))}` : `New shift · ${row.name}`;

  return (
    <Dialog open onClose={close} title={title} side>
      <div className="space-y-4" data-testid="shift-panel">
        {current ? (
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-slate-500">Time</dt>
            <dd data-testid="panel-time">
              {clock(current.start, zone)}–{clock(current.end, zone)} <span className="text-slate-500">{zone}</span>
            </dd>
            <dt className="text-slate-500">Paid</dt>
            <dd>{hours(paidHours(current))} h</dd>
            <dt className="text-slate-500">Status</dt>
            <dd>
              <Badge tone={current.status === "PUBLISHED" ? "info" : "warn"}>{current.status === "PUBLISHED" ? "Published" : "Draft"}</Badge>
              {current.changedSincePublish ? <Badge tone="bad" className="ml-1">Changed since published</Badge> : null}
            </dd>
            <dt className="text-slate-500">Worked at</dt>
            <dd>{current.siteId}</dd>
            <dt className="text-slate-500">Breaks</dt>
            <dd>{current.breaks.length ? current.breaks.map((b) => `${clock(current.start + b.startOffsetMinutes * 60_000, zone)} ${b.durationMinutes} min${b.paid ? " (paid)" : ""}`).join(", ") : "none"}</dd>
            <dt className="text-slate-500">Skills</dt>
            <dd>{current.skills.length ? current.skills.map((s) => s.skillId).join(", ") : "the agent's skills"}</dd>
            <dt className="text-slate-500">Version</dt>
            <dd>{current.version}</dd>
          </dl>
        ) : null}

        {stale ? <Alert tone="warning" title="Changed by someone else since you opened it">{STALE}</Alert> : null}

        {canEdit ? (
          <ShiftForm
            key={current ? `${current.id}:${current.version}` : `new:${target.kind === "new" ? target.start : 0}`}
            initial={formValuesOf(
              current ?? { agentId: row.agentId, siteId: row.homeSiteId, start: target.kind === "new" ? target.start : 0, end: target.kind === "new" ? target.end : 0, breaks: [], skills: [], status: "DRAFT" },
              zone,
            )}
            agentSkills={row.skills}
            sites={sites}
            submitLabel={current ? "Save changes" : "Create shift"}
            onPreview={(fields) => shiftEdits.preview({ ...fields, ...(current ? { shiftId: current.id } : {}) })}
            onSave={async (fields) => {
              const result = current
                ? await shiftEdits.edit({ ...fields, shiftId: current.id, version: current.version }).catch(refusedOrStale)
                : await shiftEdits.create(fields);
              if (!result.shift) return result.findings;
              await done();
            }}
          />
        ) : (
          <p className="text-sm text-slate-500">Read-only: your role may look at this schedule but not change it.</p>
        )}

        {canEdit && current ? (
          <div className="border-t border-slate-100 pt-3">
            {confirmDelete ? (
              <div className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900" role="alertdialog" aria-label="Confirm delete">
                <p>
                  Delete {row.name}&apos;s shift {clock(current.start, zone)}–{clock(current.end, zone)} ({zone})? This cannot be undone here.
                </p>
                <div className="mt-2 flex gap-2">
                  <Button
                    variant="danger"
                    size="sm"
                    onClick={async () => {
                      setDeleteError(null);
                      try {
                        await shiftEdits.remove({ shiftId: current.id, version: current.version }).catch(refusedOrStale);
                        await done();
                      } catch (e) {
                        setConfirmDelete(false);
                        setDeleteError(e instanceof Error ? e.message : "Deleting failed.");
                      }
                    }}
                  >
                    Delete shift
                  </Button>
                  <Button variant="secondary" size="sm" onClick={() => setConfirmDelete(false)}>
                    Keep it
                  </Button>
                </div>
              </div>
            ) : (
              <Button variant="secondary" size="sm" onClick={() => setConfirmDelete(true)}>
                Delete…
              </Button>
            )}
            {deleteError ? (
              <Alert tone="error" className="mt-2">
                {deleteError}
              </Alert>
            ) : null}
          </div>
        ) : null}

        {current ? (
          <section aria-label="History">
            <h3 className="text-sm font-semibold text-slate-800">History</h3>
            {detail.isPending ? (
              <p className="text-xs text-slate-500">Loading history…</p>
            ) : detail.error ? (
              <p className="text-xs text-slate-500">History is not available: {detail.error.message}</p>
            ) : detail.data.history.length === 0 ? (
              <p className="text-xs text-slate-500">No changes recorded since it was stored.</p>
            ) : (
              <ol className="mt-1 space-y-1 text-xs" data-testid="shift-history">
                {detail.data.history.map((h, i) => (
                  <li key={i}>
                    <span className="tabular-nums text-slate-500">{h.at.slice(0, 16).replace("T", " ")} UTC</span> · {h.actor} · {h.summary}
                  </li>
                ))}
              </ol>
            )}
          </section>
        ) : null}
      </div>
    </Dialog>
  );
}
