/**
 * Demo trade requests: a queue at NYC and LON that shows every violation type and every
 * outcome, for a supervisor signing in to the demo. Pure and deterministic: the plans are
 * found by searching the demo data (never by hard-coded ids) and each candidate is judged
 * by the real trade engine in a simulator that mirrors the database path
 * (`lib/services/trades.ts`: getTradingSettings → loadTradeContext → evaluate → apply), so a
 * plan is only kept when it gives its expected outcome for every "now" the seed may run at.
 *
 * Timing. The seed runs at the real clock: the demo week is the next Monday, so "now" lies
 * in [weekStart − 7 d, weekStart − 1 h). Every plan uses shifts from Wednesday of the demo
 * week on (more than 24 h away whenever the seed runs) and is checked at both ends of that
 * range and at weekStart + 12 h for slack.
 *
 * Settings (`demoTradingSettings`). A site row replaces the org row wholesale (no merge), so
 * the demo saves one row per demo site and leaves the org row (and Manila) at the defaults:
 * - NYC and LON: cross-site trading on, CrossSite → AdminReview, so a NYC⇄LON swap needs a
 *   decision from each site. Every other policy stays at its DOMAIN default.
 * - NYC: one critical period, the Friday evening sales push (16:00–21:00 New York, skill
 *   SKILL_SALES), so a Friday sales swap goes to review (CriticalCoveragePeriod).
 * - LON: trade-rate limit 3 approved per 24 h (default 10). Three routine LON swaps are
 *   approved, the fourth goes to review with TradeRateExceeded, and the LON supervisor sees
 *   the rate alert for the next day. Lowering the limit beats filing ten routine swaps.
 *
 * NoticeTooShort. No single notice setting can make a demo-week shift "too soon" for every
 * now up to a week ahead without making every other trade at that site too soon as well
 * (and pending trades would then be denied on approval as the days pass). So the history
 * says what a real site would do: LON's row is first saved with a two-week notice freeze
 * (minHoursInFuture 336), the first LON request is filed under it and denied, then the row
 * is restored to the 24 h default (`before`/`after` of that plan; all three saves are audited).
 *
 * Schedule edits. Every demo shift is 8.5 h with the same breaks and lists no skills, which
 * leaves two types impossible: UnequalPaid (all shifts are paid 8 h) and SkillLoss (an
 * unlisted shift's skills all have demand, so CumulativeCoverage judges them instead). Two
 * plans therefore carry a planner's edit, applied (version + 1, audited) just before the
 * request: a LON shift shortened by 2 h ("leaves early"), and a NYC premium agent's shift
 * pinned to the Sales queue (lists SKILL_SALES: the seed's "ghost coverage"). When the demo
 * generator one day produces such shifts itself, the planner uses them and skips the edit.
 */
import { gridFor } from "../domain/coverage";
import { SkillCatalog } from "../domain/skills";
import { addDays, formatLocalTime, isoWeekday, localDateKey, localToInstant, offsetMinutes, parseDateKey, startOfIsoWeek } from "../domain/time";
import {
  createTradeEvaluator,
  DEFAULT_TRADING_SETTINGS,
  paidHours,
  type PendingTrade,
  type TradeContext,
  type TradeEvaluation,
  type TradeEvaluator,
  type TradeViolationType,
  type TradingSettings,
} from "../domain/trades";
import { INTERVAL_MS, type Agent, type Instant, type Shift, type ShiftBreak, type SkillProficiency } from "../domain/types";
import { tradeProposalFrom, tradingSettingsSchema, type TradeRequest, type TradingSettingsInput } from "../schemas/trades";
import type { DemoData } from "./generate";

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

// ── Shapes ───────────────────────────────────────────────────────────────────

export type DemoTradeOutcome = "Approved" | "Denied" | "PendingReview";

/** A trading-settings row as saveTradingSettings takes it: scope "org" or a site id. */
export interface DemoTradingSettingsRow {
  scope: string;
  raw: TradingSettingsInput;
}

