/**
 * Demo trade requests: a queue at NYC and LON that shows every violation type and every
 * outcome, for a supervisor signing in to the demo. Pure and deterministic: the plans are
 * found by searching the demo data (never by hard-coded ids) and each candidate is judged
 * by the real trade engine in a simulator that mirrors the database path
 * (`lib/services/trades/request.ts`: getTradingSettings → loadTradeContext → evaluate → apply; the context is built by `buildTradeContext` in lib/domain/trades for both), so a
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
export * from "./settings";
export { DemoTradeSimulator, demoCheckTimes, type SimOutcome } from "./simulator";
export { planDemoTrades } from "./stories";
