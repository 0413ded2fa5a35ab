import "server-only";
import type { Db } from "../../db/client";
import { getConnection } from "../../db/queries/cxone-connections";
import { capabilitiesOf, type Capability } from "../../cxone";
import { env } from "../../env";
import type { CxoneFeature, CxoneProfileName, CxoneProfileOffer } from "../../types/cxone";
import { CXONE_CONNECTION_ID } from "../backends/cxone-client";

/** Which profile capability each dashboard feature rests on. */
const FEATURE_CAPABILITY: Record<CxoneFeature, Capability> = {
  pushShifts: "importShifts",
  templateFile: "templateFile",
  referenceSync: "syncAgentsSkills",
  scheduleCompare: "exportSchedule",
  contactHistory: "contactHistory",
  coverage: "readCoverage",
  optimization: "runOptimization",
};

/** The stored connection's profile, or the environment's (always the seed contract), or none. */
export async function connectedProfile(db: Db): Promise<CxoneProfileName | null> {
  const row = await getConnection(db, CXONE_CONNECTION_ID);
  if (row) return row.profile === "platform" ? "platform" : "seed";
  const e = env();
  return e.CXONE_CLIENT_ID && e.CXONE_CLIENT_SECRET ? "seed" : null;
}

/**
 * What the connected profile lets the dashboard offer, and for each feature it does not,
 * the sentence shown beside the switched-off control. No call to CXone: pages read it.
 * The template file needs no connection at all.
 */
export async function getCxoneProfileOffer(db: Db): Promise<CxoneProfileOffer> {
  const profile = await connectedProfile(db);
  const features = {} as CxoneProfileOffer["features"];
  for (const [feature, capability] of Object.entries(FEATURE_CAPABILITY) as [CxoneFeature, Capability][]) {
    if (feature === "templateFile") features[feature] = { available: true, reason: null };
    else if (!profile) features[feature] = { available: false, reason: "No CXone connection yet: an admin sets one in Settings → CXone connection." };
    else {
      const s = capabilitiesOf(profile)[capability];
      features[feature] = s.available ? { available: true, reason: null } : { available: false, reason: s.message };
    }
  }
  return { profile, features };
}