/** A planner's change to one shift, made before a request (bumps the version by one). */
export interface DemoShiftEdit {
  shiftId: string;
  /** The version the edit expects to find. */
  version: number;
  skills?: SkillProficiency[];
  end?: Instant;
  breaks?: ShiftBreak[];
  /** Why, for the audit log. */
  reason: string;
}

export interface DemoTradeSetup {
  /** Saved in order (saveTradingSettings). */
  settings?: DemoTradingSettingsRow[];
  shiftEdits?: DemoShiftEdit[];
}

export interface DemoTradePlan {
  /** What the trade demonstrates. */
  label: string;
  request: TradeRequest;
  expect: { outcome: DemoTradeOutcome; types: TradeViolationType[] };
  /** Applied just before the request is filed. */
  before?: DemoTradeSetup;
  /** Applied just after it. */
  after?: DemoTradeSetup;
}

// ── Settings ─────────────────────────────────────────────────────────────────

const CROSS_SITE: TradingSettingsInput = { allowCrossSiteTrading: true, policies: { CrossSite: "AdminReview" } };

/** The notice (hours) of LON's temporary freeze: longer than any demo-week shift is away. */
export const DEMO_NOTICE_FREEZE_HOURS = 14 * 24;

/** LON's approved-trade limit per 24 h in the demo (default 10). */
export const DEMO_LON_TRADE_RATE = { maxApproved: 3, windowHours: 24 };

/** The Friday evening sales push at NYC: 16:00–21:00 New York on the demo week's Friday. */
export function demoCriticalPeriod(demo: DemoData) {
  const zone = siteZone(demo, "NYC");
  const friday = addDays(demo.weekStart, 4);
  return {
    siteId: "NYC",
    skillId: "SKILL_SALES",
    start: isoWithOffset(localInstant(friday, 16, zone), zone),
    end: isoWithOffset(localInstant(friday, 21, zone), zone),
    label: "Friday evening sales push",
  };
}

/**
 * The trading settings the demo ends with (the DEMO_TRADING_SETTINGS of the brief; a
 * function because the critical period is dated in the demo week). No org row: the org
 * default, and so Manila, stays at the built-in defaults.
 */
export function demoTradingSettings(demo: DemoData): DemoTradingSettingsRow[] {
  return [
    { scope: "NYC", raw: { ...CROSS_SITE, criticalPeriods: [demoCriticalPeriod(demo)] } },
    { scope: "LON", raw: { ...CROSS_SITE, tradeRateLimit: { ...DEMO_LON_TRADE_RATE } } },
  ];
}

function lonRow(demo: DemoData): DemoTradingSettingsRow {
  return demoTradingSettings(demo).find((r) => r.scope === "LON")!;
}

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

  /** As getTradingSettings: the site's row, else the org row, else the defaults. */
  settingsFor(siteId: string): TradingSettings {
    return this.state.settings.get(siteId) ?? this.state.settings.get("org") ?? DEFAULT_TRADING_SETTINGS;
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

  /** As loadTradeContext. */
  context(now: Instant): TradeContext {
    const shiftsByAgent = new Map<string, Shift[]>();
    for (const s of [...this.state.shifts.values()].sort((x, y) => x.start - y.start)) {
      const list = shiftsByAgent.get(s.agentId) ?? [];
      list.push(s);
      shiftsByAgent.set(s.agentId, list);
    }
    const approvedTradeTimesBySite = new Map<string, number[]>();
    const counts = new Map<string, Map<string, number>>();
    const count = (agentId: string, shiftStart: Instant) => {
      const zone = this.agents.get(agentId)?.timeZone ?? "UTC";
      const week = startOfIsoWeek(localDateKey(shiftStart, zone));
      const m = counts.get(agentId) ?? new Map<string, number>();
      m.set(week, (m.get(week) ?? 0) + 1);
      counts.set(agentId, m);
    };
    const pendingTrades: PendingTrade[] = [];
    for (const t of this.state.trades) {
      if (t.status === "Denied") continue;
      if (t.status === "Approved") {
        const list = approvedTradeTimesBySite.get(t.initiatorSiteId) ?? [];
        list.push(now); // decided at the seeding moment: inside any rate window
        approvedTradeTimesBySite.set(t.initiatorSiteId, list);
      } else {
        pendingTrades.push({ ...tradeProposalFrom(t.id, t.request), initiatorShiftVersion: undefined, receiverShiftVersion: undefined, status: "PendingReview" });
      }
      count(t.request.initiatorAgentId, t.initiatorShiftStart);
      count(t.request.receiverAgentId, t.initiatorShiftStart);
    }
    return {
      now,
      catalog: this.catalog,
      sites: this.sites,
      agents: this.agents,
      shiftsByAgent,
      pendingTrades,
      required: this.required,
      grid: this.grid,
      approvedTradeTimesBySite,
      tradeCountsByAgentWeek: counts,
    };
  }
}

