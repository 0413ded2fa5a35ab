import "server-only";
import type { Db } from "../../db/client";
import { getSites } from "../../db/queries/reference";
import type { Site } from "../../domain/types";

/** Every site, by id (filters and time zones on the pages). */
export async function listSites(db: Db): Promise<Site[]> {
  return getSites(db);
}
