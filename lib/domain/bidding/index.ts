/**
 * Shift bidding (DOMAIN "Shift bidding"): scopes, eligibility, static priority, the scope
 * linter, award resolution by waves with locks, explanations, and awards → draft shifts.
 */
export * from "./types";
export { lint, canOpenWindow, missingLocationText, DEFAULT_LIVE_ATTRIBUTES, type LintContext } from "./lint";
export { resolveAwards } from "./resolve";
export { rankHint, type RankHint, type RankHintInput } from "./hint";
export { biddableLines, ineligibility, isScopeMember, scopeReachesLine } from "./eligibility";
export { priorityOrder, randomDraw, standingText, tierOf, DEFAULT_TIE_BREAKERS } from "./priority";
export { awardsToDraftShifts, lineInstances } from "./lines";
export { isWindowOpen, lockReleaseAt, lockStatus, scopeWindow, windowInstants } from "./window";
export { daysLabel, lineLabel, linesFromSchedule, type ScheduleLines, type ScheduleLinesInput } from "./from-schedule";
