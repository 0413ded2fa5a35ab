import { describe, expect, it } from "vitest";
import { parseDemandCsv, type DemandParseResult } from "@/lib/csv";
import { SkillCatalog } from "@/lib/domain/skills";
import { SKILLS } from "@/tests/fixtures/csv/context";
import { csv, fixture } from "@/tests/fixtures/csv/files";

const ctx = { catalog: new SkillCatalog(SKILLS) };
const utc = (iso: string) => Date.parse(iso);

function parsed(r: DemandParseResult) {
  if (!r.ok) throw new Error(`expected a parse, got ${JSON.stringify(r)}`);
  return r;
}

describe("parseDemandCsv", () => {
  it("reads a forecast and keeps contacts and AHT", () => {
    const r = parsed(parseDemandCsv(fixture("demand-forecast.csv"), ctx));
    expect(r.kind).toBe("forecast");
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      { row: 2, skillId: "SKILL_SALES", siteId: null, intervalStart: utc("2026-03-09T13:00:00Z"), offeredContacts: 40, ahtSeconds: 180 },
      { row: 3, skillId: "SKILL_SALES", siteId: null, intervalStart: utc("2026-03-09T13:15:00Z"), offeredContacts: 42.5, ahtSeconds: 175 },
      { row: 4, skillId: "SKILL-EN-BILLING", siteId: null, intervalStart: utc("2026-03-09T13:00:00Z"), offeredContacts: 0, ahtSeconds: 0 },
    ]);
  });

  it("reads required agents (semicolons, spaced headers)", () => {
    const r = parsed(parseDemandCsv(fixture("demand-required.csv"), ctx));
    expect(r.kind).toBe("required");
    expect(r.rows).toEqual([
      { row: 2, skillId: "SKILL_SALES", siteId: null, intervalStart: utc("2026-03-09T13:00:00Z"), requiredAgents: 14 },
      { row: 3, skillId: "SKILL_SALES", siteId: null, intervalStart: utc("2026-03-09T13:15:00Z"), requiredAgents: 15.5 },
    ]);
  });

  it("reports each row error on its row and column", () => {
    const r = parsed(
      parseDemandCsv(
        csv(
          "skillId,intervalStart,offeredContacts,ahtSeconds",
          "SKILL_SALES,2026-03-09T13:00:00Z,-4,180",
          "SKILL_SALES,2026-03-09T13:15:00Z,10,0",
          "SKILL_SALES,2026-03-09T13:20:00Z,10,180",
          "SKILL_NOPE,2026-03-09T13:30:00Z,10,180",
          "SKILL_SALES,2026-03-09T13:45:00Z,ten,180",
          "SKILL_SALES,2026-03-09 14:00,10,180",
          "SKILL_SALES,2026-03-09T14:15:00Z,10,180",
          "SKILL_SALES,2026-03-09T10:15:00-04:00,12,170",
          "SKILL_SALES,2026-03-09T14:30:00Z,10,-1",
        ),
        ctx,
      ),
    );
    expect(r.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, "offeredContacts", "NEGATIVE_VALUE"],
      [3, "ahtSeconds", "BAD_AHT"],
      [4, "intervalStart", "OFF_GRID"],
      [5, "skillId", "UNKNOWN_SKILL"],
      [6, "offeredContacts", "BAD_NUMBER"],
      [7, "intervalStart", "BAD_DATE"],
      [9, null, "DUPLICATE_ROW"],
      [10, "ahtSeconds", "BAD_AHT"],
    ]);
    expect(r.errors[1].message).toBe("Row 3: AHT 0 s is not positive while 10 contacts are offered.");
    expect(r.errors[6].message).toBe("Row 9: duplicates row 8 (same skill SKILL_SALES and interval 2026-03-09T14:15Z).");
    expect(r.rows.map((x) => x.row)).toEqual([8]);
  });

  it("reports negative required agents", () => {
    const r = parsed(parseDemandCsv(csv("skillId,intervalStart,requiredAgents", "SKILL_SALES,2026-03-09T13:00:00Z,-1"), ctx));
    expect(r.errors).toEqual([
      { row: 2, column: "requiredAgents", value: "-1", code: "NEGATIVE_VALUE", message: "Row 2: requiredAgents is -1; it cannot be negative." },
    ]);
  });

  it("skips skill checks without a catalog", () => {
    const r = parsed(parseDemandCsv(csv("skillId,intervalStart,requiredAgents", "ANY_SKILL,2026-03-09T13:00:00Z,3"), { catalog: null }));
    expect(r.rows).toHaveLength(1);
  });

  it("asks for a mapping for unknown headers and takes one", () => {
    const text = csv("Queue,Interval,Staff", "SKILL_SALES,2026-03-09T13:00:00Z,3");
    const r = parseDemandCsv(text, ctx);
    expect(r).toMatchObject({ ok: false, needsMapping: true, suggested: { skillId: "Queue", intervalStart: "Interval", requiredAgents: "Staff" } });
    const m = parsed(parseDemandCsv(text, ctx, { mapping: { skillId: "Queue", intervalStart: "Interval", requiredAgents: "Staff" } }));
    expect(m.kind).toBe("required");
    expect(m.rows).toEqual([{ row: 2, skillId: "SKILL_SALES", siteId: null, intervalStart: utc("2026-03-09T13:00:00Z"), requiredAgents: 3 }]);
  });

  it("prefers required agents when a file has both, and says so", () => {
    const r = parsed(parseDemandCsv(csv("skillId,intervalStart,offeredContacts,ahtSeconds,requiredAgents", "SKILL_SALES,2026-03-09T13:00:00Z,10,180,3"), ctx));
    expect(r.kind).toBe("required");
    expect(r.warnings.map((w) => [w.column, w.code])).toEqual([
      ["offeredContacts", "IGNORED_COLUMN"],
      ["ahtSeconds", "IGNORED_COLUMN"],
    ]);
  });

  it("shares the whole-file checks", () => {
    expect(parseDemandCsv("", ctx)).toEqual({ ok: false, fileError: { code: "EMPTY_FILE", message: "The file is empty." } });
    expect(parseDemandCsv("skillId,intervalStart,requiredAgents\n", ctx)).toMatchObject({ ok: false, fileError: { code: "HEADER_ONLY" } });
  });
});

