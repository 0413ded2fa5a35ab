import "server-only";
import { z } from "zod";
import type { Db } from "../../db/client";
import { applyReferencePlan, nextPerformanceRank } from "../../db/queries/reference-sync";
import { getSites } from "../../db/queries/reference";
import { assertCan, type CurrentUser } from "../../auth/checks";
import type { CxoneClientDeps } from "../../cxone";
import { AppError } from "../../errors";
import type { ReferenceSyncApplied } from "../../types/cxone";
import { recordAudit } from "../audit";
import { loadReferencePlan } from "./reference-sync-shared";

export const applyReferenceSyncSchema = z.object({
  fingerprint: z.string().min(8).max(64),
  /** Home site for agents CXone has and we do not (required when there are any). */
  newAgentSiteId: z.string().trim().min(1).max(100).optional(),
});

const NEW_AGENT_HOURS = 40;

/**
 * Applies the previewed sync in one audited transaction. CXone and our data are read again
 * and planned again: if the plan is not the one the planner saw (its fingerprint), nothing
 * is written and the planner previews again.
 */
export async function applyReferenceSync(
  db: Db,
  user: CurrentUser,
  raw: unknown,
  options: { deps?: CxoneClientDeps; now?: Date; requestId?: string } = {},
): Promise<ReferenceSyncApplied> {
  assertCan(user, "cxone.reference.sync");
  const parsed = applyReferenceSyncSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  const input = parsed.data;
  const { plan, fingerprint } = await loadReferencePlan(db, options.deps);
  if (fingerprint !== input.fingerprint) {
    throw new AppError("CONFLICT", "CXone's agents and skills, or ours, changed since the preview: nothing was applied. Preview again and check the differences.");
  }
  let site: { id: string; timeZone: string } | undefined;
  if (plan.agentsToAdd.length > 0) {
    if (!input.newAgentSiteId) throw new AppError("VALIDATION", `Choose the home site for the ${plan.agentsToAdd.length} new agent${plan.agentsToAdd.length === 1 ? "" : "s"} from CXone.`);
    site = (await getSites(db)).find((s) => s.id === input.newAgentSiteId);
    if (!site) throw new AppError("VALIDATION", `Home site "${input.newAgentSiteId}" does not exist.`);
  }
  const now = options.now ?? new Date();
  const result: ReferenceSyncApplied = { skillsAdded: plan.skillsToAdd.length, skillsRenamed: plan.skillsToRename.length, agentsAdded: plan.agentsToAdd.length, agentsChanged: plan.agentsToChange.length };
  await db.transaction(async (tx) => {
    const firstRank = await nextPerformanceRank(tx);
    await applyReferencePlan(tx, plan, { homeSiteId: site?.id ?? "", timeZone: site?.timeZone ?? "UTC", hireDate: now.toISOString().slice(0, 10), firstRank, contractHoursPerWeek: NEW_AGENT_HOURS });
    await recordAudit(
      tx,
      { id: user.id, label: user.email },
      {
        action: "cxone.reference.synced",
        entityType: "reference",
        entityId: fingerprint,
        details: {
          ...result,
          skillIdsAdded: plan.skillsToAdd.map((s) => s.id),
          agentIdsAdded: plan.agentsToAdd.map((a) => a.id),
          agentChanges: plan.agentsToChange.map((a) => ({ agentId: a.id, changes: a.changes })),
          newAgentSiteId: site?.id ?? null,
        },
      },
      options.requestId,
    );
  });
  return result;
}