// ── Planner ──────────────────────────────────────────────────────────────────

/** The instants the plans are checked at: the ends of the seeding range, plus slack. */
export function demoCheckTimes(weekStart: string): Instant[] {
  const ws = Date.parse(`${weekStart}T00:00:00Z`);
  return [ws - 7 * DAY_MS, ws - HOUR_MS, ws + 12 * HOUR_MS];
}

/**
 * One story: the verdict a request must get, the types it must show and the few others it
 * may show besides (kept small so each plan demonstrates one thing), and where to look.
 */
interface Spec {
  what: string;
  note: string;
  outcome: DemoTradeOutcome;
  types: TradeViolationType[];
  allowed?: TradeViolationType[];
  candidates: Iterable<TradeRequest>;
  accept?: (ev: TradeEvaluation) => boolean;
  before?: DemoTradeSetup;
  after?: DemoTradeSetup;
}

type AgentTest = (a: Agent) => boolean;
const held = (a: Agent) => a.skills.map((s) => s.skillId);
const has = (id: string): AgentTest => (a) => held(a).includes(id);
const only = (id: string): AgentTest => (a) => held(a).length === 1 && held(a)[0] === id;
const isPremium = has("SKILL_SALES_PREMIUM");
const isPlainSales: AgentTest = (a) => has("SKILL_SALES")(a) && !isPremium(a);
const isSales: AgentTest = (a) => isPremium(a) || isPlainSales(a);
const skillKey = (a: Agent) => [...held(a)].sort().join(",");

interface SwapOptions {
  site: string;
  /** Site of the receiver's shift (default: the same). */
  otherSite?: string;
  giver?: AgentTest;
  taker?: AgentTest;
  /** Giver and taker hold the same skills (ids). */
  sameSkills?: boolean;
  /** Both shifts on the same local day (of the initiator's site). */
  sameDay?: boolean;
  /** Bounds on |start difference| in minutes. */
  minDiff?: number;
  maxDiff?: number;
  /** Only these initiator shifts. */
  from?: Shift[];
  /** Try initiator shifts on this day of the demo week (0 = Monday) first: spreads the stories over the week. */
  day?: number;
  pair?: (a: Shift, b: Shift) => boolean;
}

class Planner {
  readonly sim: DemoTradeSimulator;
  readonly plans: DemoTradePlan[] = [];
  private readonly usedAgents = new Set<string>();
  private readonly usedShifts = new Set<string>();
  private readonly times: Instant[];

  constructor(private readonly demo: DemoData) {
    this.sim = new DemoTradeSimulator(demo);
    this.times = demoCheckTimes(demo.weekStart);
    for (const row of demoTradingSettings(demo)) this.sim.saveSettings(row);
  }

  // ── Searching the data

  private zone(siteId: string): string {
    return siteZone(this.demo, siteId);
  }

