/**
 * Any file written from valid values parses back to the same shifts, whatever the
 * delimiter, line ends, BOM, header spelling and way of giving a time (ISO offset,
 * Z, local + IANA zone, local + fixed offset, local in the site's zone).
 */
import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { parseShiftCsv } from "@/lib/csv";
import { localToInstant } from "@/lib/domain/time";
import type { ShiftBreak, SkillProficiency } from "@/lib/domain/types";
import { SITES, SKILLS, homeSiteOf, syntheticImportContext } from "@/tests/fixtures/csv/context";
import { isoWithOffset, localText } from "@/tests/fixtures/csv/generate";

const ctx = syntheticImportContext();
const DAY0 = Date.UTC(2026, 0, 1);

type TimeStyle = "offset" | "z" | "localZone" | "localFixed" | "localSite";

const shiftArb = fc.record({
  agent: fc.integer({ min: 1001, max: 1300 }),
  // Every other day: an agent's shifts at sites 13 zones apart never meet.
  day: fc.integer({ min: 0, max: 200 }).map((d) => 2 * d),
  // Local start 06:00–12:00 (never in a DST gap or overlap), any minute; 2–12 h long.
  startMinute: fc.integer({ min: 360, max: 720 }),
  lengthMinutes: fc.integer({ min: 120, max: 720 }),
  style: fc.constantFrom<TimeStyle>("offset", "z", "localZone", "localFixed", "localSite"),
  fixedOffset: fc.constantFrom(-300, 0, 330, 345, -570, 840),
  siteIndex: fc.option(fc.integer({ min: 0, max: 2 }), { nil: null }),
  skills: fc.uniqueArray(fc.record({ i: fc.integer({ min: 0, max: SKILLS.length - 1 }), p: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }) }), {
    maxLength: 3,
    selector: (s) => s.i,
  }),
  status: fc.constantFrom("PUBLISHED", "published", "DRAFT", "draft", ""),
  breaks: fc.array(fc.integer({ min: 1, max: 45 }), { maxLength: 3 }),
  notes: fc.oneof(
    fc.constant(""),
    fc.string({ unit: fc.constantFrom(..."ab ,;\t\n\"'=+-@é€😀"), maxLength: 40 }),
  ),
});

const fileArb = fc.record({
  shifts: fc.uniqueArray(shiftArb, { minLength: 1, maxLength: 25, selector: (s) => `${s.agent}/${s.day}` }),
  delimiter: fc.constantFrom(",", ";", "\t"),
  newline: fc.constantFrom("\n", "\r\n"),
  bom: fc.boolean(),
  headerStyle: fc.constantFrom("camel", "snake", "spaced"),
});

const HEADERS = {
  camel: ["agentId", "start", "end", "timeZone", "skills", "status", "breaks", "siteId", "notes"],
  snake: ["agent_id", "START", "End", "time_zone", "Skills", "status", "BREAKS", "site_id", "notes"],
  spaced: ["Agent ID", "Start", "End", "Time Zone", "Skills", "Status", "Breaks", "Site ID", "Notes"],
};

function fixedLabel(mins: number): string {
  const a = Math.abs(mins);
  return `UTC${mins < 0 ? "-" : "+"}${String(Math.floor(a / 60)).padStart(2, "0")}:${String(a % 60).padStart(2, "0")}`;
}

function localAt(instant: number, offset: number): string {
  return new Date(instant + offset * 60_000).toISOString().slice(0, 16).replace("T", " ");
}

describe("round trip", () => {
  it("parses a file of valid shifts back to the same shifts", () => {
    fc.assert(
      fc.property(fileArb, (file) => {
        const expected: { agentId: string; siteId: string; start: number; end: number; skills: SkillProficiency[]; status: string; breaks: ShiftBreak[]; notes: string | null }[] = [];
        const rows = file.shifts.map((s) => {
          const home = homeSiteOf(s.agent);
          const site = s.siteIndex === null ? home : SITES[s.siteIndex];
          const day = new Date(DAY0 + s.day * 86_400_000);
          const r = localToInstant(
            { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour: Math.floor(s.startMinute / 60), minute: s.startMinute % 60, second: 0 },
            site.timeZone,
          );
          if (!r.ok) throw new Error("test generator hit a DST edge");
          const start = r.instant;
          const end = start + s.lengthMinutes * 60_000;
          let startCell: string;
          let endCell: string;
          let zoneCell = "";
          switch (s.style) {
            case "offset":
              startCell = isoWithOffset(start, site.timeZone);
              endCell = isoWithOffset(end, site.timeZone);
              break;
            case "z":
              startCell = new Date(start).toISOString();
              endCell = new Date(end).toISOString().replace(".000Z", "Z");
              break;
            case "localZone":
              startCell = localText(start, site.timeZone);
              endCell = localText(end, site.timeZone).replace(" ", "T");
              zoneCell = site.timeZone;
              break;
            case "localFixed":
              startCell = localAt(start, s.fixedOffset);
              endCell = localAt(end, s.fixedOffset);
              zoneCell = fixedLabel(s.fixedOffset);
              break;
            default:
              // No offset, no zone column: the row's site (or the home site) gives the zone.
              startCell = localText(start, site.timeZone);
              endCell = localText(end, site.timeZone);
          }
          // Breaks laid end to end with gaps, all inside the shift.
          const breaks: ShiftBreak[] = [];
          let at = 30;
          for (const d of s.breaks) {
            if (at + d > s.lengthMinutes) break;
            breaks.push({ startOffsetMinutes: at, durationMinutes: d, paid: d <= 15 });
            at += d + 30;
          }
          const skills = s.skills.map((k) => ({ skillId: SKILLS[k.i].id, proficiency: k.p ?? 3 }));
          expected.push({
            agentId: `AGENT-${s.agent}`,
            siteId: site.id,
            start,
            end,
            skills,
            status: s.status === "" ? "DRAFT" : s.status.toUpperCase(),
            breaks,
            notes: s.notes.trim() === "" ? null : s.notes,
          });
          return [
            `AGENT-${s.agent}`,
            startCell,
            endCell,
            zoneCell,
            s.skills.map((k) => (k.p === null ? SKILLS[k.i].id : `${SKILLS[k.i].id}:${k.p}`)).join(";"),
            s.status,
            breaks.map((b) => `+${b.startOffsetMinutes}/${b.durationMinutes}`).join(";"),
            s.siteIndex === null ? "" : site.id,
            s.notes,
          ];
        });
        const body = Papa.unparse({ fields: HEADERS[file.headerStyle], data: rows }, { delimiter: file.delimiter, newline: file.newline });
        const text = (file.bom ? "\uFEFF" : "") + body + file.newline;

        const r = parseShiftCsv(text, ctx);
        if (!r.ok) throw new Error(JSON.stringify(r));
        expect(r.errors).toEqual([]);
        expect(r.delimiter).toBe(file.delimiter);
        expect(r.rows.map((x) => ({ agentId: x.agentId, siteId: x.siteId, start: x.start, end: x.end, skills: x.skills, status: x.status, breaks: x.breaks, notes: x.notes }))).toEqual(expected);
        // A multi-line note still occupies one spreadsheet row.
        expect(r.rows.map((x) => x.row)).toEqual(expected.map((_, i) => i + 2));
      }),
      { numRuns: 150 },
    );
  });
});
