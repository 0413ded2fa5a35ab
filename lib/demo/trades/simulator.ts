/** The database path of requestTrade over plain data (see ./index.ts). */
import { gridFor } from "../../domain/coverage";
import { SkillCatalog } from "../../domain/skills";
import { buildTradeContext, createTradeEvaluator, resolveTradingSettings, type PendingTradeFact, type TradeContext, type TradeEvaluation, type TradeEvaluator, type TradingSettings } from "../../domain/trades";
import { INTERVAL_MS, type Agent, type Instant, type Shift } from "../../domain/types";
import { tradeProposalFrom, tradingSettingsSchema, type TradeRequest } from "../../schemas/trades";
import type { DemoData } from "../generate";
import type { DemoShiftEdit, DemoTradeOutcome, DemoTradeSetup, DemoTradingSettingsRow } from "./settings";

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

// ── Simulator ────────────────────────────────────────────────────────────────

interface SimTrade {
  id: string;
  request: TradeRequest;
  status: DemoTradeOutcome;
  initiatorSiteId: string;
  initiatorShiftStart: Instant;
}

export interface SimOutcome {
  /** Set when requestTrade would refuse the request (nothing is stored). */
  refusal: string | null;
  evaluation: TradeEvaluation | null;
}

interface SimState {
  shifts: Map<string, Shift>;
  trades: SimTrade[];
  settings: Map<string, TradingSettings>;
}

/**
 * The database path of `requestTrade` over plain data: settings by the initiator shift's
 * site (else org, else defaults), the context as `loadTradeContext` builds it (the schedule
 * after approved trades, PendingReview trades as the overlay, approvals per initiator-shift
 * site, trades per agent and home-zone week), the engine's verdict, and an Approved trade
 * applied with the shift versions bumped. All trades count as filed at the seeding moment.
 */
export class DemoTradeSimulator {
  private state: SimState;
  private readonly catalog: SkillCatalog;
  private readonly sites: Map<string, DemoData["sites"][number]>;
  private readonly agents: Map<string, Agent>;
  private readonly required: Map<string, Float64Array>;
  private readonly grid: TradeContext["grid"];
  private readonly evaluators = new Map<string, TradeEvaluator>();
  private seq = 0;

  constructor(demo: DemoData) {
    this.catalog = new SkillCatalog(demo.skills);
    this.sites = new Map(demo.sites.map((s) => [s.id, s]));
    // As getAgents returns them: skills by id.
    this.agents = new Map(demo.agents.map((a) => [a.id, { ...a, skills: [...a.skills].sort((x, y) => x.skillId.localeCompare(y.skillId)) }]));
    this.state = { shifts: new Map(demo.shifts.map((s) => [s.id, { ...s }])), trades: [], settings: new Map() };
    const starts = demo.shifts.map((s) => s.start);
    const ends = demo.shifts.map((s) => s.end);
    this.grid = gridFor({ start: Math.min(...starts) - DAY_MS, end: Math.max(...ends) + DAY_MS });
    this.required = new Map();
    // As getRequiredOnGrid: a skill with no demand row on the grid has no array at all.
    for (const d of demo.demand) {
      const i = Math.floor((d.intervalStart - this.grid.start) / INTERVAL_MS);
      if (i < 0 || i >= this.grid.intervalCount) continue;
      let arr = this.required.get(d.skillId);
      if (!arr) this.required.set(d.skillId, (arr = new Float64Array(this.grid.intervalCount)));
      arr[i] = d.requiredAgents;
    }
  }

  agent(id: string): Agent | undefined {
    return this.agents.get(id);
  }

  shift(id: string): Shift | undefined {
    return this.state.shifts.get(id);
  }

  shifts(): Shift[] {
    return [...this.state.shifts.values()];
  }

  trades(): readonly SimTrade[] {
    return this.state.trades;
  }

  snapshot(): SimState {
    return { shifts: new Map(this.state.shifts), trades: [...this.state.trades], settings: new Map(this.state.settings) };
  }

  restore(snapshot: SimState): void {
    this.state = { shifts: new Map(snapshot.shifts), trades: [...snapshot.trades], settings: new Map(snapshot.settings) };
    this.evaluators.clear();
  }

  saveSettings(row: DemoTradingSettingsRow): void {
    this.state.settings.set(row.scope, tradingSettingsSchema.parse(row.raw));
    this.evaluators.clear();
  }