  /** 0 = Monday of the demo week, in the shift's site zone. */
  private dayIndex(s: Shift): number {
    const key = localDateKey(s.start, this.zone(s.siteId));
    return Math.round((Date.parse(`${key}T00:00:00Z`) - Date.parse(`${this.demo.weekStart}T00:00:00Z`)) / DAY_MS);
  }

  /** Shifts free for a new story: Wednesday on, agent and shift not yet in a plan. */
  free(siteId: string, agentTest?: AgentTest): Shift[] {
    return this.sim
      .shifts()
      .filter((s) => s.siteId === siteId && s.status === "PUBLISHED" && this.dayIndex(s) >= 2 && !this.usedAgents.has(s.agentId) && !this.usedShifts.has(s.id))
      .filter((s) => !agentTest || agentTest(this.sim.agent(s.agentId)!))
      .sort((x, y) => x.start - y.start || (x.id < y.id ? -1 : 1));
  }

  *swaps(o: SwapOptions): Generator<TradeRequest> {
    // Read at iteration time: a setup applied after the call (a shift edit) is seen.
    const givers = this.preferDay(o.from ? o.from.map((s) => this.sim.shift(s.id)!) : this.free(o.site, o.giver), o.day);
    const takers = this.free(o.otherSite ?? o.site, o.taker);
    for (const a of givers) {
      const giver = this.sim.agent(a.agentId)!;
      for (const b of takers) {
        if (b.agentId === a.agentId) continue;
        const diff = Math.abs(b.start - a.start) / 60_000;
        if (o.maxDiff !== undefined && diff > o.maxDiff) continue;
        if (o.minDiff !== undefined && diff < o.minDiff) continue;
        if (o.sameDay && localDateKey(a.start, this.zone(a.siteId)) !== localDateKey(b.start, this.zone(a.siteId))) continue;
        if (o.sameSkills && skillKey(giver) !== skillKey(this.sim.agent(b.agentId)!)) continue;
        if (o.pair && !o.pair(a, b)) continue;
        yield {
          kind: "swap",
          initiatorAgentId: a.agentId,
          initiatorShiftId: a.id,
          initiatorShiftVersion: a.version,
          receiverAgentId: b.agentId,
          receiverShiftId: b.id,
          receiverShiftVersion: b.version,
        };
      }
    }
  }

  /** Shifts of `day` first, then the days after it, wrapping round; stable otherwise. */
  private preferDay(shifts: Shift[], day: number | undefined): Shift[] {
    if (day === undefined) return shifts;
    const rank = (s: Shift) => (this.dayIndex(s) - day + 7) % 7;
    return shifts.map((s, i) => ({ s, i, r: rank(s) })).sort((x, y) => x.r - y.r || x.i - y.i).map((x) => x.s);
  }

  *oneSided(o: { site: string; giver?: AgentTest; taker?: AgentTest; sameSkills?: boolean; day?: number; receiverTest?: (a: Shift, receiverShifts: Shift[]) => boolean }): Generator<TradeRequest> {
    const byAgent = new Map<string, Shift[]>();
    for (const s of this.sim.shifts()) byAgent.set(s.agentId, [...(byAgent.get(s.agentId) ?? []), s]);
    const takers = this.demo.agents
      .filter((a) => a.homeSiteId === o.site && !this.usedAgents.has(a.id))
      .map((a) => this.sim.agent(a.id)!)
      .filter((a) => !o.taker || o.taker(a));
    for (const a of this.preferDay(this.free(o.site, o.giver), o.day)) {
      const giver = this.sim.agent(a.agentId)!;
      for (const r of takers) {
        if (r.id === a.agentId) continue;
        if (o.sameSkills && skillKey(giver) !== skillKey(r)) continue;
        if (o.receiverTest && !o.receiverTest(a, byAgent.get(r.id) ?? [])) continue;
        yield { kind: "oneSided", initiatorAgentId: a.agentId, initiatorShiftId: a.id, initiatorShiftVersion: a.version, receiverAgentId: r.id };
      }
    }
  }

