/**
 * Small pieces of the CXone client: the seed's named proficiencies on the way out, and
 * how durations, tokens and errors are worded in its messages.
 */
import { proficiencyFromName, proficiencyName } from "../domain/skills";
import type { CxoneShift } from "./schemas";

/**
 * The seed's payloads name proficiencies (`"proficiencyLevel": "ADVANCED"`): levels 2–5 go
 * out as their names (domain/skills PROFICIENCY_NAMES); level 1 (trainee) has no name and
 * stays a number.
 */
export function withNamedProficiency(shift: CxoneShift): CxoneShift {
  return {
    ...shift,
    skills: shift.skills.map((s) => {
      const level = typeof s.proficiencyLevel === "number" ? s.proficiencyLevel : /^\d+$/.test(s.proficiencyLevel) ? Number(s.proficiencyLevel) : null;
      if (level !== null) return { ...s, proficiencyLevel: proficiencyName(level) ?? level };
      // A name in any case goes out as the seed spells it.
      const named = proficiencyFromName(String(s.proficiencyLevel));
      return named === null ? s : { ...s, proficiencyLevel: proficiencyName(named)! };
    }),
  };
}

export function abbreviate(token: string): string {
  return token.length > 24 ? `${token.slice(0, 20)}…` : token;
}

export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${ms} ms`;
  if (ms < 120_000) return `${Math.round(ms / 100) / 10} s`;
  return `${Math.round(ms / 6_000) / 10} min`;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
