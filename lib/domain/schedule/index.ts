/** The schedule editor's rules (README.md beside this file). */
export type { ScheduleRuleFinding, ShiftEditCandidate, ShiftEditContext, ResolvedTimes } from "./types";
export { candidateShift, NEIGHBOUR_WINDOW_MS, resolveShiftTimes, validateShiftEdit } from "./validate";
export { wallClockToInstant } from "./local-time";
export { breakOutsideShift, breakText, durationText, shiftLengthProblem, sortBreaks } from "./shift-rules";
