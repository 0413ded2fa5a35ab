/**
 * The zod cell schemas in lib/schemas/imports.ts are the definition of the grammar; the
 * row validator runs hand-written fast paths (lib/csv/fields.ts). These properties prove
 * the two accept exactly the same cells and yield the same values.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  parseBreaksCell,
  parseCxoneDateTime,
  parseIsoDateTime,
  parseNumberCell,
  parseSkillsCell,
  parseStatusCell,
  trimCell,
  utcMs,
} from "@/lib/csv/fields";
import {
  breaksCellSchema,
  cxoneDateTimeCellSchema,
  isoDateTimeCellSchema,
  numberCellSchema,
  skillsCellSchema,
  statusCellSchema,
} from "@/lib/schemas/imports";

const RUNS = { numRuns: 3000 };
const pad = (n: number, w: number) => String(n).padStart(w, "0");
const WS = [" ", "\t", "\u00a0", "\u3000", "\ufeff", ""];
const ws = fc.constantFrom(...WS, "", "", "");
const chars = (alphabet: string, maxLength: number) => fc.string({ unit: fc.constantFrom(...alphabet), maxLength });

/** Mostly a valid part, sometimes an odd one. */
const part = (valid: fc.Arbitrary<string>, odd: fc.Arbitrary<string>) =>
  fc.oneof({ arbitrary: valid, weight: 12 }, { arbitrary: odd, weight: 1 });

/** Near-valid ISO cells: each part sometimes out of range or malformed. */
const isoCell = fc
  .record({
    lead: ws,
    year: part(fc.integer({ min: 1970, max: 2999 }).map((y) => pad(y, 4)), fc.constantFrom("0026", "26", "20260", "1969", "3000")),
    month: part(fc.integer({ min: 1, max: 12 }).map((m) => pad(m, 2)), fc.constantFrom("1", "001", "00", "13")),
    day: part(fc.integer({ min: 1, max: 28 }).map((d) => pad(d, 2)), fc.constantFrom("9", "00", "29", "30", "31", "32")),
    sep: part(fc.constantFrom("T", "t", " "), fc.constantFrom("x", "  ", "")),
    hour: part(fc.integer({ min: 0, max: 23 }).map((h) => pad(h, 2)), fc.constantFrom("9", "24", "25")),
    minute: part(fc.integer({ min: 0, max: 59 }).map((m) => pad(m, 2)), fc.constantFrom("5", "60")),
    seconds: part(
      fc.oneof(
        fc.constant(""),
        fc.integer({ min: 0, max: 59 }).map((s) => `:${pad(s, 2)}`),
        fc.tuple(fc.integer({ min: 0, max: 59 }), chars("0123456789", 9)).map(([s, f]) => `:${pad(s, 2)}.${f}`),
      ),
      fc.constantFrom(":5", ":", ":60", ":00.", ":00.1234567890"),
    ),
    zone: part(
      fc.oneof(
        fc.constantFrom("", "Z", "z", "+00:00", "-00:00", "+05:30", "-0530", "+05", "+14:00", "-12:45"),
        fc.tuple(fc.constantFrom("+", "-"), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 59 }), fc.constantFrom(":", "")).map(
          ([sg, h, m, c]) => `${sg}${pad(h, 2)}${c}${pad(m, 2)}`,
        ),
      ),
      fc.constantFrom("+15:00", "+05:", "+5:30", "+05:60", "UTC", "+05:30Z", "+0", "+05:3"),
    ),
    trail: ws,
  })
  .map((p) => `${p.lead}${p.year}-${p.month}-${p.day}${p.sep}${p.hour}:${p.minute}${p.seconds}${p.zone}${p.trail}`);

const usCell = fc
  .record({
    lead: ws,
    month: part(fc.integer({ min: 1, max: 12 }).chain((m) => fc.constantFrom(String(m), pad(m, 2))), fc.constantFrom("0", "13", "123", "00")),
    day: part(fc.integer({ min: 1, max: 31 }).chain((d) => fc.constantFrom(String(d), pad(d, 2))), fc.constantFrom("0", "32", "00")),
    year: part(fc.integer({ min: 1970, max: 2999 }).map(String), fc.constantFrom("26", "02026", "1969")),
    sep: part(fc.constant(" "), fc.constantFrom("T", "  ", "")),
    hour: part(fc.integer({ min: 0, max: 23 }).chain((h) => fc.constantFrom(String(h), pad(h, 2))), fc.constantFrom("24", "123")),
    minute: part(fc.integer({ min: 0, max: 59 }).map((m) => pad(m, 2)), fc.constantFrom("5", "60")),
    seconds: part(fc.oneof(fc.constant(""), fc.integer({ min: 0, max: 59 }).map((s) => `:${pad(s, 2)}`)), fc.constantFrom(":5", ":60", ":00 PM", ":")),
    trail: ws,
  })
  .map((p) => `${p.lead}${p.month}/${p.day}/${p.year}${p.sep}${p.hour}:${p.minute}${p.seconds}${p.trail}`);

