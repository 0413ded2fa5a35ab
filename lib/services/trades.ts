import "server-only";
import { randomUUID } from "node:crypto";
import { and, desc, eq, gte, inArray, lt, or, sql } from "drizzle-orm";
import type { Db } from "../db/client";
import { agents as agentsTable, shifts as shiftsTable, tradeDecisions, tradeRequests, tradeViolations, tradingSettings as settingsTable, users } from "../db/schema";
import { getAgents, getRequiredOnGrid, getShiftsOverlapping, getSites, getSkills, toDomainShift } from "../db/queries/reference";
import { gridFor } from "../domain/coverage";
import { SkillCatalog } from "../domain/skills";
import { startOfIsoWeek, localDateKey } from "../domain/time";
import {
  createTradeEvaluator,
  DEFAULT_TRADING_SETTINGS,
  tradeExpiresAt,
  type PendingTrade,
  type TradeContext,
  type TradeEvaluation,
  type TradeProposal,
  type TradingSettings,
} from "../domain/trades";
import type { Shift } from "../domain/types";
import { AppError } from "../errors";
import { tradeProposalFrom, tradingSettingsSchema, type TradeRequest } from "../schemas/trades";
import { assertCan, can, siteScopeOf, type CurrentUser } from "../auth/checks";
import { recordAudit, type AuditActor } from "./audit";

const DAY_MS = 86_400_000;
/** Context around the traded shifts: a week either side covers rest, daily and weekly rules. */
const CONTEXT_MARGIN_MS = 8 * DAY_MS;

// ── Settings ─────────────────────────────────────────────────────────────────

/**
 * Every scope's settings in one read, as a lookup: a site's override when it has one,
 * else the org default, else the built-in defaults. For pages that judge many sites' trades.
 */
export async function loadTradingSettings(db: Db): Promise<(siteId: string | null) => TradingSettings> {
  const rows = await db.select().from(settingsTable);
  const parsed = new Map(rows.map((r) => [r.scope, tradingSettingsSchema.safeParse(r.settings)] as const));
  const of = (scope: string) => {
    const p = parsed.get(scope);
    return p?.success ? p.data : undefined;
  };
  return (siteId) => (siteId !== null && parsed.has(siteId) ? of(siteId) : of("org")) ?? DEFAULT_TRADING_SETTINGS;
}

/** The settings for one site (see loadTradingSettings). */
export async function getTradingSettings(db: Db, siteId: string | null): Promise<TradingSettings> {
  return (await loadTradingSettings(db))(siteId);
}

export async function saveTradingSettings(db: Db, scope: string, raw: unknown, actor: AuditActor, requestId?: string): Promise<TradingSettings> {
  const parsed = tradingSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError("VALIDATION", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  }
  await db.transaction(async (tx) => {
    const stored = JSON.parse(JSON.stringify(raw)) as Record<string, unknown>;
    await tx
      .insert(settingsTable)
      .values({ scope, settings: stored, updatedBy: actor.id, updatedAt: new Date() })
      .onConflictDoUpdate({ target: settingsTable.scope, set: { settings: stored, updatedBy: actor.id, updatedAt: new Date() } });
    await recordAudit(tx, { actor, action: "trading.settings.saved", entityType: "trading_settings", entityId: scope, details: stored, requestId });
  });
  return parsed.data;
}

// ── Context ──────────────────────────────────────────────────────────────────

function pendingFromRow(r: typeof tradeRequests.$inferSelect): PendingTrade {
  return {
    id: r.id,
    kind: r.kind,
    initiatorAgentId: r.initiatorAgentId,
    initiatorShiftId: r.initiatorShiftId,
    receiverAgentId: r.receiverAgentId,
    receiverShiftId: r.receiverShiftId,
    status: "PendingReview",
  };
}

/**
 * Everything the engine needs to judge trades whose shifts lie in [from, to): the schedule
 * around them, every pending trade (the overlay the "SLA blind spot" hides), demand, the
 * site's recent approvals and each agent's trades per week.
 */