  // ── Judging

  /** The request gives the expected verdict at every check time. */
  private passes(spec: Spec, request: TradeRequest): boolean {
    const allowed = new Set<TradeViolationType>([...spec.types, ...(spec.allowed ?? [])]);
    for (const now of this.times) {
      const { evaluation } = this.sim.evaluate(request, now);
      if (!evaluation || evaluation.outcome !== spec.outcome) return false;
      const types = new Set(evaluation.violations.map((v) => v.type));
      if (spec.types.some((t) => !types.has(t))) return false;
      if ([...types].some((t) => !allowed.has(t))) return false;
      if (spec.accept && !spec.accept(evaluation)) return false;
    }
    return true;
  }

  /**
   * Files the first candidate that gives the expected verdict. `spec.before` must already
   * be applied to the simulator by the caller (it may depend on the candidate's shift).
   */
  find(spec: Spec): DemoTradePlan | null {
    let tried = 0;
    for (const request of spec.candidates) {
      if (++tried > 20_000) break;
      if (!this.passes(spec, request)) continue;
      this.sim.file(request, this.times[1]);
      this.sim.apply(spec.after);
      const plan: DemoTradePlan = {
        label: `${spec.what}: ${this.describe(request)}`,
        request: { ...request, note: spec.note },
        expect: { outcome: spec.outcome, types: [...spec.types] },
        ...(spec.before ? { before: spec.before } : {}),
        ...(spec.after ? { after: spec.after } : {}),
      };
      this.plans.push(plan);
      for (const id of [request.initiatorAgentId, request.receiverAgentId]) this.usedAgents.add(id);
      for (const id of [request.initiatorShiftId, request.receiverShiftId]) if (id) this.usedShifts.add(id);
      return plan;
    }
    return null;
  }

  /** Applies a setup, searches, and undoes the setup when nothing fits. */
  findWith(setup: DemoTradeSetup, spec: Omit<Spec, "before">): DemoTradePlan | null {
    const snap = this.sim.snapshot();
    this.sim.apply(setup);
    const plan = this.find({ ...spec, before: setup });
    if (!plan) this.sim.restore(snap);
    return plan;
  }

  private describe(r: TradeRequest): string {
    const a = this.sim.shift(r.initiatorShiftId)!;
    const giver = this.demo.agents.find((x) => x.id === r.initiatorAgentId)!;
    const taker = this.demo.agents.find((x) => x.id === r.receiverAgentId)!;
    const when = (s: Shift) => `${dayName(localDateKey(s.start, this.zone(s.siteId)))} ${formatLocalTime(s.start, this.zone(s.siteId))} ${s.siteId}`;
    if (r.kind === "oneSided") return `${giver.name} (${giver.id}) gives ${when(a)} to ${taker.name} (${taker.id})`;
    const b = this.sim.shift(r.receiverShiftId!)!;
    return `${giver.name} (${giver.id}, ${when(a)}) ⇄ ${taker.name} (${taker.id}, ${when(b)})`;
  }

  // ── The stories, in filing order

  run(): DemoTradePlan[] {
    this.noticeTooShort();
    this.busyAgent();
    this.overlap();
    this.missingSkill();
    this.shortRest();
    this.criticalPeriod();
    this.cumulativeCoverage();
    this.ghostCoverage();
    this.oneSidedOvertime();
    this.unequalPaid();
    this.availability();
    this.crossSite();
    this.lonRoutine();
    this.tradeRate();
    return this.plans;
  }

