import "server-only";
/** The CXone WFM client: see client.ts. The simulator lives in ./simulator (not re-exported). */
export * from "./config";
export * from "./errors";
export * from "./schemas";
export { createCxoneClient, CxoneClient } from "./client";
export type {
  CompletedOptimizationJob,
  ConnectionTestResult,
  CoverageParams,
  CoveragePage,
  CxoneClientDeps,
  ImportBatchResult,
  ImportOptions,
  ImportResult,
  ImportRowError,
  PollOptions,
  ScopeCheck,
} from "./client";
export { parseRetryAfter, fullJitterBackoff, defaultSleep, silentLogger } from "./transport";
export type { CxoneLogger, FetchLike } from "./transport";
export { encryptSecret, decryptSecret, generateSecretKey, SecretBoxError } from "./secret-box";
export { createPlatformClient, PlatformClient, CxoneDownloadExpiredError } from "./platform/client";
export type { PlatformAgent, PlatformSkill, PlatformAgentSkill, ExportedShift, ContactHistoryRow, ExportProgress, ExtractionJob, PlatformCheck } from "./platform/client";
export { CxoneDiscoveryError, platformConfigSchema } from "./platform/connect";
export type { PlatformConfigInput } from "./platform/connect";
export { exportWindows, compareSchedules, EXPORT_MAX_DAYS } from "./platform/windows";
export { CAPABILITIES, PROFILE_CAPABILITIES, capabilitiesOf } from "./profiles/capabilities";
export type { Capability, CapabilityState, LackReason } from "./profiles/capabilities";
export { SEED_ENDPOINTS, PLATFORM_ENDPOINTS, PLATFORM_PERMISSIONS, platformEndpoints } from "./profiles/endpoints";
export type { ProfileName, EndpointDef } from "./profiles/endpoints";
export { readPages } from "./paging";
export type { PagingStyle } from "./paging";