export async function loadTradeContext(db: Db, range: { from: number; to: number }, now: number, options: { excludeTradeId?: string } = {}): Promise<TradeContext> {
  const from = range.from - CONTEXT_MARGIN_MS;
  const to = range.to + CONTEXT_MARGIN_MS;
  const grid = gridFor({ start: range.from - DAY_MS, end: range.to + DAY_MS });
  const [sites, skills, agents, shifts, required, pendingRows, recentApproved] = await Promise.all([
    getSites(db),
    getSkills(db),
    getAgents(db),
    getShiftsOverlapping(db, { from: new Date(from), to: new Date(to) }),
    getRequiredOnGrid(db, grid),
    db.select().from(tradeRequests).where(eq(tradeRequests.status, "PendingReview")),
    db
      .select({ decidedAt: tradeRequests.decidedAt, siteId: shiftsTable.siteId, initiatorAgentId: tradeRequests.initiatorAgentId, receiverAgentId: tradeRequests.receiverAgentId, shiftStart: shiftsTable.startsAt })
      .from(tradeRequests)
      .innerJoin(shiftsTable, eq(shiftsTable.id, tradeRequests.initiatorShiftId))
      .where(and(eq(tradeRequests.status, "Approved"), gte(tradeRequests.decidedAt, new Date(now - 31 * DAY_MS)))),
  ]);
  const shiftsByAgent = new Map<string, Shift[]>();
  for (const s of shifts) {
    const list = shiftsByAgent.get(s.agentId) ?? [];
    list.push(s);
    shiftsByAgent.set(s.agentId, list);
  }
  const approvedTradeTimesBySite = new Map<string, number[]>();
  const agentZone = new Map(agents.map((a) => [a.id, a.timeZone]));
  const counts = new Map<string, Map<string, number>>();
  const count = (agentId: string, shiftStart: number) => {
    const zone = agentZone.get(agentId) ?? "UTC";
    const week = startOfIsoWeek(localDateKey(shiftStart, zone));
    const m = counts.get(agentId) ?? new Map<string, number>();
    m.set(week, (m.get(week) ?? 0) + 1);
    counts.set(agentId, m);
  };
  for (const r of recentApproved) {
    if (!r.decidedAt) continue;
    const list = approvedTradeTimesBySite.get(r.siteId) ?? [];
    list.push(r.decidedAt.getTime());
    approvedTradeTimesBySite.set(r.siteId, list);
    count(r.initiatorAgentId, r.shiftStart.getTime());
    count(r.receiverAgentId, r.shiftStart.getTime());
  }
  const pending = pendingRows.filter((r) => r.id !== options.excludeTradeId);
  const shiftStartById = new Map(shifts.map((s) => [s.id, s.start]));
  for (const r of pending) {
    const start = shiftStartById.get(r.initiatorShiftId);
    if (start === undefined) continue;
    count(r.initiatorAgentId, start);
    count(r.receiverAgentId, start);
  }
  return {
    now,
    catalog: new SkillCatalog(skills),
    sites: new Map(sites.map((s) => [s.id, s])),
    agents: new Map(agents.map((a) => [a.id, a])),
    shiftsByAgent,
    pendingTrades: pending.map(pendingFromRow),
    required,
    grid,
    approvedTradeTimesBySite,
    tradeCountsByAgentWeek: counts,
  };
}

async function tradeShifts(db: Db, ids: string[]) {
  const rows = await db.select().from(shiftsTable).where(inArray(shiftsTable.id, ids));
  return rows.map(toDomainShift);
}

function rangeOf(shifts: Shift[]): { from: number; to: number } {
  return { from: Math.min(...shifts.map((s) => s.start)), to: Math.max(...shifts.map((s) => s.end)) };
}

// ── Request ──────────────────────────────────────────────────────────────────

export interface TradeRequestResult {
  tradeId: string;
  status: "Approved" | "Denied" | "PendingReview";
  violations: TradeEvaluation["violations"];
  reviewSiteIds: string[];
}

/**
 * Files a trade request and lets the engine decide: Approved trades are applied at once
 * (by "System"), Denied ones are recorded with their violations, the rest wait for the
 * supervisors of the sites where the shifts are worked. Bad requests (a shift that is not
 * the initiator's, a past shift, a stale version) are refused and change nothing.
 */
