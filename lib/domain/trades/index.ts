/**
 * Shift-trade evaluation (DOMAIN "Shift trades"): pure rules over plain data.
 * evaluateTrade(trade, ctx, settings) → { outcome, violations, reviewSiteIds, coverageImpact }.
 */
export * from "./types";
export { DEFAULT_TRADE_POLICIES, DEFAULT_TRADING_SETTINGS, effectivePolicy, outcomeOf } from "./policies";
export { createTradeEvaluator, evaluateTrade, evaluateTrades, type TradeEvaluator } from "./evaluate";
export { reviewSitesFor, tradeExpiresAt } from "./review";
export { paidHours } from "./hours";
export { buildTradeContext, countTradesByAgentWeek, resolveTradingSettings, type ApprovedTradeFact, type CountedTrade, type PendingTradeFact, type TradeContextRows } from "./context";