  /** LON's two-week freeze is in force for the first LON request, then lifted. */
  noticeTooShort(): void {
    const lon = lonRow(this.demo);
    this.findWith(
      { settings: [{ scope: "LON", raw: { ...lon.raw, minHoursInFuture: DEMO_NOTICE_FREEZE_HOURS } }] },
      {
        what: `notice too short (LON's ${DEMO_NOTICE_FREEZE_HOURS} h trade freeze, lifted afterwards)`,
        note: "Swap for my cousin's wedding, please.",
        outcome: "Denied",
        types: ["NoticeTooShort"],
        candidates: this.swaps({ site: "LON", sameSkills: true, sameDay: true, maxDiff: 60, day: 2 }),
        after: { settings: [lon] },
      },
    );
  }

  /** One NYC agent in three routine swaps this week (auto-approved), then a fourth (denied). */
  busyAgent(): void {
    const agents = [...new Set(this.free("NYC").map((s) => s.agentId))].sort();
    for (const agentId of agents) {
      const own = this.free("NYC").filter((s) => s.agentId === agentId);
      if (own.length < 4) continue;
      const snap = this.sim.snapshot();
      const plansBefore = this.plans.length;
      const usedA = new Set(this.usedAgents);
      const usedS = new Set(this.usedShifts);
      let ok = true;
      for (let i = 0; i < 4 && ok; i++) {
        const last = i === 3;
        // The busy agent stays free for the next step of their own story.
        this.usedAgents.delete(agentId);
        const plan = this.find({
          what: last ? `too many trades: ${agentId}'s fourth trade this week (limit 3)` : `routine swap, auto-approved (${agentId}'s trade ${i + 1} of the week)`,
          note: last ? "One more swap, sorry!" : "Swapping to fit a class schedule.",
          outcome: last ? "Denied" : "Approved",
          types: last ? ["MaxTradesPerAgentPerWeek"] : [],
          candidates: this.swaps({ site: "NYC", from: this.free("NYC").filter((s) => s.agentId === agentId), sameSkills: true, sameDay: true, maxDiff: 60 }),
        });
        ok = plan !== null;
      }
      if (ok) return;
      this.sim.restore(snap);
      this.plans.length = plansBefore;
      this.usedAgents.clear();
      for (const id of usedA) this.usedAgents.add(id);
      this.usedShifts.clear();
      for (const id of usedS) this.usedShifts.add(id);
    }
  }

  overlap(): void {
    this.find({
      what: "double-booked: the receiver already works that day",
      note: "Can you take this one? I'll owe you.",
      outcome: "Denied",
      types: ["Overlap", "MaxDailyHours"],
      allowed: ["OneSided", "Overtime", "MaxConsecutiveHours", "RestPeriod", "Availability"],
      candidates: this.oneSided({ site: "NYC", sameSkills: true, day: 3, receiverTest: (a, theirs) => theirs.some((s) => s.start < a.end && a.start < s.end) }),
    });
  }

  missingSkill(): void {
    this.find({
      what: "missing skill: a tech-support shift swapped with a billing-only agent",
      note: "Same hours, different desk - does that work?",
      outcome: "Denied",
      types: ["MissingRequiredSkill"],
      allowed: ["CumulativeCoverage", "Availability"],
      candidates: this.swaps({ site: "NYC", giver: only("SKILL-EN-TECH-SUPPORT"), taker: only("SKILL-EN-BILLING"), sameDay: true, maxDiff: 60, day: 2 }),
    });
  }

  shortRest(): void {
    this.find({
      what: "short rest: an early shift after a late one, under London's 11 h rest",
      note: "I'd rather start early that day.",
      outcome: "Denied",
      types: ["RestPeriod", "MaxConsecutiveHours"],
      allowed: ["Availability", "CumulativeCoverage"],
      candidates: this.swaps({ site: "LON", sameSkills: true, sameDay: true, minDiff: 240, day: 3 }),
    });
  }

