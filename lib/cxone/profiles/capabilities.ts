import "server-only";
/**
 * What each connection profile can do, and for what it cannot, a typed reason the
 * dashboard shows beside the switched-off action.
 */
import type { ProfileName } from "./endpoints";

export const CAPABILITIES = ["importShifts", "readCoverage", "runOptimization", "syncAgentsSkills", "exportSchedule", "contactHistory", "templateFile"] as const;
export type Capability = (typeof CAPABILITIES)[number];

export type LackReason =
  /** NICE's public documentation has no such endpoint (the seed's contract does). */
  | "NOT_DOCUMENTED_BY_NICE"
  /** The seed's contract has no such endpoint (NICE's platform does). */
  | "NOT_IN_SEED_CONTRACT";

export type CapabilityState = { available: true } | { available: false; reason: LackReason; message: string };

const yes: CapabilityState = { available: true };
const notNice = (message: string): CapabilityState => ({ available: false, reason: "NOT_DOCUMENTED_BY_NICE", message });
const notSeed = (message: string): CapabilityState => ({ available: false, reason: "NOT_IN_SEED_CONTRACT", message });

export const PROFILE_CAPABILITIES: Record<ProfileName, Record<Capability, CapabilityState>> = {
  seed: {
    importShifts: yes,
    readCoverage: yes,
    runOptimization: yes,
    syncAgentsSkills: notSeed("The seed's WFM API has no agent or skill listing; keep reference data in Shiftboard."),
    exportSchedule: notSeed("The seed's WFM API cannot export a schedule; only import, coverage and optimization."),
    contactHistory: notSeed("The seed's WFM API has no historical contact data."),
    templateFile: yes,
  },
  platform: {
    importShifts: notNice(
      "NICE documents shift import only as the scheduling screen's CSV template import: download the template file and import it in CXone.",
    ),
    readCoverage: notNice("NICE's public APIs have no coverage endpoint; Shiftboard computes coverage from its own schedule."),
    runOptimization: notNice("NICE's public APIs have no optimization run; Shiftboard's own optimizer proposes shifts."),
    syncAgentsSkills: yes,
    exportSchedule: yes,
    contactHistory: yes,
    templateFile: yes,
  },
};

export function capabilitiesOf(profile: ProfileName): Record<Capability, CapabilityState> {
  return PROFILE_CAPABILITIES[profile];
}
