/**
 * The skill catalog: parent/child hierarchy and cross-site equivalence groups.
 * An agent with a child skill serves its parent (SKILL_SALES_PREMIUM serves
 * SKILL_SALES), never the reverse; skills in one equivalence group
 * (SKILL_SALES_US, SKILL_SALES_UK in SKILL_SALES_GLOBAL) satisfy each other's
 * requirements when a shift changes hands across sites.
 */
import type { Skill } from "./types";

export class SkillCatalog {
  private readonly byId: Map<string, Skill>;
  private readonly ancestorCache = new Map<string, readonly string[]>();

  constructor(skills: readonly Skill[]) {
    this.byId = new Map(skills.map((s) => [s.id, s]));
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get(id: string): Skill | undefined {
    return this.byId.get(id);
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }

  /** ancestors("SKILL_SALES_PREMIUM") → ["SKILL_SALES"]; a cycle in bad data stops the walk. */
  ancestors(id: string): readonly string[] {
    let cached = this.ancestorCache.get(id);
    if (!cached) {
      const out: string[] = [];
      const seen = new Set([id]);
      let parent = this.byId.get(id)?.parentId ?? null;
      while (parent && !seen.has(parent)) {
        out.push(parent);
        seen.add(parent);
        parent = this.byId.get(parent)?.parentId ?? null;
      }
      cached = out;
      this.ancestorCache.set(id, cached);
    }
    return cached;
  }

  /** The skills an agent holding `skillIds` serves: each skill and its ancestors. */
  served(skillIds: Iterable<string>): Set<string> {
    const out = new Set<string>();
    for (const id of skillIds) {
      out.add(id);
      for (const a of this.ancestors(id)) out.add(a);
    }
    return out;
  }

  /** Does holding `held` satisfy a requirement for `required`? Itself, a descendant, or an equivalent. */
  satisfies(held: string, required: string, options: { equivalences?: boolean } = {}): boolean {
    if (held === required || this.ancestors(held).includes(required)) return true;
    if (options.equivalences === false) return false;
    const g1 = this.byId.get(held)?.equivalenceGroup;
    const g2 = this.byId.get(required)?.equivalenceGroup;
    return !!g1 && g1 === g2;
  }
}

/**
 * Named proficiencies, the one mapping for CSVs, our API, the simulator and the seed
 * profile's payloads (the seed sends `"proficiencyLevel": "ADVANCED"`). Level 1 is a
 * trainee and has no name: a name always means 2–5.
 */
export const PROFICIENCY_NAMES = { BEGINNER: 2, INTERMEDIATE: 3, ADVANCED: 4, EXPERT: 5 } as const;
export type ProficiencyName = keyof typeof PROFICIENCY_NAMES;

/** proficiencyFromName("advanced") → 4; an unknown name → null. */
export function proficiencyFromName(name: string): number | null {
  const key = name.trim().toUpperCase();
  return Object.hasOwn(PROFICIENCY_NAMES, key) ? PROFICIENCY_NAMES[key as ProficiencyName] : null;
}

/** proficiencyName(4) → "ADVANCED"; level 1 (trainee) or anything outside 2–5 → null. */
export function proficiencyName(level: number): ProficiencyName | null {
  for (const [name, value] of Object.entries(PROFICIENCY_NAMES)) if (value === level) return name as ProficiencyName;
  return null;
}
