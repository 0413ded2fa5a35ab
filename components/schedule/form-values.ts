/**
 * The shift form's values (what a planner types, in the grid's zone) and the action input
 * (local wall-clock start/end with the zone, breaks as minutes from the start).
 */
import type { ShiftBreak, ShiftStatus, SkillProficiency } from "@/lib/domain/types";
import type { ShiftFields } from "./shift-edits";
import { clock, toLocalInput } from "./geometry";

export interface BreakValue {
  /** "12:00" local clock time. */
  at: string;
  minutes: number;
  paid: boolean;
}

export interface ShiftFormValues {
  agentId: string;
  siteId: string;
  timeZone: string;
  /** "2026-11-23T08:00" in timeZone. */
  start: string;
  end: string;
  breaks: BreakValue[];
  skills: SkillProficiency[];
  status: ShiftStatus;
}

const MINUTE_MS = 60_000;

function naiveMinutes(local: string): number {
  return Date.parse(`${local}:00Z`) / MINUTE_MS;
}

/** The form's values for a stored (or drawn) shift, in `zone`. */
export function formValuesOf(shift: { agentId: string; siteId: string; start: number; end: number; breaks: ShiftBreak[]; skills: SkillProficiency[]; status: ShiftStatus }, zone: string): ShiftFormValues {
  return {
    agentId: shift.agentId,
    siteId: shift.siteId,
    timeZone: zone,
    start: toLocalInput(shift.start, zone),
    end: toLocalInput(shift.end, zone),
    breaks: shift.breaks.map((b) => ({ at: clock(shift.start + b.startOffsetMinutes * MINUTE_MS, zone), minutes: b.durationMinutes, paid: b.paid })),
    skills: shift.skills.map((s) => ({ ...s })),
    status: shift.status,
  };
}

/**
 * Breaks typed as clock times become minutes from the start: a break at a clock time earlier
 * than the start is on the next day (a night shift's 02:00 lunch).
 * breakOffset("2026-11-23T22:00", "02:00") → 240
 */
export function breakOffset(start: string, at: string): number {
  const startMin = naiveMinutes(start);
  const day = start.slice(0, 10);
  let m = naiveMinutes(`${day}T${at}`) - startMin;
  if (m < 0) m += 24 * 60;
  return m;
}

export function toShiftFields(v: ShiftFormValues): ShiftFields {
  return {
    agentId: v.agentId,
    siteId: v.siteId,
    timeZone: v.timeZone,
    start: v.start,
    end: v.end,
    breaks: v.breaks.filter((b) => /^\d{2}:\d{2}$/.test(b.at)).map((b) => ({ startOffsetMinutes: breakOffset(v.start, b.at), durationMinutes: b.minutes, paid: b.paid })),
    skills: v.skills,
    status: v.status,
  };
}
