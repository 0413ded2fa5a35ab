import { describe, expect, it } from "vitest";
import { parseShiftCsv, shiftSourceHash, toCxoneShift } from "@/lib/csv";
import { cxoneShiftSchema, validShiftRowSchema } from "@/lib/schemas/imports";
import { syntheticImportContext } from "@/tests/fixtures/csv/context";
import { fixture } from "@/tests/fixtures/csv/files";

describe("toCxoneShift", () => {
  it("turns a valid row into the CXone shift object", () => {
    const r = parseShiftCsv(fixture("canonical-iso.csv"), syntheticImportContext());
    if (!r.ok) throw new Error("unexpected");
    const row = r.rows[0];
    expect(validShiftRowSchema.parse(row)).toEqual(row);
    const shift = toCxoneShift(row);
    expect(shift).toEqual({
      agentId: "AGENT-1001",
      startDate: "2026-03-09T13:00:00Z",
      endDate: "2026-03-09T21:00:00Z",
      skills: [
        { skillId: "SKILL_SALES", proficiencyLevel: 4 },
        { skillId: "SKILL_SALES_PREMIUM", proficiencyLevel: 3 },
      ],
      status: "PUBLISHED",
      breaks: [
        { startTimeOffset: 7200, duration: 900 },
        { startTimeOffset: 14400, duration: 1800 },
      ],
      metadata: { source: "shiftboard-csv", sourceHash: shiftSourceHash("AGENT-1001", row.start, row.end), siteId: "NYC", csvRow: 2 },
    });
    expect(cxoneShiftSchema.parse(shift)).toEqual(shift);
    expect(toCxoneShift(r.rows[1]).metadata.notes).toBe("Covers Sam, late start");
    for (const x of r.rows) expect(cxoneShiftSchema.safeParse(toCxoneShift(x)).success).toBe(true);
  });

  it("rejects malformed CXone shifts with a field-level error", () => {
    const bad = cxoneShiftSchema.safeParse({ agentId: "A", startDate: "2026-03-09 13:00", endDate: "2026-03-09T21:00:00Z", skills: [{ skillId: "S", proficiencyLevel: 9 }], status: "LIVE", breaks: [], metadata: {} });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(["startDate", "skills.0.proficiencyLevel", "status"]);
  });
});
