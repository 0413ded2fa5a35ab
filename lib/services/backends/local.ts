import "server-only";
import { proposalsOf } from "../../domain/optimize/proposals";
import { runExact } from "../../optimize/run-exact";
import type { StoredProposal } from "../../types/optimization";
import { scheduleCoverage } from "../coverage/schedule";
import type { WfmBackend } from "./types";

const iso = (t: number) => new Date(t).toISOString().replace(".000Z", "Z");

const STATUS_WORDS: Record<string, string> = {
  OPTIMAL: "proven optimal",
  GAP_REACHED: "stopped at the target gap",
  TIME_LIMIT: "stopped at the time limit",
  INTERRUPTED: "stopped early",
  RESTRICTED_OPTIMAL: "searched every plan built from the relaxation's shifts",
};

/** Shifts, demand and optimization in our database and engines. */
export const localBackend: WfmBackend = {
  name: "local",

  // The schedule already lives here: nothing to push.
  pushImport: async () => null,
  pushPublished: async () => null,

  async readCoverage(db, grid, { agents, catalog, siteId }) {
    const { coverage, otherSites, requiredSource, shiftCount } = await scheduleCoverage(db, grid, agents, catalog, siteId);
    return { coverage, otherSites, requiredSource, shiftCount };
  },

  /**
   * The exact engine (HiGHS in a worker) with the greedy as warm start and fallback. The
   * answer keeps its solver figures and notes, says which engine answered and why, and lists
   * the proposals with stable ids for "accept".
   */
  async runOptimization(_db, plan, control) {
    const { input, range: _range, ...request } = plan;
    void _range;
    const settings = { timeLimitSeconds: input.timeLimitSeconds, targetGap: input.targetGapPercent / 100 };
    const r = await runExact({ ...request, goals: input.goals }, { settings, onProgress: control?.onProgress, signal: control?.signal });
    const zoneOf = new Map(plan.agents.map((a) => [a.id, a.timeZone]));
    const statusOf = new Map(plan.shifts.map((s) => [s.id, s.status === "DRAFT" ? ("DRAFT" as const) : ("PUBLISHED" as const)]));
    const proposals: StoredProposal[] = proposalsOf(r).map((p) => ({ ...p, timeZone: zoneOf.get(p.agentId) ?? "UTC", start: iso(p.start), end: iso(p.end), extendsStatus: p.extendsShiftId ? (statusOf.get(p.extendsShiftId) ?? null) : null }));
    const { proposedShifts: _drafts, ...rest } = r;
    void _drafts;
    const engineReason =
      r.engine === "exact"
        ? `The exact model (HiGHS, ${r.model.binaries.toLocaleString("en")} candidate shifts) answered, ${STATUS_WORDS[r.solverStatus] ?? r.solverStatus.toLowerCase()}, starting from the greedy's answer.`
        : `The greedy engine answered: ${r.notes.join(" ") || "the exact model had nothing better."}`;
    return { ...rest, engineReason, settings: { timeLimitSeconds: input.timeLimitSeconds, targetGapPercent: input.targetGapPercent }, proposals, rules: plan.rules };
  },
};
