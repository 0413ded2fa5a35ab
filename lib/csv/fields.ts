/**
 * Fast paths for the cell grammar defined in lib/schemas/imports.ts. They read
 * char codes instead of running a regex and a zod pipeline per cell, and return
 * the same values; schemas.property.test.ts proves the two agree.
 */
import {
  DEFAULT_PROFICIENCY,
  DEFAULT_SHIFT_STATUS,
  MAX_OFFSET_HOURS,
  MAX_YEAR,
  MIN_YEAR,
  PAID_BREAK_MAX_MINUTES,
  type DateTimeParts,
} from "../schemas/imports";
import type { ShiftBreak, ShiftStatus, SkillProficiency } from "../domain/types";
import { PROFICIENCY_NAMES, proficiencyFromName } from "../domain/skills";

// Module-level copies: some loaders (tsx) turn imported bindings into getters, and
// these are read for every cell.
const MIN_Y = MIN_YEAR;
const MAX_Y = MAX_YEAR;
const MAX_OFF_H = MAX_OFFSET_HOURS;
const PAID_MAX = PAID_BREAK_MAX_MINUTES;
const DEFAULT_PROF = DEFAULT_PROFICIENCY;
const DEFAULT_STATUS = DEFAULT_SHIFT_STATUS;

const DIM = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0)) return 29;
  return DIM[month];
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