export async function requestTrade(db: Db, input: TradeRequest, actor: AuditActor, now: number, requestId?: string): Promise<TradeRequestResult> {
  const shiftIds = [input.initiatorShiftId, ...(input.receiverShiftId ? [input.receiverShiftId] : [])];
  const found = await tradeShifts(db, shiftIds.filter((id) => /^[0-9a-f-]{36}$/i.test(id)));
  const initiatorShift = found.find((s) => s.id === input.initiatorShiftId);
  if (!initiatorShift) throw new AppError("VALIDATION", `Shift ${input.initiatorShiftId} does not exist.`, { field: "initiatorShiftId" });
  if (input.receiverShiftId && !found.some((s) => s.id === input.receiverShiftId)) {
    throw new AppError("VALIDATION", `Shift ${input.receiverShiftId} does not exist.`, { field: "receiverShiftId" });
  }
  const receiverShift = found.find((s) => s.id === input.receiverShiftId);
  if (receiverShift && receiverShift.start === initiatorShift.start && receiverShift.end === initiatorShift.end) {
    throw new AppError("VALIDATION", "These two shifts are at exactly the same times; swapping them changes nothing.", { field: "receiverShiftId" });
  }
  const settings = await getTradingSettings(db, initiatorShift.siteId);
  const ctx = await loadTradeContext(db, rangeOf(found), now);
  const tradeId = randomUUID();
  const proposal = tradeProposalFrom(tradeId, input);
  const evaluation = createTradeEvaluator(ctx, settings, { coverageImpact: "never" }).evaluate(proposal);
  if (evaluation.refusal) throw new AppError("VALIDATION", evaluation.refusal.message, { field: evaluation.refusal.field, refusal: evaluation.refusal.code });

  await db.transaction(async (tx) => {
    await tx.insert(tradeRequests).values({
      id: tradeId,
      kind: input.kind,
      status: evaluation.outcome,
      initiatorAgentId: input.initiatorAgentId,
      initiatorShiftId: input.initiatorShiftId,
      initiatorShiftVersion: input.initiatorShiftVersion,
      receiverAgentId: input.receiverAgentId,
      receiverShiftId: input.receiverShiftId ?? null,
      receiverShiftVersion: input.receiverShiftVersion ?? null,
      reviewSiteIds: evaluation.reviewSiteIds,
      note: input.note ?? null,
      createdBy: actor.id,
      createdAt: new Date(now),
      expiresAt: new Date(tradeExpiresAt(now, initiatorShift.start, settings)),
      decidedAt: evaluation.outcome === "PendingReview" ? null : new Date(now),
    });
    await insertViolations(tx, tradeId, evaluation);
    if (evaluation.outcome === "Approved") await applyTrade(tx, proposal, input.initiatorShiftVersion, input.receiverShiftVersion ?? null);
    await recordAudit(tx, {
      actor,
      action: `trade.requested.${evaluation.outcome}`,
      entityType: "trade",
      entityId: tradeId,
      details: { request: input, outcome: evaluation.outcome, decidedBy: evaluation.outcome === "PendingReview" ? null : "System", violations: evaluation.violations.map((v) => ({ type: v.type, policy: v.policy, message: v.message })) },
      requestId,
    });
  });
  return { tradeId, status: evaluation.outcome, violations: evaluation.violations, reviewSiteIds: evaluation.reviewSiteIds };
}

async function insertViolations(tx: Db, tradeId: string, evaluation: TradeEvaluation) {
  if (evaluation.violations.length === 0) return;
  await tx.insert(tradeViolations).values(
    evaluation.violations.map((v) => ({ tradeId, type: v.type, policy: v.policy, params: v.params, message: v.message, shiftId: v.shiftId, agentId: v.agentId })),
  );
}

/**
 * Moves the shifts: the initiator's to the receiver and, in a swap, the receiver's back.
 * Each update checks the version the request saw, so a shift changed meanwhile fails the
 * whole transaction instead of being traded in a state nobody evaluated.
 */
