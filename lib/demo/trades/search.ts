/** The planner's search over the demo data (see ./index.ts). */
import { formatLocalTime, localDateKey } from "../../domain/time";
import type { TradeEvaluation, TradeViolationType } from "../../domain/trades";
import type { Agent, Instant, Shift } from "../../domain/types";
import type { TradeRequest } from "../../schemas/trades";
import type { DemoData } from "../generate";
import { dayName, siteZone } from "./helpers";
import { demoTradingSettings, type DemoTradeOutcome, type DemoTradePlan, type DemoTradeSetup } from "./settings";
import { demoCheckTimes, DemoTradeSimulator } from "./simulator";

const DAY_MS = 86_400_000;

/**
 * One story: the verdict a request must get, the types it must show and the few others it
 * may show besides (kept small so each plan demonstrates one thing), and where to look.
 */
export interface Spec {
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

export type AgentTest = (a: Agent) => boolean;
export const held = (a: Agent) => a.skills.map((s) => s.skillId);
export const has = (id: string): AgentTest => (a) => held(a).includes(id);
export const only = (id: string): AgentTest => (a) => held(a).length === 1 && held(a)[0] === id;
export const isPremium = has("SKILL_SALES_PREMIUM");
export const isPlainSales: AgentTest = (a) => has("SKILL_SALES")(a) && !isPremium(a);
export const isSales: AgentTest = (a) => isPremium(a) || isPlainSales(a);
export const skillKey = (a: Agent) => [...held(a)].sort().join(",");

export interface SwapOptions {
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

/** Searches the demo data for requests that tell a story, judging each in the simulator. */
export class PlanSearch {
  readonly sim: DemoTradeSimulator;
  readonly plans: DemoTradePlan[] = [];
  protected readonly usedAgents = new Set<string>();
  protected readonly usedShifts = new Set<string>();
  protected readonly times: Instant[];

  constructor(protected readonly demo: DemoData) {
    this.sim = new DemoTradeSimulator(demo);
    this.times = demoCheckTimes(demo.weekStart);
    for (const row of demoTradingSettings(demo)) this.sim.saveSettings(row);
  }

  // ── Searching the data

  protected zone(siteId: string): string {
    return siteZone(this.demo, siteId);
  }

  /** 0 = Monday of the demo week, in the shift's site zone. */
  protected dayIndex(s: Shift): number {
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
  protected preferDay(shifts: Shift[], day: number | undefined): Shift[] {
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
  protected passes(spec: Spec, request: TradeRequest): boolean {
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

  protected describe(r: TradeRequest): string {
    const a = this.sim.shift(r.initiatorShiftId)!;
    const giver = this.demo.agents.find((x) => x.id === r.initiatorAgentId)!;
    const taker = this.demo.agents.find((x) => x.id === r.receiverAgentId)!;
    const when = (s: Shift) => `${dayName(localDateKey(s.start, this.zone(s.siteId)))} ${formatLocalTime(s.start, this.zone(s.siteId))} ${s.siteId}`;
    if (r.kind === "oneSided") return `${giver.name} (${giver.id}) gives ${when(a)} to ${taker.name} (${taker.id})`;
    const b = this.sim.shift(r.receiverShiftId!)!;
    return `${giver.name} (${giver.id}, ${when(a)}) ⇄ ${taker.name} (${taker.id}, ${when(b)})`;
  }
}
