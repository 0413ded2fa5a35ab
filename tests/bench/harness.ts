/**
 * The benchmark harness. Each case measures a subject beside its baseline in the
 * same run, so the ratio means something on a shared, noisy machine.
 */
export interface BenchCase {
  /** What is measured, e.g. "coverage: 5,000 agents × 28 days". */
  name: string;
  /** What it is measured against, e.g. "bare difference-array kernel". */
  baselineName: string;
  /** Prepares inputs once (not timed). */
  setup?: () => Promise<void> | void;
  /** Runs before every timed call of either side (not timed), e.g. to empty what the last run wrote. */
  beforeEach?: () => Promise<void> | void;
  subject: () => Promise<unknown> | unknown;
  baseline: () => Promise<unknown> | unknown;
  /** Run each side once untimed first (default true); off for long cases whose single run is the figure. */
  warmUp?: boolean;
  /** Timed repetitions of each side (median reported); default 5. */
  iterations?: number;
  /** A goal in words, printed beside the figures, e.g. "≤ 3× baseline and < 100 ms". */
  goal?: string;
  /** Returns whether the goal is met, given the medians in ms and the extra figures (when the case has them). */
  goalMet?: (subjectMs: number, baselineMs: number, extra?: Record<string, number | string>) => boolean;
  teardown?: () => Promise<void> | void;
  /**
   * Figures beyond time, read once after the timed runs (a bound, a gap, shortfall hours…):
   * an optimizer's time alone says nothing. Printed after the goal and written to results.json.
   */
  extra?: () => Record<string, number | string>;
}

export interface BenchResult {
  name: string;
  baselineName: string;
  subjectMs: number;
  baselineMs: number;
  ratio: number;
  goal?: string;
  goalMet?: boolean;
  heapMiB: number;
  extra?: Record<string, number | string>;
}
