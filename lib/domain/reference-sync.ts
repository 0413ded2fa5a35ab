/**
 * CXone's agents and skills against our reference data: what a sync would add, change, and
 * what we have that CXone does not. Pure: the service reads both sides and applies the plan.
 *
 * Decisions (also in lib/cxone/README.md):
 * - Skills match by id, then by name (case-insensitive): a tenant whose skill ids are
 *   numbers still lines up with ours by name. A matched-by-id skill with another name is
 *   renamed; CXone skills that are inactive are not added.
 * - Agents match by username (case-insensitive; ours is unique). A new agent gets CXone's
 *   agent id as ours (prefixed `cx-` if that id is taken). Name, active and skills are
 *   compared; skills only when CXone lists at least one assignment for the agent, so an
 *   empty assignment list never strips ours.
 * - Proficiency levels outside 1–5 are left out with a note (ours are 1–5, lib/domain/skills).
 * - "Missing" (ours, not in CXone) is reported, never removed: shifts, bids and trades point
 *   at them. Deactivate by hand when they really left.
 */

export interface CxoneReference {
  agents: { agentId: string; userName: string; firstName: string; lastName: string; active: boolean }[];
  skills: { skillId: string; name: string; active: boolean }[];
  assignments: { agentId: string; skillId: string; proficiency: number }[];
}

export interface OurReference {
  agents: { id: string; username: string; name: string; active: boolean; skills: { skillId: string; proficiency: number }[] }[];
  skills: { id: string; name: string }[];
}

export interface ReferencePlan {
  skillsToAdd: { id: string; name: string }[];
  skillsToRename: { id: string; from: string; to: string }[];
  skillsMissing: { id: string; name: string }[];
  agentsToAdd: { id: string; username: string; name: string; active: boolean; skills: { skillId: string; proficiency: number }[] }[];
  agentsToChange: {
    id: string;
    username: string;
    name: string;
    changes: string[];
    set: { name?: string; active?: boolean; skills?: { skillId: string; proficiency: number }[] };
  }[];
  agentsMissing: { id: string; username: string; name: string }[];
  notes: string[];
}

const lower = (s: string) => s.trim().toLowerCase();
const skillKey = (s: { skillId: string; proficiency: number }) => `${s.skillId}:${s.proficiency}`;

export function planReferenceSync(cx: CxoneReference, ours: OurReference): ReferencePlan {
  const plan: ReferencePlan = { skillsToAdd: [], skillsToRename: [], skillsMissing: [], agentsToAdd: [], agentsToChange: [], agentsMissing: [], notes: [] };

  // ---- skills: CXone id → our id
  const ourById = new Map(ours.skills.map((s) => [s.id, s]));
  const ourByName = new Map(ours.skills.map((s) => [lower(s.name), s]));
  const skillMap = new Map<string, string>();
  const matchedOurs = new Set<string>();
  let inactiveSkills = 0;
  for (const s of [...cx.skills].sort((a, b) => a.skillId.localeCompare(b.skillId))) {
    const byId = ourById.get(s.skillId);
    const byName = byId ? undefined : ourByName.get(lower(s.name));
    const mine = byId ?? byName;
    if (mine) {
      skillMap.set(s.skillId, mine.id);
      matchedOurs.add(mine.id);
      if (byId && s.name.trim() !== "" && s.name !== mine.name) plan.skillsToRename.push({ id: mine.id, from: mine.name, to: s.name });
      continue;
    }
    if (!s.active) {
      inactiveSkills++;
      continue;
    }
    skillMap.set(s.skillId, s.skillId);
    plan.skillsToAdd.push({ id: s.skillId, name: s.name || s.skillId });
  }
  for (const s of ours.skills) if (!matchedOurs.has(s.id)) plan.skillsMissing.push({ id: s.id, name: s.name });
  if (inactiveSkills > 0) plan.notes.push(`${inactiveSkills} inactive CXone skill${inactiveSkills === 1 ? " is" : "s are"} not added.`);

  // ---- assignments per CXone agent, in our skill ids
  const assigned = new Map<string, { skillId: string; proficiency: number }[]>();
  let unknownSkill = 0;
  let badLevel = 0;
  for (const a of cx.assignments) {
    const skillId = skillMap.get(a.skillId);
    if (!skillId) {
      unknownSkill++;
      continue;
    }
    if (!Number.isInteger(a.proficiency) || a.proficiency < 1 || a.proficiency > 5) {
      badLevel++;
      continue;
    }
    assigned.set(a.agentId, [...(assigned.get(a.agentId) ?? []), { skillId, proficiency: a.proficiency }]);
  }
  if (unknownSkill > 0) plan.notes.push(`${unknownSkill} skill assignment${unknownSkill === 1 ? "" : "s"} name a CXone skill that is inactive or not listed: left out.`);
  if (badLevel > 0) plan.notes.push(`${badLevel} skill assignment${badLevel === 1 ? " has" : "s have"} a proficiency outside 1–5: left out (ours are 1–5).`);

  // ---- agents by username
  const ourByUser = new Map(ours.agents.map((a) => [lower(a.username), a]));
  const ourIds = new Set(ours.agents.map((a) => a.id));
  const seen = new Set<string>();
  let inactiveNew = 0;
  for (const a of [...cx.agents].sort((x, y) => x.userName.localeCompare(y.userName))) {
    const name = `${a.firstName} ${a.lastName}`.trim() || a.userName;
    const cxSkills = (assigned.get(a.agentId) ?? []).sort((x, y) => x.skillId.localeCompare(y.skillId));
    const mine = ourByUser.get(lower(a.userName));
    if (!mine) {
      if (!a.active) {
        inactiveNew++;
        continue;
      }
      let id = a.agentId;
      if (ourIds.has(id)) id = `cx-${a.agentId}`;
      ourIds.add(id);
      plan.agentsToAdd.push({ id, username: a.userName, name, active: true, skills: cxSkills });
      continue;
    }
    seen.add(mine.id);
    const changes: string[] = [];
    const set: ReferencePlan["agentsToChange"][number]["set"] = {};
    if (name !== mine.name) {
      changes.push(`name: ${mine.name} → ${name}`);
      set.name = name;
    }
    if (a.active !== mine.active) {
      changes.push(`active: ${mine.active ? "yes" : "no"} → ${a.active ? "yes" : "no"}`);
      set.active = a.active;
    }
    if (cxSkills.length > 0) {
      const before = new Set(mine.skills.map(skillKey));
      const after = new Set(cxSkills.map(skillKey));
      const plus = [...after].filter((k) => !before.has(k)).sort();
      const minus = [...before].filter((k) => !after.has(k)).sort();
      if (plus.length + minus.length > 0) {
        changes.push(`skills: ${[...plus.map((k) => `+${k}`), ...minus.map((k) => `−${k}`)].join(" ")}`);
        set.skills = cxSkills;
      }
    }
    if (changes.length > 0) plan.agentsToChange.push({ id: mine.id, username: mine.username, name: mine.name, changes, set });
  }
  for (const a of ours.agents) if (a.active && !seen.has(a.id)) plan.agentsMissing.push({ id: a.id, username: a.username, name: a.name });
  if (inactiveNew > 0) plan.notes.push(`${inactiveNew} inactive CXone agent${inactiveNew === 1 ? " is" : "s are"} not added.`);
  if (plan.agentsMissing.length > 0) plan.notes.push("Agents missing from CXone are listed only: they stay, because shifts, bids and trades refer to them.");
  return plan;
}
