/**
 * What the CXone use cases answer, as the Settings and Shifts components receive them.
 * Browser-safe: no server imports.
 */

export type CxoneProfileName = "seed" | "platform";

/** One row of "Test connection": what was tried and how it went. */
export type CapabilityCheckState =
  /** Proven by a light call. */
  | "ok"
  /** CXone answered 403: the role (platform) or the OAuth client (seed) lacks what `message` names. */
  | "missing_permission"
  /** This profile has no such endpoint: `message` says why. */
  | "not_offered"
  /** Tried and failed for another reason (`message` has CXone's words). */
  | "failed"
  /** Not tried because an earlier step (discovery, sign-in) failed. */
  | "not_checked";

export type CapabilityCheckKey = "discovery" | "signIn" | "agentsRead" | "skillsRead" | "scheduleExport" | "contactHistory" | "importEndpoint" | "coverageRead" | "optimization";

export interface CapabilityCheck {
  key: CapabilityCheckKey;
  label: string;
  state: CapabilityCheckState;
  message: string;
}

export interface CxoneCapabilityReport {
  profile: CxoneProfileName;
  /** Every check the profile offers passed. */
  ok: boolean;
  checks: CapabilityCheck[];
  testedAt: string;
}

/** What the stored connection's profile offers, without calling CXone (pages gate their actions on it). */
export interface CxoneProfileOffer {
  profile: CxoneProfileName | null;
  /** Per dashboard feature: on, or off with the reason shown beside it. */
  features: Record<CxoneFeature, { available: boolean; reason: string | null }>;
}

export type CxoneFeature = "pushShifts" | "templateFile" | "referenceSync" | "scheduleCompare" | "contactHistory" | "coverage" | "optimization";

// ---- reference sync -------------------------------------------------------

export interface SkillDiffRow {
  skillId: string;
  name: string;
  /** For a changed skill: our current name. */
  ourName?: string;
}

export interface AgentDiffRow {
  /** Our agent id (for an added agent: the id it will get — CXone's agent id). */
  agentId: string;
  username: string;
  name: string;
  /** What differs, in the screen's words: "name: A → B", "skills: +X:3 −Y:2", "active: yes → no". */
  changes: string[];
}

export interface ReferenceSyncPreview {
  /** Ties the confirmation to what was shown: apply refuses when either side changed since. */
  fingerprint: string;
  skills: { added: SkillDiffRow[]; changed: SkillDiffRow[]; missing: SkillDiffRow[] };
  agents: { added: AgentDiffRow[]; changed: AgentDiffRow[]; missing: AgentDiffRow[] };
  /** Things read from CXone that the sync leaves alone, and why. */
  notes: string[];
}

export interface ReferenceSyncApplied {
  skillsAdded: number;
  skillsRenamed: number;
  agentsAdded: number;
  agentsChanged: number;
}

// ---- schedule comparison --------------------------------------------------

export interface ComparedShift {
  agentId: string;
  agentName: string;
  /** ISO instants (UTC); the screen names the zone. */
  start: string;
  end: string;
}

export interface ScheduleComparisonResult {
  startDate: string;
  endDate: string;
  agents: number;
  /** Export requests sent: agents × 7-day windows. */
  requests: number;
  windows: { startDate: string; endDate: string }[];
  same: number;
  onlyCxone: ComparedShift[];
  onlyOurs: ComparedShift[];
  /** Same agent, overlapping in time, different start or end. */
  differentTimes: { agentId: string; agentName: string; cxone: { start: string; end: string }; ours: { start: string; end: string } }[];
  /** CXone users we could not match to one of our agents (by username). */
  unmatchedCxoneUsers: string[];
}

// ---- template push --------------------------------------------------------

export interface TemplateFieldWarning {
  row: number;
  column: string;
  code: string;
  before: string;
  after: string;
  message: string;
}

export interface CxoneTemplateExport {
  fileName: string;
  csv: string;
  rows: number;
  warnings: TemplateFieldWarning[];
  publishState: string;
  instructions: string;
  /** The connected profile pushes through an import endpoint (seed) or this file is the push (platform, none). */
  pushedBy: "file" | "import-endpoint";
}