  criticalPeriod(): void {
    const period = demoCriticalPeriod(this.demo);
    const [ps, pe] = [Date.parse(period.start), Date.parse(period.end)];
    const touches = (s: Shift) => s.start < pe && ps < s.end;
    this.find({
      what: "critical period: a Friday sales swap over the evening sales push",
      note: "Swapping Friday shifts, same hours give or take.",
      outcome: "PendingReview",
      types: ["CriticalCoveragePeriod"],
      candidates: this.swaps({ site: "NYC", giver: isSales, sameSkills: true, sameDay: true, maxDiff: 60, pair: (a, b) => touches(a) && touches(b) }),
    });
  }

  cumulativeCoverage(): void {
    this.find({
      what: "SLA blind spot: a premium sales agent swaps into a plain sales agent's hours, premium coverage drops below the threshold",
      note: "Happy to swap, same day.",
      outcome: "PendingReview",
      types: ["CumulativeCoverage"],
      allowed: ["Availability"],
      candidates: this.swaps({ site: "NYC", giver: isPremium, taker: isPlainSales, sameDay: true, maxDiff: 90, day: 2 }),
    });
  }

  /** The seed's "ghost coverage": a Sales-queue shift leaves its premium agent for a plain one. */
  ghostCoverage(): void {
    const spec = {
      what: "ghost coverage: a premium agent gives a Sales-queue shift to a plain sales agent (premium skill lost)",
      note: "Swap? Same queue.",
      outcome: "PendingReview" as const,
      types: ["SkillLoss" as const],
    };
    // A shift already listing a parent skill its premium agent serves beyond needs no edit.
    const listed = this.free("NYC", isPremium).filter((s) => s.skills.some((k) => k.skillId === "SKILL_SALES"));
    if (listed.length && this.find({ ...spec, candidates: this.swaps({ site: "NYC", from: listed, taker: isPlainSales, sameDay: true, maxDiff: 90 }) })) return;
    for (const s of this.preferDay(this.free("NYC", isPremium), 3)) {
      if (s.skills.length > 0) continue;
      const edit: DemoShiftEdit = {
        shiftId: s.id,
        version: s.version,
        skills: [{ skillId: "SKILL_SALES", proficiency: 3 }],
        reason: "Planner pinned this shift to the Sales queue (lists SKILL_SALES)",
      };
      if (this.findWith({ shiftEdits: [edit] }, { ...spec, candidates: this.swaps({ site: "NYC", from: [s], taker: isPlainSales, sameDay: true, maxDiff: 90 }) })) return;
    }
  }

  oneSidedOvertime(): void {
    this.find({
      what: "one-sided giveaway that puts the receiver into overtime",
      note: "Anyone want extra hours Thursday?",
      outcome: "PendingReview",
      types: ["OneSided", "Overtime"],
      candidates: this.oneSided({ site: "NYC", sameSkills: true, day: 3 }),
    });
  }

  unequalPaid(): void {
    const spec = {
      what: "unequal paid time: a shortened 6 h shift swapped for a full 8 h shift",
      note: "I'm on a short day - swap for your full one?",
      outcome: "PendingReview" as const,
      types: ["UnequalPaid" as const],
    };
    const short = this.free("LON").filter((s) => paidHours(s) < 7.5);
    if (short.length && this.find({ ...spec, candidates: this.swaps({ site: "LON", from: short, sameSkills: true, sameDay: true, maxDiff: 60 }) })) return;
    for (const s of this.preferDay(this.free("LON"), 4)) {
      const end = s.end - 2 * HOUR_MS;
      const lengthMin = (end - s.start) / 60_000;
      const edit: DemoShiftEdit = {
        shiftId: s.id,
        version: s.version,
        end,
        breaks: s.breaks.filter((b) => b.startOffsetMinutes + b.durationMinutes <= lengthMin),
        reason: "Planner shortened this shift by 2 h (approved early leave)",
      };
      if (this.findWith({ shiftEdits: [edit] }, { ...spec, candidates: this.swaps({ site: "LON", from: [s], sameSkills: true, sameDay: true, maxDiff: 60 }) })) return;
    }
  }

