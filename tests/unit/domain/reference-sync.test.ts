import { describe, expect, it } from "vitest";
import { planReferenceSync, type CxoneReference, type OurReference } from "@/lib/domain/reference-sync";

const ours: OurReference = {
  skills: [
    { id: "SKILL-SALES", name: "Sales" },
    { id: "SKILL-BILLING", name: "Billing" },
  ],
  agents: [
    { id: "A1", username: "ann@x", name: "Ann Lee", active: true, skills: [{ skillId: "SKILL-SALES", proficiency: 3 }] },
    { id: "A2", username: "bo@x", name: "Bo Chan", active: true, skills: [{ skillId: "SKILL-BILLING", proficiency: 2 }] },
  ],
};

const cx = (over: Partial<CxoneReference> = {}): CxoneReference => ({
  skills: [
    { skillId: "SKILL-SALES", name: "Sales", active: true },
    { skillId: "SKILL-BILLING", name: "Billing", active: true },
  ],
  agents: [
    { agentId: "A1", userName: "ann@x", firstName: "Ann", lastName: "Lee", active: true },
    { agentId: "A2", userName: "bo@x", firstName: "Bo", lastName: "Chan", active: true },
  ],
  assignments: [
    { agentId: "A1", skillId: "SKILL-SALES", proficiency: 3 },
    { agentId: "A2", skillId: "SKILL-BILLING", proficiency: 2 },
  ],
  ...over,
});

describe("planReferenceSync", () => {
  it("finds nothing to do when both sides agree", () => {
    const p = planReferenceSync(cx(), ours);
    expect([p.skillsToAdd, p.skillsToRename, p.skillsMissing, p.agentsToAdd, p.agentsToChange, p.agentsMissing].every((l) => l.length === 0)).toBe(true);
  });

  it("matches a numeric CXone skill id to ours by name, and agents by username in any case", () => {
    const p = planReferenceSync(
      cx({
        skills: [
          { skillId: "1001", name: "sales", active: true },
          { skillId: "1002", name: "Billing", active: true },
        ],
        agents: [
          { agentId: "77", userName: "ANN@X", firstName: "Ann", lastName: "Lee", active: true },
          { agentId: "78", userName: "bo@x", firstName: "Bo", lastName: "Chan", active: true },
        ],
        assignments: [
          { agentId: "77", skillId: "1001", proficiency: 3 },
          { agentId: "78", skillId: "1002", proficiency: 2 },
        ],
      }),
      ours,
    );
    expect(p.skillsToAdd).toEqual([]);
    expect(p.agentsToAdd).toEqual([]);
    expect(p.agentsToChange).toEqual([]);
  });

  it("never strips an agent's skills when CXone lists no assignment for them", () => {
    const p = planReferenceSync(cx({ assignments: [] }), ours);
    expect(p.agentsToChange).toEqual([]);
  });

  it("leaves out levels outside 1–5 and assignments to unknown skills, with a note each", () => {
    const p = planReferenceSync(
      cx({
        assignments: [
          { agentId: "A1", skillId: "SKILL-SALES", proficiency: 12 },
          { agentId: "A1", skillId: "SKILL-GONE", proficiency: 3 },
          { agentId: "A2", skillId: "SKILL-BILLING", proficiency: 2 },
        ],
      }),
      ours,
    );
    expect(p.agentsToChange).toEqual([]);
    expect(p.notes).toEqual([expect.stringMatching(/1 skill assignment name a CXone skill that is inactive or not listed/), expect.stringMatching(/1 skill assignment has a proficiency outside 1–5/)]);
  });

  it("gives a new agent CXone's id, or cx-<id> when ours already uses it; inactive newcomers are not added", () => {
    const p = planReferenceSync(
      cx({
        agents: [
          ...cx().agents,
          { agentId: "77", userName: "clone@x", firstName: "Cy", lastName: "", active: true },
          { agentId: "Z9", userName: "gone@x", firstName: "Old", lastName: "Timer", active: false },
        ],
      }),
      { ...ours, agents: [...ours.agents, { id: "77", username: "someone.else@x", name: "Sam Else", active: false, skills: [] }] },
    );
    expect(p.agentsToAdd).toEqual([{ id: "cx-77", username: "clone@x", name: "Cy", active: true, skills: [] }]);
    expect(p.notes).toContain("1 inactive CXone agent is not added.");
  });

  it("reports a deactivated agent as a change and ours missing from CXone as missing, kept", () => {
    const p = planReferenceSync(cx({ agents: [{ agentId: "A1", userName: "ann@x", firstName: "Ann", lastName: "Lee", active: false }] }), ours);
    expect(p.agentsToChange).toEqual([{ id: "A1", username: "ann@x", name: "Ann Lee", changes: ["active: yes → no"], set: { active: false } }]);
    expect(p.agentsMissing).toEqual([{ id: "A2", username: "bo@x", name: "Bo Chan" }]);
  });
});
