/** Demo trade shapes and the trading settings the demo saves (see ./index.ts). */
import { addDays } from "../../domain/time";
import type { TradeViolationType } from "../../domain/trades";
import type { Instant, ShiftBreak, SkillProficiency } from "../../domain/types";
import type { TradeRequest, TradingSettingsInput } from "../../schemas/trades";
import type { DemoData } from "../generate";
import { isoWithOffset, localInstant, siteZone } from "./helpers";

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

export function lonRow(demo: DemoData): DemoTradingSettingsRow {
  return demoTradingSettings(demo).find((r) => r.scope === "LON")!;
}

