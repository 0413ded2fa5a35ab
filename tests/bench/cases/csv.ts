/**
 * Shift CSV import: parse + validate 100,000 canonical rows (ISO offsets and local
 * times with a zone, skills, breaks, notes with quoted commas and newlines) against
 * a synthetic reference world (3 sites, 300 agents, the sales skill family), beside
 * raw papaparse reading the same text into header-keyed objects.
 */
import Papa from "papaparse";
import { parseShiftCsv, type ImportContext } from "../../../lib/csv";
import { syntheticImportContext } from "../../fixtures/csv/context";
import { generateCanonicalCsv } from "../../fixtures/csv/generate";
import type { BenchCase } from "../harness";

const ROWS = 100_000;
let text = "";
let ctx: ImportContext;

export const cases: BenchCase[] = [
  {
    name: "csv: parse + validate 100,000 canonical shift rows",
    baselineName: "raw Papa.parse(text, { header: true })",
    setup: () => {
      text = generateCanonicalCsv(ROWS, 20260302);
      ctx = syntheticImportContext();
      const r = parseShiftCsv(text, ctx);
      // The benchmark measures a clean file; a row error here would mean a broken generator or parser.
      if (!r.ok || r.rows.length !== ROWS || r.errors.length > 0) {
        throw new Error(`csv bench: expected ${ROWS} valid rows, got ${JSON.stringify(r.ok ? { rows: r.rows.length, errors: r.errors.slice(0, 3) } : r)}`);
      }
    },
    subject: () => parseShiftCsv(text, ctx),
    baseline: () => Papa.parse(text, { header: true }),
    iterations: 7,
    goal: "≥ 50 % of raw papaparse throughput (subject ≤ 2× baseline)",
    goalMet: (subjectMs, baselineMs) => subjectMs <= 2 * baselineMs,
    teardown: () => {
      text = "";
    },
  },
];
