import "server-only";
import type { Db } from "../../db/client";
import { getShiftsOverlapping } from "../../db/queries/shifts";
import { insertShifts } from "../../db/queries/shifts";
import type { Shift } from "../../domain/types";
import { AppError } from "../../errors";

/**
 * Stores new DRAFT shifts after checking that none overlaps another of the same agent,
 * stored or in the batch; any overlap refuses the whole batch with each clash named.
 * Pass the transaction when inside one.
 */
export async function createDraftShifts(db: Db, shifts: readonly Omit<Shift, "id" | "version" | "status">[]): Promise<string[]> {
  if (shifts.length === 0) return [];
  const from = Math.min(...shifts.map((s) => s.start));
  const to = Math.max(...shifts.map((s) => s.end));
  const stored = await getShiftsOverlapping(db, { from: new Date(from), to: new Date(to) }, { agentIds: [...new Set(shifts.map((s) => s.agentId))] });
  const byAgent = new Map<string, { start: number; end: number; what: string }[]>();
  for (const s of stored) (byAgent.get(s.agentId) ?? byAgent.set(s.agentId, []).get(s.agentId)!).push({ start: s.start, end: s.end, what: `stored shift ${s.id}` });
  const clashes: string[] = [];
  for (const s of [...shifts].sort((a, b) => a.start - b.start)) {
    const list = byAgent.get(s.agentId) ?? byAgent.set(s.agentId, []).get(s.agentId)!;
    const hit = list.find((o) => o.start < s.end && s.start < o.end);
    if (hit) clashes.push(`${s.agentId} ${new Date(s.start).toISOString()}–${new Date(s.end).toISOString()} overlaps ${hit.what}`);
    list.push({ start: s.start, end: s.end, what: `the new shift ${new Date(s.start).toISOString()}` });
  }
  if (clashes.length) throw new AppError("CONFLICT", `No shift was created: ${clashes.length} overlap${clashes.length > 1 ? "" : "s"} an agent's other shift. ${clashes.slice(0, 10).join("; ")}${clashes.length > 10 ? "; …" : ""}`, { clashes });
  return insertShifts(db, shifts.map((s) => ({ ...s, status: "DRAFT" as const })));
}
