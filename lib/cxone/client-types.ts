/**
 * What the CXone client takes and returns: its options, results and progress shapes.
 * Types only, so the client file reads as its calls.
 */
import type { CxoneScope } from "./config";
import type { CoverageGroupBy, CoverageItem, OptimizationJob, OptimizationResult } from "./schemas";
import type { CxoneLogger, FetchLike } from "./transport";

export interface CxoneClientDeps {
  fetch?: FetchLike;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  logger?: CxoneLogger;
}

// ---------------------------------------------------------------- import types

export interface ImportOptions {
  overwriteConflicts?: boolean;
  validateOnly?: boolean;
  /** Shifts per request; default 500. */
  batchSize?: number;
  /** rowNumbers[i] is the CSV row of shifts[i]; errors are mapped back to it. */
  rowNumbers?: readonly number[];
  onBatch?: (progress: ImportBatchResult) => void;
  signal?: AbortSignal;
}

export interface ImportRowError {
  /** Index of the shift in the list given to importShifts. */
  index: number | null;
  /** The CSV row it came from (rowNumbers[index]), when known. */
  row: number | null;
  /** The field within the shift, e.g. "endDate"; null for the whole shift. */
  field: string | null;
  /** The server's field verbatim, e.g. "shifts[3].endDate" (index within its batch). */
  serverField: string | null;
  /** 1-based batch number. */
  batch: number;
  code: string;
  message: string;
}

export interface ImportBatchResult {
  /** 1-based. */
  batch: number;
  batchCount: number;
  jobId: string | null;
  status: string;
  processedCount: number;
  failedCount: number;
  /** Index range [from, to) of the shifts in this batch. */
  from: number;
  to: number;
}

export interface ImportResult {
  validateOnly: boolean;
  /** VALIDATED (validate-only, all good), COMPLETED, PARTIAL or FAILED. */
  status: "VALIDATED" | "COMPLETED" | "PARTIAL" | "FAILED";
  processedCount: number;
  failedCount: number;
  batches: ImportBatchResult[];
  errors: ImportRowError[];
}

// ---------------------------------------------------------------- coverage / optimization types

export interface CoverageParams {
  dateFrom: string;
  dateTo: string;
  groupBy?: CoverageGroupBy;
  pageSize?: number;
  /** Stop (with a CxonePaginationError) after this many pages; default 1,000. */
  maxPages?: number;
  signal?: AbortSignal;
}

export interface CoveragePage {
  pageNumber: number;
  items: CoverageItem[];
  totalCount: number;
  nextPageToken: string | null;
}

export interface PollOptions {
  /** Give up after this long (CxoneTimeoutError naming the job); default 10 min. */
  deadlineMs?: number;
  /** First wait between polls; doubles up to maxDelayMs. Defaults 1 s and 15 s. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  onStatus?: (job: OptimizationJob) => void;
  signal?: AbortSignal;
}

export type CompletedOptimizationJob = OptimizationJob & { status: "COMPLETED"; result: OptimizationResult };

export interface ScopeCheck {
  ok: boolean;
  /** How the scope was checked. */
  checkedBy: string;
  message: string;
}

export interface ConnectionTestResult {
  ok: boolean;
  token: { ok: boolean; message: string; grantedScopes: string[] };
  scopes: Record<CxoneScope, ScopeCheck>;
}
