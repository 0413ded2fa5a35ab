export * from "./types";
export { buildCapacityModel, capacityCoverage, capacityTotals, countsFrom, coveredSpan, uncoverable, type CapacityColumn, type CapacityModel } from "./model";