function two(s: string, i: number): number {
  const a = digit(s, i);
  const b = digit(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

function validParts(year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
  return (
    year >= MIN_Y &&
    year <= MAX_Y &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour >= 0 &&
    hour <= 23 &&
    minute >= 0 &&
    minute <= 59 &&
    second >= 0 &&
    second <= 59
  );
}

function isSpace(c: number): boolean {
  // The whitespace String.prototype.trim removes in practice in CSV cells.
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12 || c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029 || c === 0x3000 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f;
}

/** Trims only when needed (most cells have no surrounding spaces). */
export function trimCell(s: string): string {
  const n = s.length;
  if (n === 0) return s;
  const a = s.charCodeAt(0);
  const z = s.charCodeAt(n - 1);
  if (a > 32 && a < 127 && z > 32 && z < 127) return s;
  return isSpace(a) || isSpace(z) ? s.trim() : s;
}

/**
 * `2026-03-09T09:00:00-05:00`, `2026-03-09 09:00`, `…Z`, `…+0530`, `…+05`, fractions of a
 * second → parts; anything else → null. The cell must already be trimmed.
 */
export function parseIsoDateTime(s: string): DateTimeParts | null {
  const out = newParts();
  return parseIsoDateTimeInto(s, out) ? out : null;
}

export function newParts(): DateTimeParts {
  return { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, millisecond: 0, offsetMinutes: null };
}

function fill(out: DateTimeParts, year: number, month: number, day: number, hour: number, minute: number, second: number, ms: number, off: number | null): true {
  out.year = year;
  out.month = month;
  out.day = day;
  out.hour = hour;
  out.minute = minute;
  out.second = second;
  out.millisecond = ms;
  out.offsetMinutes = off;
  return true;
}

/** parseIsoDateTime without allocating: fills `out` and returns whether the cell is valid. */
export function parseIsoDateTimeInto(s: string, out: DateTimeParts): boolean {
  const n = s.length;
  if (n < 16) return false;
  const y1 = two(s, 0);
  const y2 = two(s, 2);
  if (y1 < 0 || y2 < 0 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(13) !== 58) return false;
  const sep = s.charCodeAt(10);
  if (sep !== 84 && sep !== 116 && sep !== 32) return false;
  const year = y1 * 100 + y2;
  const month = two(s, 5);
  const day = two(s, 8);
  const hour = two(s, 11);
  const minute = two(s, 14);
  if (month < 0 || day < 0 || hour < 0 || minute < 0) return false;
  let i = 16;
  let second = 0;
  let millisecond = 0;
  if (i < n && s.charCodeAt(i) === 58) {
    second = two(s, i + 1);
    if (second < 0) return false;
    i += 3;
    if (i < n && s.charCodeAt(i) === 46) {
      i++;
      const from = i;
      let ms = 0;
      while (i < n) {
        const d = digit(s, i);
        if (d < 0) break;
        if (i - from < 3) ms = ms * 10 + d;
        i++;
      }
      const count = i - from;
      if (count < 1 || count > 9) return false;
      for (let k = count; k < 3; k++) ms *= 10;
      millisecond = ms;
    }
  }
  let offsetMinutes: number | null = null;
  if (i < n) {
    const c = s.charCodeAt(i);
    if (c === 90 || c === 122) {
      offsetMinutes = 0;
      i++;
    } else if (c === 43 || c === 45) {
      const oh = two(s, i + 1);
      if (oh < 0) return false;
      i += 3;
      let om = 0;
      if (i < n) {
        if (s.charCodeAt(i) === 58) i++;
        om = two(s, i);
        if (om < 0) return false;
        i += 2;
      }
      if (oh > MAX_OFF_H || om > 59) return false;
      offsetMinutes = (c === 45 ? -1 : 1) * (oh * 60 + om);
    } else return false;
  }
  if (i !== n) return false;
  if (!validParts(year, month, day, hour, minute, second)) return false;
  return fill(out, year, month, day, hour, minute, second, millisecond, offsetMinutes);
}

/** Reads 1–2 digits at i; returns value and next index packed, or -1. */
function oneOrTwo(s: string, i: number): number {
  const a = digit(s, i);
  if (a < 0) return -1;
  const b = digit(s, i + 1);
  return b < 0 ? a * 1000 + (i + 1) : (a * 10 + b) * 1000 + (i + 2);
}

/** CXone's `mm/dd/yyyy hh:mm:ss` (24 h; `m/d/yyyy h:mm` too) → local parts; else null. */
export function parseCxoneDateTime(s: string): DateTimeParts | null {
  const out = newParts();
  return parseCxoneDateTimeInto(s, out) ? out : null;
}

/** parseCxoneDateTime without allocating. */
export function parseCxoneDateTimeInto(s: string, out: DateTimeParts): boolean {
  const n = s.length;
  let r = oneOrTwo(s, 0);
  if (r < 0) return false;
  const month = Math.floor(r / 1000);
  let i = r % 1000;
  if (s.charCodeAt(i) !== 47) return false;
  r = oneOrTwo(s, i + 1);
  if (r < 0) return false;
  const day = Math.floor(r / 1000);
  i = r % 1000;
  if (s.charCodeAt(i) !== 47) return false;
  const y1 = two(s, i + 1);
  const y2 = two(s, i + 3);
  if (y1 < 0 || y2 < 0) return false;
  const year = y1 * 100 + y2;
  i += 5;
  if (s.charCodeAt(i) !== 32) return false;
  r = oneOrTwo(s, i + 1);
  if (r < 0) return false;
  const hour = Math.floor(r / 1000);
  i = r % 1000;
  if (s.charCodeAt(i) !== 58) return false;
  const minute = two(s, i + 1);
  if (minute < 0) return false;
  i += 3;
  let second = 0;
  if (i < n && s.charCodeAt(i) === 58) {
    second = two(s, i + 1);
    if (second < 0) return false;
    i += 3;
  }
  if (i !== n) return false;
  if (!validParts(year, month, day, hour, minute, second)) return false;
  return fill(out, year, month, day, hour, minute, second, 0, null);
}

/**
 * Date.UTC for validated parts (years 1970–2999), by Hinnant's days-from-civil:
 * plain integer arithmetic, several times faster than Date.UTC in a hot loop.
 */
export function utcMs(p: DateTimeParts): number {
  const m = p.month;
  const y = m <= 2 ? p.year - 1 : p.year;
  const era = (y / 400) | 0;
  const yoe = y - era * 400;
  const mp = m > 2 ? m - 3 : m + 9;
  const doy = (((153 * mp + 2) / 5) | 0) + p.day - 1;
  const doe = yoe * 365 + ((yoe / 4) | 0) - ((yoe / 100) | 0) + doy;
  const days = era * 146097 + doe - 719468;
  return days * 86_400_000 + p.hour * 3_600_000 + p.minute * 60_000 + p.second * 1000 + p.millisecond;
}

export type CellResult<T> = { ok: true; value: T } | { ok: false; reason: string };

function isSkillIdChar(c: number): boolean {
  return c !== 58 && c !== 59 && c !== 44 && !isSpace(c);
}

const NAMED_LEVELS = Object.keys(PROFICIENCY_NAMES).join("|");

/** `SKILL_A:4;SKILL_B;SKILL_C:advanced` → [{SKILL_A,4},{SKILL_B,3},{SKILL_C,4}] (see skillsCellSchema). */
export function parseSkillsCell(s: string): CellResult<SkillProficiency[]> {
  const out: SkillProficiency[] = [];
  if (s === "") return { ok: true, value: out };
  const parts = s.split(";");
  for (let p = 0; p < parts.length; p++) {
    const item = trimCell(parts[p]);
    if (item === "") continue;
    let i = 0;
    while (i < item.length && isSkillIdChar(item.charCodeAt(i))) i++;
    if (i === 0) return { ok: false, reason: `"${item}" is not SKILL_ID or SKILL_ID:1–5 or SKILL_ID:${NAMED_LEVELS}` };
    const skillId = i === item.length ? item : item.slice(0, i);
    let proficiency = DEFAULT_PROF;
    if (i < item.length) {
      while (i < item.length && isSpace(item.charCodeAt(i))) i++;
      if (item.charCodeAt(i) !== 58) return { ok: false, reason: `"${item}" is not SKILL_ID or SKILL_ID:1–5 or SKILL_ID:${NAMED_LEVELS}` };
      i++;
      while (i < item.length && isSpace(item.charCodeAt(i))) i++;
      const d = digit(item, i);
      // A level 1–5, or one of the named levels (BEGINNER … EXPERT, any case).
      const named = d < 0 ? proficiencyFromName(item.slice(i)) : null;
      if (named !== null) proficiency = named;
      else if (d < 1 || d > 5 || i + 1 !== item.length) {
        return { ok: false, reason: `"${item}" is not SKILL_ID or SKILL_ID:1–5 or SKILL_ID:${NAMED_LEVELS}` };
      } else proficiency = d;
    }
    for (let k = 0; k < out.length; k++) {
      if (out[k].skillId === skillId) return { ok: false, reason: `${skillId} is listed twice` };
    }
    out.push({ skillId, proficiency });
  }
  return { ok: true, value: out };
}

/** `+120/15;+240/30` → breaks (see breaksCellSchema); ≤ 15 min is paid. */
export function parseBreaksCell(s: string): CellResult<ShiftBreak[]> {
  const out: ShiftBreak[] = [];
  if (s === "") return { ok: true, value: out };
  const parts = s.split(";");
  for (let p = 0; p < parts.length; p++) {
    const item = trimCell(parts[p]);
    if (item === "") continue;
    const bad = { ok: false as const, reason: `"${item}" is not +offsetMinutes/durationMinutes` };
    let i = 0;
    if (item.charCodeAt(0) === 43) {
      i++;
      while (i < item.length && isSpace(item.charCodeAt(i))) i++;
    }
    let offset = 0;
    let from = i;
    while (i < item.length && digit(item, i) >= 0) offset = offset * 10 + digit(item, i++);
    if (i === from || i - from > 4) return bad;
    while (i < item.length && isSpace(item.charCodeAt(i))) i++;
    if (item.charCodeAt(i) !== 47) return bad;
    i++;
    while (i < item.length && isSpace(item.charCodeAt(i))) i++;
    let duration = 0;
    from = i;
    while (i < item.length && digit(item, i) >= 0) duration = duration * 10 + digit(item, i++);
    if (i === from || i - from > 4 || i !== item.length || duration === 0) return bad;
    out.push({ startOffsetMinutes: offset, durationMinutes: duration, paid: duration <= PAID_MAX });
  }
  return { ok: true, value: out };
}

/** PUBLISHED / DRAFT in any case; blank → DRAFT. */
export function parseStatusCell(s: string): ShiftStatus | null {
  if (s === "") return DEFAULT_STATUS;
  if (s === "PUBLISHED" || s === "DRAFT") return s;
  const u = s.toUpperCase();
  return u === "PUBLISHED" || u === "DRAFT" ? u : null;
}

/** A plain decimal (`12`, `12.5`, `-3`, `.5`); else null. The cell must be trimmed. */
export function parseNumberCell(s: string): number | null {
  const n = s.length;
  let i = 0;
  if (n === 0) return null;
  const c0 = s.charCodeAt(0);
  if (c0 === 43 || c0 === 45) i++;
  let intDigits = 0;
  while (i < n && digit(s, i) >= 0) {
    i++;
    intDigits++;
  }
  let fracDigits = 0;
  let dot = false;
  if (i < n && s.charCodeAt(i) === 46) {
    dot = true;
    i++;
    while (i < n && digit(s, i) >= 0) {
      i++;
      fracDigits++;
    }
  }
  if (i !== n) return null;
  if (intDigits === 0 && (!dot || fracDigits === 0)) return null;
  return Number(s);
}
