/**
 * Coverage: how many agents each skill has in each 15-minute interval of a UTC-aligned
 * grid, gross and net (README.md beside this file states the rules).
 */
export { gridEnd, gridFor, intervalStartAt, type CoverageGrid } from "./grid";
export { addShiftGross, servedSkillIds, shiftWorkSegments } from "./segments";
export {
  computeCoverage,
  computeGrossCoverage,
  DEFAULT_COUNTED_STATUSES,
  type CoverageInput,
  type GrossCoverageInput,
  type SkillCoverage,
} from "./compute";
export { chartBucket, downsampleSeries } from "./series";
