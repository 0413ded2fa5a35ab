/**
 * Local wall-clock input of the editor ("2026-03-08T02:30" in America/New_York) to an
 * instant. A time the clocks skip is refused; one they pass twice takes the earlier
 * instant (the planner sees both the zone and the resulting offset on screen).
 */
import { isValidTimeZone, localToInstant } from "../time";
import type { ScheduleRuleFinding } from "./types";

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

export type WallResolution = { ok: true; instant: number; ambiguous: boolean } | { ok: false; finding: ScheduleRuleFinding };

/**
 * wallClockToInstant("2026-03-08T02:30", "America/New_York", "start") → NONEXISTENT_TIME;
 * "2026-11-01T01:30" there → the first 01:30 (EDT, 05:30 UTC).
 */
export function wallClockToInstant(text: string, zone: string, field: "start" | "end"): WallResolution {
  const label = field === "start" ? "Start" : "End";
  const m = WALL.exec(text);
  const parts = m ? { year: +m[1], month: +m[2], day: +m[3], hour: +m[4], minute: +m[5], second: 0 } : null;
  const real =
    parts &&
    parts.month >= 1 && parts.month <= 12 && parts.hour <= 23 && parts.minute <= 59 &&
    new Date(Date.UTC(parts.year, parts.month - 1, parts.day)).getUTCDate() === parts.day;
  if (!parts || !real) return { ok: false, finding: { severity: "error", code: "BAD_TIME", field, message: `${label}: "${text}" is not a date and time; write it like 2026-12-07T08:30.` } };
  if (!isValidTimeZone(zone)) return { ok: false, finding: { severity: "error", code: "BAD_TIME_ZONE", field: "timeZone", message: `"${zone}" is not a time zone; use an IANA name such as America/New_York.` } };
  const r = localToInstant(parts, zone);
  if (r.ok) return { ok: true, instant: r.instant, ambiguous: false };
  if (r.reason === "ambiguous") return { ok: true, instant: r.candidates[0], ambiguous: true };
  const [date, time] = text.split("T");
  return {
    ok: false,
    finding: { severity: "error", code: "NONEXISTENT_TIME", field, message: `${label}: ${time} does not exist on ${date} in ${zone} (the clocks skip that hour); choose another time.` },
  };
}
