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
