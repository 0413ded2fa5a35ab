import "server-only";
import type { Db } from "../../db/client";
import { getShiftsOverlapping } from "../../db/queries/shifts";
import type { ShiftStatus } from "../../domain/types";

export interface AgentShift {
  id: string;
  siteId: string;
  start: number;
  end: number;
  status: ShiftStatus;
  version: number;
}

/** An agent's shifts overlapping the next `days` days from `now`, for picking the shift of a trade. */
export async function getAgentShifts(db: Db, agentId: string, now: number, days: number): Promise<AgentShift[]> {
  const shifts = await getShiftsOverlapping(db, { from: new Date(now), to: new Date(now + days * 86_400_000) }, { agentIds: [agentId] });
  return shifts.map((s) => ({ id: s.id, siteId: s.siteId, start: s.start, end: s.end, status: s.status, version: s.version }));
}