/** The generators must exercise both sides: plenty of accepted and of rejected cells. */
function mixed(arb: fc.Arbitrary<string>, accepts: (s: string) => boolean) {
  const sample = fc.sample(arb, { numRuns: 2000, seed: 42 });
  const ok = sample.filter(accepts).length;
  expect(ok).toBeGreaterThan(sample.length * 0.1);
  expect(ok).toBeLessThan(sample.length * 0.9);
}

function agree<T>(schema: { safeParse(v: string): { success: boolean; data?: T } }, fast: (s: string) => T | null, cell: string) {
  const z = schema.safeParse(cell);
  const f = fast(trimCell(cell));
  expect({ cell, accepted: f !== null }).toEqual({ cell, accepted: z.success });
  if (z.success) expect(f).toEqual(z.data);
}

describe("fast paths agree with the zod cell schemas", () => {
  it("ISO date-times", () => {
    mixed(isoCell, (c) => isoDateTimeCellSchema.safeParse(c).success);
    fc.assert(fc.property(fc.oneof(isoCell, chars("0123456789-:T Z+.", 30)), (cell) => agree(isoDateTimeCellSchema, parseIsoDateTime, cell)), RUNS);
  });

  it("CXone mm/dd/yyyy date-times", () => {
    mixed(usCell, (c) => cxoneDateTimeCellSchema.safeParse(c).success);
    fc.assert(fc.property(fc.oneof(usCell, chars("0123456789/: ", 22)), (cell) => agree(cxoneDateTimeCellSchema, parseCxoneDateTime, cell)), RUNS);
  });

  it("skills lists", () => {
    const id = fc.oneof(fc.constantFrom("SKILL_SALES", "SKILL-EN-BILLING", "skill.x", "É_SKILL", "A"), chars("AB_-:;, \t1", 6));
    const item = fc.tuple(ws, id, fc.oneof(fc.constant(""), fc.tuple(ws, fc.constantFrom(":", "::"), ws, chars("0123456789", 2)).map((x) => x.join(""))), ws).map((x) => x.join(""));
    const cell = fc.array(item, { maxLength: 4 }).map((xs) => xs.join(";"));
    mixed(cell, (c) => skillsCellSchema.safeParse(c).success);
    fc.assert(fc.property(fc.oneof(cell, chars("AB:;, 35", 12)), (c) => agree(skillsCellSchema, (s) => {
      const r = parseSkillsCell(s);
      return r.ok ? r.value : null;
    }, c)), RUNS);
  });

  it("breaks lists", () => {
    const num = fc.oneof(fc.integer({ min: 0, max: 99_999 }).map(String), fc.constantFrom("00", "", "1.5", "-5"));
    const item = fc.tuple(ws, fc.constantFrom("+", "", "++", "+ "), num, ws, fc.constantFrom("/", "-", "//"), ws, num, ws).map((x) => x.join(""));
    const cell = fc.array(item, { maxLength: 4 }).map((xs) => xs.join(";"));
    mixed(cell, (c) => breaksCellSchema.safeParse(c).success);
    fc.assert(fc.property(fc.oneof(cell, chars("+/0123456789; ", 14)), (c) => agree(breaksCellSchema, (s) => {
      const r = parseBreaksCell(s);
      return r.ok ? r.value : null;
    }, c)), RUNS);
  });

  it("statuses", () => {
    const cell = fc.tuple(ws, fc.constantFrom("PUBLISHED", "published", "Draft", "DRAFT", "", "DRAFTS", "live", "publıshed"), ws).map((x) => x.join(""));
    mixed(cell, (c) => statusCellSchema.safeParse(c).success);
    fc.assert(fc.property(cell, (c) => agree(statusCellSchema, parseStatusCell, c)), RUNS);
  });

  it("numbers", () => {
    const cell = fc.oneof(
      fc.tuple(ws, fc.constantFrom("", "+", "-", "--"), chars("0123456789", 4), fc.constantFrom("", ".", ".5", ".25", ".."), ws).map((x) => x.join("")),
      chars("0123456789.+-e, ", 8),
    );
    mixed(cell, (c) => numberCellSchema.safeParse(c).success);
    fc.assert(fc.property(cell, (c) => agree(numberCellSchema, parseNumberCell, c)), RUNS);
  });

  it("utcMs matches Date.UTC over the accepted years", () => {
    fc.assert(
      fc.property(
        fc.record({
          year: fc.integer({ min: 1970, max: 2999 }),
          month: fc.integer({ min: 1, max: 12 }),
          day: fc.integer({ min: 1, max: 28 }),
          hour: fc.integer({ min: 0, max: 23 }),
          minute: fc.integer({ min: 0, max: 59 }),
          second: fc.integer({ min: 0, max: 59 }),
          millisecond: fc.integer({ min: 0, max: 999 }),
        }),
        (p) => {
          expect(utcMs({ ...p, offsetMinutes: null })).toBe(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond));
        },
      ),
      RUNS,
    );
  });
});