async function applyTrade(tx: Db, trade: TradeProposal, initiatorVersion: number, receiverVersion: number | null) {
  const move = async (shiftId: string, from: string, to: string, version: number) => {
    const updated = await tx
      .update(shiftsTable)
      .set({ agentId: to, version: sql`${shiftsTable.version} + 1`, updatedAt: new Date() })
      .where(and(eq(shiftsTable.id, shiftId), eq(shiftsTable.agentId, from), eq(shiftsTable.version, version)))
      .returning({ id: shiftsTable.id });
    if (updated.length !== 1) throw new AppError("STALE_VERSION", `Shift ${shiftId} changed since the trade was requested; it was not traded.`);
  };
  await move(trade.initiatorShiftId, trade.initiatorAgentId, trade.receiverAgentId, initiatorVersion);
  if (trade.receiverShiftId) await move(trade.receiverShiftId, trade.receiverAgentId, trade.initiatorAgentId, receiverVersion ?? -1);
}

// ── Decide ───────────────────────────────────────────────────────────────────

export interface DecisionInput {
  tradeId: string;
  siteId: string;
  decision: "approve" | "reject";
  comment?: string;
}

export interface DecisionResult {
  tradeId: string;
  status: "Approved" | "Denied" | "PendingReview";
  message: string;
}

/**
 * A supervisor's decision for one site of a pending trade. Two decisions on one trade
 * cannot both win: the trade row is locked, each site decides once (a unique index), and
 * the version moves on every change. Approval re-evaluates against the schedule as it is
 * now; the trade is applied when every site has approved, in the same transaction.
 */
export async function decideTrade(db: Db, input: DecisionInput, user: CurrentUser, now: number, requestId?: string): Promise<DecisionResult> {
  assertCan(user, "trades.decide", input.siteId);
  const actor = { id: user.id, label: user.email };

  // Load and evaluate outside the transaction (reads only); the transaction re-checks state.
  const [trade] = await db.select().from(tradeRequests).where(eq(tradeRequests.id, input.tradeId)).limit(1);
  if (!trade) throw new AppError("NOT_FOUND", "No such trade request.");
  if (!trade.reviewSiteIds.includes(input.siteId)) throw new AppError("SITE_FORBIDDEN", `Site ${input.siteId} does not review this trade.`);
  if (trade.status === "PendingReview" && trade.expiresAt && trade.expiresAt.getTime() < now) {
    await expireStaleTrades(db, now);
    throw new AppError("ALREADY_DECIDED", "This trade expired before anyone decided it; the shifts stay with their agents.");
  }
  if (trade.status !== "PendingReview") throw new AppError("ALREADY_DECIDED", `This trade is already ${trade.status}.`);

  let reevaluation: TradeEvaluation | null = null;
  if (input.decision === "approve") {
    const shifts = await tradeShifts(db, [trade.initiatorShiftId, ...(trade.receiverShiftId ? [trade.receiverShiftId] : [])]);
    const settings = await getTradingSettings(db, shifts.find((s) => s.id === trade.initiatorShiftId)?.siteId ?? null);
    const ctx = await loadTradeContext(db, rangeOf(shifts), now, { excludeTradeId: trade.id });
    const proposal: TradeProposal = {
      id: trade.id,
      kind: trade.kind,
      initiatorAgentId: trade.initiatorAgentId,
      initiatorShiftId: trade.initiatorShiftId,
      receiverAgentId: trade.receiverAgentId,
      receiverShiftId: trade.receiverShiftId,
      initiatorShiftVersion: trade.initiatorShiftVersion,
      receiverShiftVersion: trade.receiverShiftVersion ?? undefined,
    };
    reevaluation = createTradeEvaluator(ctx, settings, { coverageImpact: "never" }).evaluate(proposal);
  }

  return db.transaction(async (tx) => {
    // Lock the trade: a concurrent decision waits here, then finds it decided.
    const locked = await tx.execute(sql`select status, version from trade_requests where id = ${trade.id} for update`);
    const current = (locked as unknown as { rows: { status: string; version: number }[] }).rows[0];
    if (!current || current.status !== "PendingReview" || current.version !== trade.version) {
      throw new AppError("ALREADY_DECIDED", "Someone decided this trade a moment ago; nothing was changed. Reload to see the outcome.");
    }
    const inserted = await tx
      .insert(tradeDecisions)
      .values({ tradeId: trade.id, siteId: input.siteId, userId: user.id, decision: input.decision, comment: input.comment ?? null, createdAt: new Date(now) })
      .onConflictDoNothing({ target: [tradeDecisions.tradeId, tradeDecisions.siteId] })
      .returning({ id: tradeDecisions.id });
    if (inserted.length === 0) throw new AppError("ALREADY_DECIDED", `Site ${input.siteId} has already decided this trade.`);

    let status: DecisionResult["status"] = "PendingReview";
    let message: string;
    if (input.decision === "reject") {
      status = "Denied";
      message = "Rejected. The shifts stay with their agents.";
    } else if (reevaluation && (reevaluation.refusal || reevaluation.outcome === "Denied")) {
      status = "Denied";
      const why = reevaluation.refusal?.message ?? reevaluation.violations.filter((v) => v.policy === "Disallow").map((v) => v.message).join(" ");
      message = `Not applied: the schedule changed and the trade is no longer allowed. ${why}`;
      await tx.delete(tradeViolations).where(eq(tradeViolations.tradeId, trade.id));
      if (reevaluation.violations.length) await insertViolations(tx, trade.id, reevaluation);
    } else {
      const decisions = await tx.select({ siteId: tradeDecisions.siteId, decision: tradeDecisions.decision }).from(tradeDecisions).where(eq(tradeDecisions.tradeId, trade.id));
      const approvedSites = new Set(decisions.filter((d) => d.decision === "approve").map((d) => d.siteId));
      if (trade.reviewSiteIds.every((s) => approvedSites.has(s))) {
        await applyTrade(
          tx,
          { id: trade.id, kind: trade.kind, initiatorAgentId: trade.initiatorAgentId, initiatorShiftId: trade.initiatorShiftId, receiverAgentId: trade.receiverAgentId, receiverShiftId: trade.receiverShiftId },
          trade.initiatorShiftVersion,
          trade.receiverShiftVersion,
        );
        status = "Approved";
        message = "Approved and applied: the shifts have changed hands.";
      } else {
        const waiting = trade.reviewSiteIds.filter((s) => !approvedSites.has(s));
        message = `Approved for ${input.siteId}; waiting for ${waiting.join(", ")}.`;
      }
    }
    await tx
      .update(tradeRequests)
      .set({ status, version: sql`${tradeRequests.version} + 1`, decidedAt: status === "PendingReview" ? null : new Date(now) })
      .where(eq(tradeRequests.id, trade.id));
    await recordAudit(tx, {
      actor,
      action: `trade.decision.${input.decision}`,
      entityType: "trade",
      entityId: trade.id,
      details: {
        siteId: input.siteId,
        comment: input.comment ?? null,
        outcome: status,
        violations: (reevaluation?.violations ?? []).map((v) => ({ type: v.type, policy: v.policy, message: v.message })),
      },
      requestId,
    });
    return { tradeId: trade.id, status, message };
  });
}

