/**
 * The trade evaluator: refuses malformed proposals, runs every rule for each moving
 * shift, gives each violation its policy and decides the outcome.
 *
 * A batch evaluator builds the gross coverage of the schedule plus the approved and
 * pending trades once; each trade then probes only its own skills and intervals.
 *
 * Just over 400 lines: the single-trade and batch evaluators share the per-move loop
 * and its outcome rules, and splitting them would put one decision in two files.
 */
import type { Shift } from "../types";
import { INTERVAL_MS } from "../types";
import { ZoneClock } from "./calendar";
import { CellBuffer, CoverageState, type Move } from "./coverage-state";
import { PaidTime } from "./hours";
import { effectivePolicy, outcomeOf } from "./policies";
import type { Leg, LegRule, RuleEnv, TradeRule } from "./rule";
import { availabilityRule } from "./rules/availability";
import { criticalCoveragePeriodRule } from "./rules/criticalCoveragePeriod";
import { crossSiteRule } from "./rules/crossSite";
import { cumulativeCoverageFindings } from "./rules/cumulativeCoverage";
import { maxConsecutiveHoursRule } from "./rules/maxConsecutiveHours";
import { maxDailyHoursRule } from "./rules/maxDailyHours";
import { maxTradesPerAgentPerWeekRule, tradeWeeks } from "./rules/maxTradesPerAgentPerWeek";
import { missingRequiredSkillRule } from "./rules/missingRequiredSkill";
import { noticeTooShortRule } from "./rules/noticeTooShort";
import { oneSidedRule } from "./rules/oneSided";
import { overlapRule } from "./rules/overlap";
import { overtimeRule } from "./rules/overtime";
import { restPeriodRule } from "./rules/restPeriod";
import { skillLossRule } from "./rules/skillLoss";
import { tradeRateExceededRule } from "./rules/tradeRateExceeded";
import { unequalPaidRule } from "./rules/unequalPaid";
import { ScheduleView, insertSorted } from "./schedule";
import {
  TRADE_VIOLATION_TYPES,
  type CoverageImpactPoint,
  type EvaluateBatchOptions,
  type EvaluateOptions,
  type Finding,
  type PendingTrade,
  type TradeContext,
  type TradeEvaluation,
  type TradeProposal,
  type TradeRefusal,
  type TradeViolation,
  type TradingSettings,
} from "./types";

const LEG_RULES: readonly LegRule[] = [
  overlapRule,
  missingRequiredSkillRule,
  skillLossRule,
  restPeriodRule,
  maxConsecutiveHoursRule,
  maxDailyHoursRule,
  overtimeRule,
  availabilityRule,
  crossSiteRule,
  criticalCoveragePeriodRule,
  noticeTooShortRule,
];

const TRADE_RULES: readonly TradeRule[] = [
  oneSidedRule,
  unequalPaidRule,
  tradeRateExceededRule,
  maxTradesPerAgentPerWeekRule,
];

const TYPE_ORDER = Object.fromEntries(TRADE_VIOLATION_TYPES.map((t, i) => [t, i])) as Record<string, number>;

export interface TradeEvaluator {
  /** Judges one trade against the schedule, the overlay and what this evaluator has recorded. */
  evaluate(trade: TradeProposal): TradeEvaluation;
  /**
   * Takes a decided trade into account for the trades after it: Approved is applied to
   * the schedule (and counts toward the site's trade rate), PendingReview joins the
   * coverage overlay and locks its shifts; both count toward the agents' weekly trades.
   * A re-evaluated pending trade that is now Denied leaves the overlay.
   */
  record(trade: TradeProposal, evaluation: TradeEvaluation): void;
}

/**
 * Prepares the schedule view and the baseline coverage once for many evaluations.
 * The context is read, never mutated.
 */
export function createTradeEvaluator(
  ctx: TradeContext,
  settings: TradingSettings,
  options: EvaluateOptions = {},
): TradeEvaluator {
  return new Evaluator(ctx, settings, options);
}

/** Evaluates one trade. `evaluateTrade(t, ctx, settings).outcome` → "Approved" | "Denied" | "PendingReview". */
export function evaluateTrade(
  trade: TradeProposal,
  ctx: TradeContext,
  settings: TradingSettings,
  options: EvaluateOptions = {},
): TradeEvaluation {
  return createTradeEvaluator(ctx, settings, options).evaluate(trade);
}

/**
 * Evaluates a batch, building the baseline coverage once. Sequential by default: the batch
 * is a queue in arrival order, each decision counts for the trades after it (see `record`).
 */
