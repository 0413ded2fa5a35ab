import "server-only";
import type { Db } from "../../db/client";
import { getSites } from "../../db/queries/reference";
import type { CxoneProfileOffer } from "../../types/cxone";
import { getCxoneProfileOffer } from "./profile-offer";

/** What the CXone sections of Settings and Shifts render from: the profile's offer and the sites to pick from. */
export async function getCxonePanel(db: Db): Promise<{ offer: CxoneProfileOffer; sites: { id: string; name: string; timeZone: string }[] }> {
  const [offer, sites] = await Promise.all([getCxoneProfileOffer(db), getSites(db)]);
  return { offer, sites: sites.map((s) => ({ id: s.id, name: s.name, timeZone: s.timeZone })) };
}