// ── Queue and history ────────────────────────────────────────────────────────

export interface QueueItem {
  id: string;
  kind: "swap" | "oneSided";
  createdAt: string;
  version: number;
  note: string | null;
  initiator: { id: string; name: string; siteId: string };
  receiver: { id: string; name: string; siteId: string };
  shifts: { id: string; role: "initiator" | "receiver"; siteId: string; timeZone: string; start: number; end: number }[];
  violations: { type: string; policy: string; message: string }[];
  reviewSites: { siteId: string; decision: "approve" | "reject" | null; decidedBy: string | null; comment: string | null }[];
  /** The sites the viewer can still decide for. */
  mySites: string[];
  coverageImpact: TradeEvaluation["coverageImpact"];
}

export interface RateAlert {
  siteId: string;
  approved: number;
  limit: number;
  windowHours: number;
}

/**
 * Requests nobody decided before they expired become Expired (DOMAIN.md's states); done
 * when the queue is read or a decision is made, so no clock runs in the background.
 */
export async function expireStaleTrades(db: Db, now: number): Promise<number> {
  const expired = await db
    .update(tradeRequests)
    .set({ status: "Expired", decidedAt: new Date(now), version: sql`${tradeRequests.version} + 1` })
    .where(and(inArray(tradeRequests.status, ["Unmatched", "Matched", "PendingReview"]), lt(tradeRequests.expiresAt, new Date(now))))
    .returning({ id: tradeRequests.id });
  for (const t of expired) {
    await recordAudit(db, { actor: { id: null, label: "System" }, action: "trade.expired", entityType: "trade", entityId: t.id, details: {} });
  }
  return expired.length;
}