export function evaluateTrades(
  batch: readonly TradeProposal[],
  ctx: TradeContext,
  settings: TradingSettings,
  options: EvaluateBatchOptions = {},
): TradeEvaluation[] {
  const evaluator = createTradeEvaluator(ctx, settings, options);
  const sequential = options.sequential ?? true;
  const out: TradeEvaluation[] = new Array(batch.length);
  for (let i = 0; i < batch.length; i++) {
    const ev = evaluator.evaluate(batch[i]);
    if (sequential) evaluator.record(batch[i], ev);
    out[i] = ev;
  }
  return out;
}

class Evaluator implements TradeEvaluator {
  private readonly clock = new ZoneClock();
  private readonly paid = new PaidTime();
  private readonly view: ScheduleView;
  private readonly coverage: CoverageState;
  private readonly cells = new CellBuffer();
  /** Trades in the coverage overlay as PendingReview, with the moves applied for them. */
  private readonly pendingMoves = new Map<string, Move[]>();
  private readonly approvedIds = new Set<string>();
  /** shiftId → id of the PendingReview trade holding it. */
  private readonly locks = new Map<string, string>();
  private overlayTrades = 0;
  private readonly rateInContext = new Map<string, number>();
  private readonly rateAdded = new Map<string, number>();
  private readonly weekAdded = new Map<string, number>();
  private last: { trade: TradeProposal; moves: Move[] } | null = null;

  constructor(
    private readonly ctx: TradeContext,
    private readonly settings: TradingSettings,
    private readonly options: EvaluateOptions,
  ) {
    this.env = this.makeEnv();
    this.view = new ScheduleView(ctx.shiftsByAgent);
    const shifts: Shift[] = [];
    for (const list of ctx.shiftsByAgent.values()) for (const s of list) shifts.push(s);
    this.coverage = new CoverageState(ctx.grid, ctx.catalog, shifts, ctx.agents);
    for (const p of ctx.pendingTrades) this.admitPending(p);
  }

  /** Puts a context trade in the overlay; one that no longer resolves (stale) is skipped. */
  private admitPending(p: PendingTrade): void {
    const moves = this.resolveMoves(p);
    if (!moves) return;
    this.coverage.apply(moves, 1);
    this.overlayTrades++;
    if (p.status === "Approved") {
      this.view.apply(moves);
      this.approvedIds.add(p.id);
    } else {
      this.pendingMoves.set(p.id, moves);
      for (const m of moves) this.locks.set(m.shift.id, p.id);
    }
  }

  private resolveMoves(t: TradeProposal): Move[] | null {
    const initiator = this.ctx.agents.get(t.initiatorAgentId);
    const receiver = this.ctx.agents.get(t.receiverAgentId);
    const a = this.view.shift(t.initiatorShiftId);
    const b = t.receiverShiftId ? this.view.shift(t.receiverShiftId) : undefined;
    if (!initiator || !receiver || !a || a.agentId !== initiator.id) return null;
    if (t.kind === "swap" && (!b || b.agentId !== receiver.id)) return null;
    const moves: Move[] = [{ shift: a, incoming: { ...a, agentId: receiver.id }, giver: initiator, receiver }];
    if (t.kind === "swap" && b) moves.push({ shift: b, incoming: { ...b, agentId: initiator.id }, giver: receiver, receiver: initiator });
    return moves;
  }

  evaluate(trade: TradeProposal): TradeEvaluation {
    const refusal = this.refuse(trade);
    if (refusal) return refused(trade, refusal);
    const moves = this.resolveMoves(trade)!;
    const legs = moves.map((m) => this.legOf(m, moves));
    const siteMissing = legs.find((l) => !l.shiftSite || !l.receiverSite);
    if (siteMissing) {
      const id = !siteMissing.shiftSite ? siteMissing.shift.siteId : siteMissing.receiver.homeSiteId;
      return refused(trade, { code: "UnknownSite", message: `Site ${id} is not known`, field: null });
    }
    this.last = { trade, moves };

    // Re-evaluating a trade that is itself pending: judge it without its own overlay.
    const own = this.pendingMoves.get(trade.id);
    if (own) this.coverage.apply(own, -1);
    try {
      this.selfCount = own ? 1 : 0;
      const env = this.env;
      const findings: Finding[] = [];
      for (const leg of legs) for (const rule of LEG_RULES) pushAll(findings, rule(leg, env));
      for (const rule of TRADE_RULES) pushAll(findings, rule(trade, legs, env));
      this.coverage.probe(moves, this.cells);
      pushAll(findings, cumulativeCoverageFindings(this.cells, legs, env, this.overlayTrades - (own ? 1 : 0)));

      // Findings are fresh objects from the rules: the policy is attached in place.
      const violations = findings as TradeViolation[];
      for (const v of violations) v.policy = effectivePolicy(v.type, this.settings);
      violations.sort((x, y) => TYPE_ORDER[x.type] - TYPE_ORDER[y.type]);
      const outcome = outcomeOf(violations);
      const mode = this.options.coverageImpact ?? "review";
      const wantImpact = mode === "always" || (mode === "review" && outcome === "PendingReview");
      return {
        tradeId: trade.id,
        outcome,
        violations,
        refusal: null,
        reviewSiteIds: outcome === "PendingReview" ? distinct(legs.map((l) => l.shift.siteId)) : [],
        coverageImpact: wantImpact ? this.impact() : [],
      };
    } finally {
      if (own) this.coverage.apply(own, 1);
    }
  }