  editShift(edit: DemoShiftEdit): void {
    const s = this.state.shifts.get(edit.shiftId);
    if (!s || s.version !== edit.version) throw new Error(`Shift ${edit.shiftId} is not at version ${edit.version}`);
    this.state.shifts.set(s.id, {
      ...s,
      skills: edit.skills ?? s.skills,
      end: edit.end ?? s.end,
      breaks: edit.breaks ?? s.breaks,
      version: s.version + 1,
    });
    this.evaluators.clear();
  }

  apply(setup: DemoTradeSetup | undefined): void {
    for (const row of setup?.settings ?? []) this.saveSettings(row);
    for (const edit of setup?.shiftEdits ?? []) this.editShift(edit);
  }

  /** As the trade service: the site's row, else the org row, else the defaults. */
  settingsFor(siteId: string): TradingSettings {
    return resolveTradingSettings(this.state.settings, siteId);
  }

  /** Judges a request without filing it. */
  evaluate(request: TradeRequest, now: Instant): SimOutcome {
    const a = this.state.shifts.get(request.initiatorShiftId);
    if (!a) return { refusal: `Shift ${request.initiatorShiftId} does not exist.`, evaluation: null };
    const b = request.receiverShiftId ? this.state.shifts.get(request.receiverShiftId) : undefined;
    if (request.receiverShiftId && !b) return { refusal: `Shift ${request.receiverShiftId} does not exist.`, evaluation: null };
    if (b && b.start === a.start && b.end === a.end) return { refusal: "These two shifts are at exactly the same times.", evaluation: null };
    const evaluation = this.evaluator(a.siteId, now).evaluate(tradeProposalFrom(`sim-${++this.seq}`, request));
    if (evaluation.refusal) return { refusal: evaluation.refusal.message, evaluation: null };
    return { refusal: null, evaluation };
  }

  /** Files a request as requestTrade does: refused → nothing; else stored, and applied when Approved. */
  file(request: TradeRequest, now: Instant): SimOutcome {
    const result = this.evaluate(request, now);
    if (!result.evaluation) return result;
    const a = this.state.shifts.get(request.initiatorShiftId)!;
    const status = result.evaluation.outcome;
    this.state.trades.push({ id: result.evaluation.tradeId, request, status, initiatorSiteId: a.siteId, initiatorShiftStart: a.start });
    if (status === "Approved") {
      this.move(request.initiatorShiftId, request.receiverAgentId);
      if (request.receiverShiftId) this.move(request.receiverShiftId, request.initiatorAgentId);
    }
    this.evaluators.clear();
    return result;
  }

  private move(shiftId: string, to: string): void {
    const s = this.state.shifts.get(shiftId)!;
    this.state.shifts.set(shiftId, { ...s, agentId: to, version: s.version + 1 });
  }

  private evaluator(siteId: string, now: Instant): TradeEvaluator {
    const scope = this.state.settings.has(siteId) ? siteId : this.state.settings.has("org") ? "org" : "default";
    const key = `${scope}|${now}`;
    let ev = this.evaluators.get(key);
    if (!ev) {
      ev = createTradeEvaluator(this.context(now), this.settingsFor(siteId), { coverageImpact: "never" });
      this.evaluators.set(key, ev);
    }
    return ev;
  }

  /**
   * As the trade service builds it (buildTradeContext): Denied trades count for nothing,
   * Approved ones were decided at the seeding moment (inside any rate window), the rest are
   * the pending overlay; all count towards their agents' weeks by the initiator shift.
   */
  context(now: Instant): TradeContext {
    const pending: PendingTradeFact[] = [];
    const approved = [];
    for (const t of this.state.trades) {
      if (t.status === "Denied") continue;
      const counted = { initiatorAgentId: t.request.initiatorAgentId, receiverAgentId: t.request.receiverAgentId, shiftStart: t.initiatorShiftStart };
      if (t.status === "Approved") approved.push({ ...counted, decidedAt: now, siteId: t.initiatorSiteId });
      else pending.push({ trade: { ...tradeProposalFrom(t.id, t.request), initiatorShiftVersion: undefined, receiverShiftVersion: undefined, status: "PendingReview" }, shiftStart: t.initiatorShiftStart });
    }
    return buildTradeContext({
      now,
      sites: [...this.sites.values()],
      skills: this.catalog,
      agents: this.agents,
      shifts: [...this.state.shifts.values()],
      required: this.required,
      grid: this.grid,
      pending,
      approved,
    });
  }
}


// ── Planner ──────────────────────────────────────────────────────────────────

/** The instants the plans are checked at: the ends of the seeding range, plus slack. */
export function demoCheckTimes(weekStart: string): Instant[] {
  const ws = Date.parse(`${weekStart}T00:00:00Z`);
  return [ws - 7 * DAY_MS, ws - HOUR_MS, ws + 12 * HOUR_MS];
}