  availability(): void {
    this.find({
      what: "availability: the swapped hours fall outside what the agents said they can work",
      note: "Would you swap an early for a late?",
      outcome: "PendingReview",
      types: ["Availability"],
      candidates: this.swaps({ site: "LON", sameSkills: true, sameDay: true, minDiff: 180, day: 3 }),
    });
  }

  crossSite(): void {
    const both = (ev: TradeEvaluation) => ev.reviewSiteIds.includes("NYC") && ev.reviewSiteIds.includes("LON");
    const spec = {
      what: "cross-site swap: New York and London sales agents (SALES_US ~ SALES_UK), needs a decision from each site",
      note: "Cross-Atlantic swap - same hours for both of us.",
      outcome: "PendingReview" as const,
      types: ["CrossSite" as const],
      allowed: ["CumulativeCoverage", "Availability"] as TradeViolationType[],
      accept: both,
    };
    // Same instants give or take an hour: a New York morning is a London afternoon.
    if (this.find({ ...spec, candidates: this.swaps({ site: "NYC", otherSite: "LON", giver: isPlainSales, taker: isPlainSales, maxDiff: 60, day: 4 }) })) return;
    this.find({ ...spec, what: "cross-site swap between New York and London, needs a decision from each site", candidates: this.swaps({ site: "NYC", otherSite: "LON", sameSkills: false, maxDiff: 60 }) });
  }

  lonRoutine(): void {
    for (let i = 1; i <= DEMO_LON_TRADE_RATE.maxApproved; i++) {
      this.find({
        what: `routine swap, auto-approved (LON approval ${i} of ${DEMO_LON_TRADE_RATE.maxApproved} allowed per ${DEMO_LON_TRADE_RATE.windowHours} h)`,
        note: "Quick swap, same hours near enough.",
        outcome: "Approved",
        types: [],
        candidates: this.swaps({ site: "LON", sameSkills: true, sameDay: true, maxDiff: 60, day: 1 + i }),
      });
    }
  }

  tradeRate(): void {
    this.find({
      what: `trade rate exceeded: a routine LON swap after ${DEMO_LON_TRADE_RATE.maxApproved} approvals in ${DEMO_LON_TRADE_RATE.windowHours} h`,
      note: "Another quick swap, if that's OK.",
      outcome: "PendingReview",
      types: ["TradeRateExceeded"],
      candidates: this.swaps({ site: "LON", sameSkills: true, sameDay: true, maxDiff: 60, day: 4 }),
    });
  }
}

/**
 * The demo's trade requests, in filing order, with what each must give. Deterministic for
 * a given demo. A story the data cannot tell (after a demo tweak) is left out rather than
 * faked; the tests check that every violation type and outcome is still shown.
 */
export function planDemoTrades(demo: DemoData): DemoTradePlan[] {
  return new Planner(demo).run();
}

// ── Helpers ──────────────────────────────────────────────────────────────────

function siteZone(demo: DemoData, siteId: string): string {
  const site = demo.sites.find((s) => s.id === siteId);
  if (!site) throw new Error(`The demo has no site ${siteId}`);
  return site.timeZone;
}

function localInstant(dateKey: string, hour: number, zone: string): Instant {
  const r = localToInstant({ ...parseDateKey(dateKey)!, hour, minute: 0, second: 0 }, zone);
  if (r.ok) return r.instant;
  return r.reason === "ambiguous" ? r.candidates[0] : localInstant(dateKey, hour + 1, zone);
}

/** "2026-11-27T16:00:00-05:00": the form the settings page shows. */
function isoWithOffset(instant: Instant, zone: string): string {
  const off = offsetMinutes(zone, instant);
  const local = new Date(instant + off * 60_000).toISOString().slice(0, 19);
  const sign = off < 0 ? "-" : "+";
  const abs = Math.abs(off);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

function dayName(dateKey: string): string {
  return ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][isoWeekday(dateKey)];
}