  record(trade: TradeProposal, evaluation: TradeEvaluation): void {
    if (evaluation.refusal || evaluation.tradeId !== trade.id) return;
    const wasPending = this.pendingMoves.get(trade.id);
    const moves = this.last?.trade === trade ? this.last.moves : this.resolveMoves(trade);
    if (!moves) return;
    const weekKeys = tradeWeeks(moves, this.clock).map((w) => `${w.agent.id}|${w.week}`);
    if (evaluation.outcome === "Denied") {
      if (!wasPending) return;
      this.coverage.apply(wasPending, -1);
      this.unpend(trade.id, wasPending);
      this.overlayTrades--;
      for (const k of weekKeys) bump(this.weekAdded, k, -1);
      return;
    }
    if (!wasPending) {
      this.coverage.apply(moves, 1);
      this.overlayTrades++;
      for (const k of weekKeys) bump(this.weekAdded, k, 1);
    }
    if (evaluation.outcome === "Approved") {
      if (wasPending) this.unpend(trade.id, wasPending);
      this.view.apply(moves);
      this.approvedIds.add(trade.id);
      for (const site of distinct(moves.map((m) => m.shift.siteId))) bump(this.rateAdded, site, 1);
    } else if (!wasPending) {
      this.pendingMoves.set(trade.id, moves);
      for (const m of moves) this.locks.set(m.shift.id, trade.id);
    }
    this.last = null;
  }

  private unpend(id: string, moves: readonly Move[]): void {
    this.pendingMoves.delete(id);
    for (const m of moves) if (this.locks.get(m.shift.id) === id) this.locks.delete(m.shift.id);
  }

  /** 1 while re-evaluating a trade that is itself pending (its own weekly count is discounted). */
  private selfCount = 0;
  private readonly env: RuleEnv;

  private makeEnv(): RuleEnv {
    const { ctx, settings } = this;
    return {
      now: ctx.now,
      settings,
      catalog: ctx.catalog,
      clock: this.clock,
      paid: this.paid,
      required: ctx.required,
      grid: ctx.grid,
      approvedTradesInWindow: (siteId) => this.rateFromContext(siteId) + (this.rateAdded.get(siteId) ?? 0),
      tradesInWeek: (agentId, weekKey) => {
        const base = ctx.tradeCountsByAgentWeek.get(agentId)?.get(weekKey) ?? 0;
        return Math.max(0, base + (this.weekAdded.get(`${agentId}|${weekKey}`) ?? 0) - this.selfCount);
      },
    };
  }

  private rateFromContext(siteId: string): number {
    let n = this.rateInContext.get(siteId);
    if (n === undefined) {
      const from = this.ctx.now - this.settings.tradeRateLimit.windowHours * 3_600_000;
      n = 0;
      for (const t of this.ctx.approvedTradeTimesBySite.get(siteId) ?? []) if (t > from && t <= this.ctx.now) n++;
      this.rateInContext.set(siteId, n);
    }
    return n;
  }

  private legOf(m: Move, moves: readonly Move[]): Leg {
    const outgoing = moves.find((o) => o.giver.id === m.receiver.id)?.shift ?? null;
    const receiverBefore = this.view.shiftsOf(m.receiver.id);
    const kept = outgoing ? receiverBefore.filter((s) => s.id !== outgoing.id) : receiverBefore;
    return {
      shift: m.shift,
      incoming: m.incoming,
      giver: m.giver,
      receiver: m.receiver,
      shiftSite: this.ctx.sites.get(m.shift.siteId)!,
      receiverSite: this.ctx.sites.get(m.receiver.homeSiteId)!,
      outgoing,
      receiverBefore,
      receiverAfter: insertSorted(kept, m.incoming),
    };
  }