describe("parseDemandCsv: demand per skill and site", () => {
  const withSites = { ...ctx, siteIds: ["NYC", "LON"] };
  it("reads an optional siteId column; an empty cell is the shared queue, a site's case is its id's", () => {
    const text = ["skillId,site,intervalStart,requiredAgents", "SKILL_SALES,NYC,2026-03-09T13:00:00Z,4", "SKILL_SALES,,2026-03-09T13:00:00Z,9", "SKILL_SALES,lon,2026-03-09T13:00:00Z,2"].join("\n");
    const r = parsed(parseDemandCsv(text, withSites));
    expect(r.errors).toEqual([]);
    expect(r.mapping.siteId).toBe("site");
    expect(r.rows.map((x) => [x.siteId, "requiredAgents" in x ? x.requiredAgents : null])).toEqual([
      ["NYC", 4],
      [null, 9],
      ["LON", 2],
    ]);
  });

  it("names an unknown site and a repeated skill, site and interval on their rows", () => {
    const text = ["skillId,siteId,intervalStart,requiredAgents", "SKILL_SALES,PAR,2026-03-09T13:00:00Z,4", "SKILL_SALES,NYC,2026-03-09T13:00:00Z,4", "SKILL_SALES,NYC,2026-03-09T13:00:00Z,5"].join("\n");
    const r = parsed(parseDemandCsv(text, withSites));
    expect(r.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, "siteId", "UNKNOWN_SITE"],
      [4, null, "DUPLICATE_ROW"],
    ]);
  });
});