/** Pending trades the user reviews (a supervisor: their sites only), with the coverage each would change. */
export async function getReviewQueue(db: Db, user: CurrentUser, now: number): Promise<{ items: QueueItem[]; alerts: RateAlert[] }> {
  await expireStaleTrades(db, now);
  const rows = await db.select().from(tradeRequests).where(eq(tradeRequests.status, "PendingReview")).orderBy(tradeRequests.createdAt);
  const scope = siteScopeOf(user, "trades.queue.read");
  const visible = rows.filter((r) => scope === null || r.reviewSiteIds.some((s) => scope.includes(s)));
  const alerts = await getRateAlerts(db, scope, now);
  if (visible.length === 0) return { items: [], alerts };

  const ids = visible.map((r) => r.id);
  const shiftIds = visible.flatMap((r) => [r.initiatorShiftId, ...(r.receiverShiftId ? [r.receiverShiftId] : [])]);
  const [shifts, violations, decisions, sites] = await Promise.all([
    tradeShifts(db, shiftIds),
    db.select().from(tradeViolations).where(inArray(tradeViolations.tradeId, ids)),
    db.select({ d: tradeDecisions, email: users.email }).from(tradeDecisions).leftJoin(users, eq(users.id, tradeDecisions.userId)).where(inArray(tradeDecisions.tradeId, ids)),
    getSites(db),
  ]);
  const agentIds = [...new Set(visible.flatMap((r) => [r.initiatorAgentId, r.receiverAgentId]))];
  const agentRows = await db.select({ id: agentsTable.id, name: agentsTable.name, homeSiteId: agentsTable.homeSiteId }).from(agentsTable).where(inArray(agentsTable.id, agentIds));
  const agentById = new Map(agentRows.map((a) => [a.id, a]));
  const shiftById = new Map(shifts.map((s) => [s.id, s]));
  const zoneOf = new Map(sites.map((s) => [s.id, s.timeZone]));

  // One context for the whole queue; each trade is judged with the others as the overlay.
  const ctx = shifts.length ? await loadTradeContext(db, rangeOf(shifts), now) : null;
  const settingsFor = await loadTradingSettings(db);
  const items: QueueItem[] = [];
  for (const r of visible) {
    let impact: TradeEvaluation["coverageImpact"] = [];
    if (ctx) {
      const settings = settingsFor(shiftById.get(r.initiatorShiftId)?.siteId ?? null);
      const others = { ...ctx, pendingTrades: ctx.pendingTrades.filter((p) => p.id !== r.id) };
      impact = createTradeEvaluator(others, settings, { coverageImpact: "always" }).evaluate({ ...pendingFromRow(r) }).coverageImpact;
    }
    const own = decisions.filter((d) => d.d.tradeId === r.id);
    const reviewSites = r.reviewSiteIds.map((siteId) => {
      const d = own.find((x) => x.d.siteId === siteId);
      return { siteId, decision: d?.d.decision ?? null, decidedBy: d?.email ?? null, comment: d?.d.comment ?? null };
    });
    const shiftsOf = [r.initiatorShiftId, r.receiverShiftId].filter((x): x is string => !!x);
    items.push({
      id: r.id,
      kind: r.kind,
      createdAt: r.createdAt.toISOString(),
      version: r.version,
      note: r.note,
      initiator: { id: r.initiatorAgentId, name: agentById.get(r.initiatorAgentId)?.name ?? r.initiatorAgentId, siteId: agentById.get(r.initiatorAgentId)?.homeSiteId ?? "" },
      receiver: { id: r.receiverAgentId, name: agentById.get(r.receiverAgentId)?.name ?? r.receiverAgentId, siteId: agentById.get(r.receiverAgentId)?.homeSiteId ?? "" },
      shifts: shiftsOf
        .map((id) => shiftById.get(id))
        .filter((s): s is Shift => !!s)
        .map((s) => ({ id: s.id, role: s.id === r.initiatorShiftId ? "initiator" : "receiver", siteId: s.siteId, timeZone: zoneOf.get(s.siteId) ?? "UTC", start: s.start, end: s.end })),
      violations: violations.filter((v) => v.tradeId === r.id).map((v) => ({ type: v.type, policy: v.policy, message: v.message })),
      reviewSites,
      mySites: reviewSites.filter((s) => s.decision === null && can(user, "trades.decide", s.siteId)).map((s) => s.siteId),
      coverageImpact: impact,
    });
  }
  return { items, alerts };
}

