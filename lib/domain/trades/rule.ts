/**
 * What a rule sees. A trade has one leg per moving shift: the receiver takes the
 * giver's shift (and in a swap a second leg brings the receiver's shift to the
 * initiator). Rules are small pure functions from a leg (or the whole trade) to findings.
 */
import type { CoverageGrid } from "../coverage";
import type { SkillCatalog } from "../skills";
import type { Agent, Instant, Shift, Site } from "../types";
import type { ZoneClock } from "./calendar";
import type { PaidTime } from "./hours";
import type { Finding, TradeProposal, TradingSettings } from "./types";

export interface Leg {
  /** The shift as it is now, worked by the giver. */
  shift: Shift;
  /** The same shift as the receiver would work it. */
  incoming: Shift;
  giver: Agent;
  receiver: Agent;
  /** Where the shift is worked. */
  shiftSite: Site;
  /** The receiver's home site: its labor rules apply to them. */
  receiverSite: Site;
  /** The shift the receiver gives away in this trade (a swap), else null. */
  outgoing: Shift | null;
  /** The receiver's shifts now, by start. */
  receiverBefore: readonly Shift[];
  /** The receiver's shifts after the trade (without `outgoing`, with `incoming`), by start. */
  receiverAfter: readonly Shift[];
}

export interface RuleEnv {
  now: Instant;
  settings: TradingSettings;
  catalog: SkillCatalog;
  clock: ZoneClock;
  /** Paid hours, memoised for the batch. */
  paid: PaidTime;
  required: ReadonlyMap<string, Float64Array>;
  grid: CoverageGrid;
  /** Approved trades at `siteId` inside the rolling window ending now (this batch included). */
  approvedTradesInWindow(siteId: string): number;
  /** Trades `agentId` already takes part in during the ISO week `weekKey` (this trade excluded). */
  tradesInWeek(agentId: string, weekKey: string): number;
}

export type LegRule = (leg: Leg, env: RuleEnv) => Finding[];
export type TradeRule = (trade: TradeProposal, legs: readonly Leg[], env: RuleEnv) => Finding[];
