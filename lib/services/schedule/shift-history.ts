import "server-only";
import { assertCan, type CurrentUser } from "../../auth/checks";
import type { Db } from "../../db/client";
import { getImportAuditEntry, getShiftAuditEntries, getShiftRow, getShiftTrades, type AuditEntryRow } from "../../db/queries/schedule-edits";
import { AppError } from "../../errors";
import type { ScheduleShift, ShiftHistoryEntry } from "../../types/schedule";
import { toScheduleShift } from "./shared";

type Snapshot = { agentId: string; siteId: string; start: string; end: string; status: string; skills: { skillId: string }[]; breaks: unknown[] };

/**
 * Who changed a shift, what and when, newest first: the audit log's entries about it (its
 * creation by an import or by hand, each edit, each publish that named it) and the trades
 * that moved it. Times are ISO instants; the panel shows them in its zone.
 */
export async function getShiftHistory(db: Db, input: { shiftId: string }, user: CurrentUser): Promise<{ shift: ScheduleShift; history: ShiftHistoryEntry[] }> {
  assertCan(user, "schedule.read");
  const row = await getShiftRow(db, input.shiftId);
  if (!row) throw new AppError("NOT_FOUND", "This shift does not exist (it may have been deleted).");
  assertCan(user, "schedule.read", row.siteId);
  const [entries, imported, trades] = await Promise.all([
    getShiftAuditEntries(db, row.id),
    row.importId ? getImportAuditEntry(db, row.importId) : Promise.resolve(undefined),
    getShiftTrades(db, row.id),
  ]);
  const history: ShiftHistoryEntry[] = entries.map((e) => ({ at: e.at.toISOString(), actor: e.actorLabel, action: e.action, summary: summarize(e) }));
  if (imported) history.push({ at: imported.at.toISOString(), actor: imported.actorLabel, action: "shift.imported", summary: `Imported from ${String(imported.details.fileName ?? "a file")}` });
  for (const t of trades) {
    history.push({
      at: (t.decidedAt ?? t.createdAt).toISOString(),
      actor: "Trades",
      action: `trade.${t.status}`,
      summary: `Trade ${t.status.toLowerCase()}: ${t.initiatorAgentId} ↔ ${t.receiverAgentId}`,
    });
  }
  history.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  return { shift: toScheduleShift(row), history };
}

function summarize(e: AuditEntryRow): string {
  const d = e.details as { before?: Snapshot; after?: Snapshot; reason?: string; confirmedWarnings?: string[]; shifts?: number };
  switch (e.action) {
    case "shift.created":
      return `Created ${span(d.after)}${confirmed(d.confirmedWarnings)}`;
    case "shift.updated":
      return `${changes(d.before, d.after)}${confirmed(d.confirmedWarnings)}`;
    case "shift.deleted":
      return `Deleted ${span(d.before)}`;
    case "schedule.published":
      return `Published (with ${d.shifts ?? 0} shift${d.shifts === 1 ? "" : "s"})`;
    case "shift.edited":
      return d.reason ? `Edited: ${d.reason}` : "Edited";
    default:
      return e.action;
  }
}

const utc = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;
const span = (s?: Snapshot) => (s ? `${s.agentId} ${utc(s.start)}–${utc(s.end)}` : "");
const confirmed = (codes?: string[]) => (codes && codes.length ? ` (confirmed: ${codes.join(", ")})` : "");

/** "start 09:00 → 08:00 UTC; breaks 1 → 2" — the fields that moved. */
function changes(before?: Snapshot, after?: Snapshot): string {
  if (!before || !after) return "Changed";
  const out: string[] = [];
  if (before.agentId !== after.agentId) out.push(`agent ${before.agentId} → ${after.agentId}`);
  if (before.siteId !== after.siteId) out.push(`site ${before.siteId} → ${after.siteId}`);
  if (before.start !== after.start) out.push(`start ${utc(before.start)} → ${utc(after.start)}`);
  if (before.end !== after.end) out.push(`end ${utc(before.end)} → ${utc(after.end)}`);
  if (before.status !== after.status) out.push(`status ${before.status} → ${after.status}`);
  if (JSON.stringify(before.breaks) !== JSON.stringify(after.breaks)) out.push(`breaks ${before.breaks.length} → ${after.breaks.length}`);
  if (JSON.stringify(before.skills) !== JSON.stringify(after.skills)) out.push(`skills ${before.skills.map((s) => s.skillId).join(",") || "agent's"} → ${after.skills.map((s) => s.skillId).join(",") || "agent's"}`);
  return out.length ? `Changed ${out.join("; ")}` : "Saved without changes";
}