/** Sites whose approved trades in the rolling window have reached the limit. */
export async function getRateAlerts(db: Db, siteIds: string[] | null, now: number): Promise<RateAlert[]> {
  const sites = (await getSites(db)).filter((s) => !siteIds || siteIds.includes(s.id));
  const settingsFor = await loadTradingSettings(db);
  const alerts: RateAlert[] = [];
  for (const site of sites) {
    const settings = settingsFor(site.id);
    const since = new Date(now - settings.tradeRateLimit.windowHours * 3_600_000);
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(tradeRequests)
      .innerJoin(shiftsTable, eq(shiftsTable.id, tradeRequests.initiatorShiftId))
      .where(and(eq(tradeRequests.status, "Approved"), eq(shiftsTable.siteId, site.id), gte(tradeRequests.decidedAt, since)));
    if (row.n >= settings.tradeRateLimit.maxApproved) {
      alerts.push({ siteId: site.id, approved: row.n, limit: settings.tradeRateLimit.maxApproved, windowHours: settings.tradeRateLimit.windowHours });
    }
  }
  return alerts;
}

export interface HistoryFilter {
  status?: string;
  siteId?: string;
  agentId?: string;
  limit?: number;
}

export async function getTradeHistory(db: Db, user: CurrentUser, filter: HistoryFilter) {
  const conditions = [];
  const scope = siteScopeOf(user, "trades.read");
  if (scope) conditions.push(inArray(shiftsTable.siteId, scope.length ? scope : ["-"]));
  if (filter.siteId) conditions.push(eq(shiftsTable.siteId, filter.siteId));
  if (filter.status) conditions.push(eq(tradeRequests.status, filter.status as (typeof tradeRequests.status.enumValues)[number]));
  if (filter.agentId) conditions.push(or(eq(tradeRequests.initiatorAgentId, filter.agentId), eq(tradeRequests.receiverAgentId, filter.agentId)));
  const rows = await db
    .select({ t: tradeRequests, siteId: shiftsTable.siteId, shiftStart: shiftsTable.startsAt, shiftEnd: shiftsTable.endsAt })
    .from(tradeRequests)
    .innerJoin(shiftsTable, eq(shiftsTable.id, tradeRequests.initiatorShiftId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(tradeRequests.createdAt))
    .limit(filter.limit ?? 100);
  const scoped = rows;
  const ids = scoped.map((r) => r.t.id);
  const violations = ids.length ? await db.select({ tradeId: tradeViolations.tradeId, type: tradeViolations.type, policy: tradeViolations.policy }).from(tradeViolations).where(inArray(tradeViolations.tradeId, ids)) : [];
  const decisions = ids.length
    ? await db.select({ tradeId: tradeDecisions.tradeId, siteId: tradeDecisions.siteId, decision: tradeDecisions.decision, comment: tradeDecisions.comment, at: tradeDecisions.createdAt, email: users.email }).from(tradeDecisions).leftJoin(users, eq(users.id, tradeDecisions.userId)).where(inArray(tradeDecisions.tradeId, ids))
    : [];
  return scoped.map((r) => ({
    id: r.t.id,
    kind: r.t.kind,
    status: r.t.status,
    createdAt: r.t.createdAt.toISOString(),
    decidedAt: r.t.decidedAt?.toISOString() ?? null,
    initiatorAgentId: r.t.initiatorAgentId,
    receiverAgentId: r.t.receiverAgentId,
    siteId: r.siteId,
    shiftStart: r.shiftStart.getTime(),
    shiftEnd: r.shiftEnd.getTime(),
    violations: violations.filter((v) => v.tradeId === r.t.id).map((v) => `${v.type} (${v.policy})`),
    decisions: decisions.filter((d) => d.tradeId === r.t.id).map((d) => ({ siteId: d.siteId, decision: d.decision, comment: d.comment, by: d.email, at: d.at.toISOString() })),
  }));
}