  private impact(): CoverageImpactPoint[] {
    const { cells } = this;
    const out: CoverageImpactPoint[] = new Array(cells.length);
    for (let k = 0; k < cells.length; k++) {
      const i = cells.index[k];
      const req = this.ctx.required.get(cells.skill[k]);
      out[k] = {
        skillId: cells.skill[k],
        intervalStart: this.ctx.grid.start + i * INTERVAL_MS,
        required: req?.[i] ?? 0,
        before: cells.before[k],
        after: cells.before[k] + cells.delta[k],
      };
    }
    return out;
  }

  /** Input problems that make a trade meaningless to evaluate, in the order a form shows them. */
  private refuse(t: TradeProposal): TradeRefusal | null {
    const { ctx } = this;
    if (!this.settings.enabled) return { code: "TradingDisabled", message: "Shift trading is switched off", field: null };
    if (this.approvedIds.has(t.id)) {
      return { code: "AlreadyDecided", message: `Trade ${t.id} is already approved`, field: null };
    }
    if (t.initiatorAgentId === t.receiverAgentId) {
      return { code: "SameAgent", message: "receiverAgentId must be a different agent than initiatorAgentId", field: "receiverAgentId" };
    }
    if (t.kind === "swap" && !t.receiverShiftId) {
      return { code: "SwapNeedsReceiverShift", message: "receiverShiftId is required for a swap", field: "receiverShiftId" };
    }
    if (t.kind === "oneSided" && t.receiverShiftId) {
      return { code: "OneSidedHasReceiverShift", message: "receiverShiftId must be empty for a one-sided trade", field: "receiverShiftId" };
    }
    if (t.receiverShiftId && t.receiverShiftId === t.initiatorShiftId) {
      return { code: "SameShift", message: "receiverShiftId must be a different shift than initiatorShiftId", field: "receiverShiftId" };
    }
    for (const [field, id] of [["initiatorAgentId", t.initiatorAgentId], ["receiverAgentId", t.receiverAgentId]] as const) {
      if (!ctx.agents.has(id)) return { code: "UnknownAgent", message: `Agent ${id} is not known`, field };
    }
    const sides: Array<{ field: string; shiftId: string; ownerId: string; version?: number }> = [
      { field: "initiatorShiftId", shiftId: t.initiatorShiftId, ownerId: t.initiatorAgentId, version: t.initiatorShiftVersion },
    ];
    if (t.kind === "swap" && t.receiverShiftId) {
      sides.push({ field: "receiverShiftId", shiftId: t.receiverShiftId, ownerId: t.receiverAgentId, version: t.receiverShiftVersion });
    }
    for (const side of sides) {
      const shift = this.view.shift(side.shiftId);
      if (!shift) return { code: "UnknownShift", message: `Shift ${side.shiftId} is not known`, field: side.field };
      const lock = this.locks.get(shift.id);
      if (lock && lock !== t.id) {
        return { code: "ShiftInAnotherTrade", message: `Shift ${shift.id} is already in trade ${lock}, awaiting review`, field: side.field };
      }
      if (shift.agentId !== side.ownerId) {
        return { code: "ShiftNotOwned", message: `Shift ${shift.id} belongs to ${shift.agentId}, not ${side.ownerId}`, field: side.field };
      }
      if (side.version !== undefined && side.version !== shift.version) {
        return {
          code: "StaleShiftVersion",
          message: `Shift ${shift.id} changed since the request (version ${side.version}, now ${shift.version})`,
          field: side.field,
        };
      }
      if (shift.status !== "PUBLISHED") {
        return { code: "ShiftNotPublished", message: `Shift ${shift.id} is a draft; only published shifts can be traded`, field: side.field };
      }
      if (shift.start <= ctx.now) {
        return { code: "ShiftInPast", message: `Shift ${shift.id} has already started`, field: side.field };
      }
    }
    return null;
  }
}

function refused(trade: TradeProposal, refusal: TradeRefusal): TradeEvaluation {
  return { tradeId: trade.id, outcome: "Denied", violations: [], refusal, reviewSiteIds: [], coverageImpact: [] };
}

function pushAll<T>(into: T[], items: readonly T[]): void {
  for (const x of items) into.push(x);
}

function distinct(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}

function bump(map: Map<string, number>, key: string, by: number): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** For `reviewSitesFor`: the shift a trade names on one side, looked up in its owner's list. */
export function findShift(
  shiftsByAgent: ReadonlyMap<string, readonly Shift[]>,
  agentId: string,
  shiftId: string | null,
): Shift | undefined {
  if (!shiftId) return undefined;
  return shiftsByAgent.get(agentId)?.find((s) => s.id === shiftId);
}
