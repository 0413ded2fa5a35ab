import "server-only";
import type { Db } from "../../db/client";
import { listBids, listLines, listScopes, replaceAwardRun, setScopeStatus } from "../../db/queries/bidding";
import { getShiftsOverlapping } from "../../db/queries/shifts";
import { resolveAwards, type AwardResult } from "../../domain/bidding";
import { addDays } from "../../domain/time";
import { AppError } from "../../errors";
import { insertJob, type JobRow } from "../../db/queries/jobs";
import { kickInProcessWorker, type JobHandler } from "../../jobs/worker";
import { recordAudit, type AuditActor } from "../audit";
import { emitWebhookEvent } from "../webhooks/emit";
import { wakeWebhookWorker } from "../webhooks/worker";
import { loadReference } from "./context";
import { periodSchema, type Period } from "./save-lines";

export const BID_AWARD_JOB = "bid_award";

/** The scopes an award run for a period resolves: every open or closed (not draft, not archived) scope of the period. */
async function periodScopes(db: Db, period: Period) {
  return (await listScopes(db)).filter((s) => s.period.start === period.start && s.period.end === period.end && (s.status === "open" || s.status === "closed"));
}

/** Queues the award run of a bid period and starts the in-process worker. */
export async function launchAwardRun(db: Db, rawPeriod: unknown, actor: AuditActor, requestId?: string): Promise<string> {
  const parsed = periodSchema.safeParse(rawPeriod);
  if (!parsed.success) throw new AppError("VALIDATION", parsed.error.issues.map((i) => i.message).join(" "));
  if ((await periodScopes(db, parsed.data)).length === 0) throw new AppError("VALIDATION", `No open or closed bid scope has the period ${parsed.data.start} – ${parsed.data.end}.`);
  const jobId = await insertJob(db, { kind: BID_AWARD_JOB, payload: { period: parsed.data }, createdBy: actor.id });
  await recordAudit(db, actor, { action: "bid_award.launched", entityType: "job", entityId: jobId, details: { period: parsed.data } }, requestId);
  kickInProcessWorker(db, BID_AWARD_HANDLERS);
  return jobId;
}

/** Everything the engine needs for a period, read from the database. */
export async function awardInputFor(db: Db, period: Period) {
  const scopes = await periodScopes(db, period);
  const [ref, lines, bids] = await Promise.all([loadReference(db), listLines(db, { period }), listBids(db, scopes.map((s) => s.id))]);
  const bidders = [...new Set(bids.map((b) => b.agentId))];
  // A day either side: rest periods and overlaps across the period's edges count.
  const schedule = await getShiftsOverlapping(db, { from: new Date(`${addDays(period.start, -2)}T00:00:00Z`), to: new Date(`${addDays(period.end, 3)}T00:00:00Z`) }, { agentIds: bidders });
  return { scopes, lines, bids, ref, input: { scopes, lines, bids, agents: ref.agents, sites: ref.sites, catalog: ref.catalog, schedule } };
}

/**
 * The award job: resolves the period's scopes wave by wave, stores every bidder's outcome
 * and explanation and the awards (hand-made awards are kept), and closes the windows.
 * The result depends only on what is stored, so running it twice gives the same awards.
 */
const runAwardJob: JobHandler = async (db: Db, job: JobRow) => {
  const period = periodSchema.parse((job.payload as { period: unknown }).period);
  const { scopes, input } = await awardInputFor(db, period);
  const result: AwardResult = resolveAwards(input);
  const explanation = new Map(result.outcomes.map((o) => [`${o.scopeId}:${o.agentId}`, o.explanation]));
  const webhooks = await db.transaction(async (tx) => {
    await replaceAwardRun(tx, scopes.map((s) => s.id), { jobId: job.id, outcomes: result.outcomes, awards: result.awards.map((a) => ({ ...a, reason: explanation.get(`${a.scopeId}:${a.agentId}`) ?? "" })) });
    await setScopeStatus(tx, scopes.filter((s) => s.status === "open").map((s) => s.id), "closed", job.createdBy);
    await recordAudit(tx, { id: null, label: "System" }, { action: "bid_award.completed", entityType: "job", entityId: job.id, details: { period, awards: result.awards.length, bidders: result.outcomes.length } });
    return emitWebhookEvent(
      tx,
      "bid.awarded",
      { jobId: job.id, periodStart: period.start, periodEnd: period.end, scopeIds: scopes.map((s) => s.id), awards: result.awards.length, bidders: result.outcomes.length },
      new Date(),
    );
  });
  if (webhooks > 0) wakeWebhookWorker(db);
  return { period, awards: result.awards.length, bidders: result.outcomes.length, remainingSlots: result.remainingSlots, scopes: scopes.map((s) => s.id) };
};

export const BID_AWARD_HANDLERS: Record<string, JobHandler> = { [BID_AWARD_JOB]: runAwardJob };
