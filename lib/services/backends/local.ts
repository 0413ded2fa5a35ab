import "server-only";
import { greedyFill } from "../../domain/optimize/greedy";
import { scheduleCoverage } from "../coverage/schedule";
import type { WfmBackend } from "./types";

/** Shifts, demand and optimization in our database and engines. */
export const localBackend: WfmBackend = {
  name: "local",

  // The schedule already lives here: nothing to push.
  pushImport: async () => null,
  pushPublished: async () => null,

  async readCoverage(db, grid, { agents, catalog, siteId }) {
    const { coverage, otherSites, shiftCount } = await scheduleCoverage(db, grid, agents, catalog, siteId);
    return { coverage, otherSites, shiftCount };
  },

  async runOptimization(_db, plan) {
    const { input, range: _range, ...greedy } = plan;
    void _range;
    const { proposedShifts: _drafts, ...rest } = greedyFill({ ...greedy, goals: input.goals });
    void _drafts;
    return { ...rest, rules: plan.rules };
  },
};
