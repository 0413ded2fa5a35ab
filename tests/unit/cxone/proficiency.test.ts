import { describe, expect, it } from "vitest";
import { withNamedProficiency } from "@/lib/cxone/client";
import { PROFICIENCY_NAMES, proficiencyFromName, proficiencyName } from "@/lib/domain/skills";

describe("named proficiencies", () => {
  it("maps BEGINNER…EXPERT to 2–5 in any case, and nothing else", () => {
    expect(PROFICIENCY_NAMES).toEqual({ BEGINNER: 2, INTERMEDIATE: 3, ADVANCED: 4, EXPERT: 5 });
    expect(proficiencyFromName("advanced")).toBe(4);
    expect(proficiencyFromName(" Expert ")).toBe(5);
    expect(proficiencyFromName("NOVICE")).toBeNull();
    expect(proficiencyFromName("toString")).toBeNull();
  });

  it("level 1 is a trainee with no name", () => {
    expect(proficiencyName(1)).toBeNull();
    expect(proficiencyName(2)).toBe("BEGINNER");
    expect(proficiencyName(5)).toBe("EXPERT");
    expect(proficiencyName(6)).toBeNull();
  });

  it("the seed profile's payload names levels 2–5 and keeps a trainee's 1", () => {
    const shift = withNamedProficiency({
      agentId: "A1",
      startDate: "2026-03-02T08:00:00Z",
      endDate: "2026-03-02T16:00:00Z",
      skills: [
        { skillId: "S1", proficiencyLevel: 4 },
        { skillId: "S2", proficiencyLevel: 1 },
        { skillId: "S3", proficiencyLevel: "3" },
        { skillId: "S4", proficiencyLevel: "expert" },
      ],
      status: "DRAFT",
      breaks: [],
    });
    expect(shift.skills.map((s) => s.proficiencyLevel)).toEqual(["ADVANCED", 1, "INTERMEDIATE", "EXPERT"]);
  });
});
