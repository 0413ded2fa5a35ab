import "server-only";
import { z } from "zod";
import type { Db } from "../../db/client";
import { deleteAward, getAward, getScope, insertManualAward, listLines } from "../../db/queries/bidding";
import { ineligibility } from "../../domain/bidding";
import { AppError } from "../../errors";
import { recordAudit, type AuditActor } from "../audit";
import { loadReference } from "./context";

export const adjustAwardSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("remove"), awardId: z.uuid({ error: "Not an award id." }), reason: z.string().trim().min(3, { error: "Say why the award is removed." }).max(500) }),
  z.object({
    kind: z.literal("add"),
    scopeId: z.uuid({ error: "Not a scope id." }),
    agentId: z.string().trim().min(1, { error: "Name the agent." }),
    lineId: z.uuid({ error: "Not a line id." }),
    reason: z.string().trim().min(3, { error: "Say why the award is made by hand." }).max(500),
  }),
]);
export type AdjustAward = z.infer<typeof adjustAwardSchema>;

/**
 * An admin removes an award or awards a line by hand (audited, with the reason). A manual
 * award still respects eligibility (an admin cannot leak a NYC line to a LON agent), and a
 * published award cannot be changed here: its draft shifts are in the schedule.
 */
export async function adjustAward(db: Db, input: AdjustAward, actor: AuditActor, requestId?: string): Promise<{ awardId: string | null }> {
  if (input.kind === "remove") {
    const award = await getAward(db, input.awardId);
    if (!award) throw new AppError("NOT_FOUND", "No such award.");
    if (award.publishedAt) throw new AppError("CONFLICT", "This award is published; change its draft shifts on the schedule instead.");
    await db.transaction(async (tx) => {
      await deleteAward(tx, award.id);
      await recordAudit(tx, actor, { action: "award.removed", entityType: "award", entityId: award.id, details: { award, reason: input.reason } }, requestId);
    });
    return { awardId: null };
  }
  const scope = await getScope(db, input.scopeId);
  if (!scope) throw new AppError("NOT_FOUND", `No bid scope ${input.scopeId}.`);
  const ref = await loadReference(db, { agentIds: [input.agentId] });
  const agent = ref.agents[0];
  if (!agent) throw new AppError("VALIDATION", `Unknown agent ${input.agentId}.`, { field: "agentId" });
  const [line] = await listLines(db, { ids: [input.lineId] });
  if (!line) throw new AppError("VALIDATION", `Unknown line ${input.lineId}.`, { field: "lineId" });
  const why = ineligibility(scope, agent, line, ref.siteById.get(line.siteId)!, ref.catalog);
  if (why) throw new AppError("VALIDATION", `${agent.id} may not be awarded ${line.label}: ${why.message}.`, { field: "lineId" });
  const awardId = await db.transaction(async (tx) => {
    const id = await insertManualAward(tx, { scopeId: scope.id, agentId: agent.id, lineId: line.id, wave: scope.wave, reason: `Awarded by hand: ${input.reason}` }, actor.id);
    await recordAudit(tx, actor, { action: "award.added", entityType: "award", entityId: id, details: { scopeId: scope.id, agentId: agent.id, lineId: line.id, reason: input.reason } }, requestId);
    return id;
  });
  return { awardId };
}
