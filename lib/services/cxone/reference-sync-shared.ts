import "server-only";
import { createHash } from "node:crypto";
import type { Db } from "../../db/client";
import { getReferenceForSync } from "../../db/queries/reference-sync";
import { CxoneError, type CxoneClientDeps } from "../../cxone";
import { planReferenceSync, type ReferencePlan } from "../../domain/reference-sync";
import { AppError } from "../../errors";
import type { ReferenceSyncPreview } from "../../types/cxone";
import { requirePlatformClient } from "../backends/cxone-client";

/** Reads CXone's agents, skills and assignments and ours, and plans the sync (nothing written). */
export async function loadReferencePlan(db: Db, deps?: CxoneClientDeps): Promise<{ plan: ReferencePlan; fingerprint: string }> {
  const client = await requirePlatformClient(db, "Syncing agents and skills", deps);
  let cx;
  try {
    const [agents, skills, assignments] = await Promise.all([client.listAgents(), client.listSkills(), client.listAgentSkills()]);
    cx = { agents, skills, assignments };
  } catch (e) {
    if (e instanceof CxoneError) throw new AppError("UPSTREAM", e.message);
    throw e;
  }
  const plan = planReferenceSync(cx, await getReferenceForSync(db));
  return { plan, fingerprint: createHash("sha256").update(JSON.stringify(plan)).digest("hex").slice(0, 32) };
}

export function previewOf(plan: ReferencePlan, fingerprint: string): ReferenceSyncPreview {
  return {
    fingerprint,
    skills: {
      added: plan.skillsToAdd.map((s) => ({ skillId: s.id, name: s.name })),
      changed: plan.skillsToRename.map((s) => ({ skillId: s.id, name: s.to, ourName: s.from })),
      missing: plan.skillsMissing.map((s) => ({ skillId: s.id, name: s.name })),
    },
    agents: {
      added: plan.agentsToAdd.map((a) => ({ agentId: a.id, username: a.username, name: a.name, changes: [`skills: ${a.skills.map((s) => `${s.skillId}:${s.proficiency}`).join(" ") || "none listed"}`] })),
      changed: plan.agentsToChange.map((a) => ({ agentId: a.id, username: a.username, name: a.name, changes: a.changes })),
      missing: plan.agentsMissing.map((a) => ({ agentId: a.id, username: a.username, name: a.name, changes: [] })),
    },
    notes: plan.notes,
  };
}
