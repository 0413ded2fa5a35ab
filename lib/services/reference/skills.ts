import "server-only";
import type { Db } from "../../db/client";
import { getSkills } from "../../db/queries/reference";
import type { Skill } from "../../domain/types";

/** Every skill (the capacity plan picks one). */
export async function listSkills(db: Db): Promise<Skill[]> {
  return getSkills(db);
}
