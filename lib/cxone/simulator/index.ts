import "server-only";
/** The CXone WFM simulator: in-process start for tests, `npm run cxone:sim` for people. */
export { startSimulator, DEFAULT_SIM_CLIENT } from "./server";
export type { RunningSimulator, SimClient, SimControl, SimRequestLog, SimStats, SimulatorOptions } from "./server";
export { defaultFaults, faultsFromEnv, mergeFaults, SIM_ENDPOINTS } from "./faults";
export type { SimEndpoint, SimFaults, SimFaultsPatch } from "./faults";
export { SimStore } from "./store";
export type { SimData } from "./store";
export { DEFAULT_PLATFORM_APP, DEFAULT_PLATFORM_USER, DEFAULT_TENANT, simUserId } from "./platform";
export type { SimPlatformOptions, SimPlatformUser } from "./platform";
