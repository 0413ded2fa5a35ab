import "server-only";
/**
 * The CXone WFM client: shift import in batches with row-mapped errors, the coverage
 * paginator, optimization run and poll, and a connection test per scope.
 *
 *   const cx = createCxoneClient({ region: "EU", clientId, clientSecret });
 *   const result = await cx.importShifts(shifts, { validateOnly: true, rowNumbers });
 *   for await (const page of cx.getCoverage({ dateFrom, dateTo })) …
 */
import { z } from "zod";
import { TokenManager } from "./auth";
import { CXONE_SCOPES, ENDPOINT_SCOPES, PATHS, cxoneConfigSchema, resolveBaseUrl, transportLimitsOf, type CxoneConfig, type CxoneConfigInput, type CxoneScope } from "./config";
import {
  CxoneConfigError,
  CxoneError,
  CxoneJobFailedError,
  CxonePaginationError,
  CxonePermissionError,
  CxoneRequestError,
  CxoneResponseError,
  CxoneTimeoutError,
  type CxoneFieldError,
} from "./errors";
import {
  coveragePageSchema,
  formatIssuePath,
  importResponseSchema,
  optimizationJobSchema,
  optimizationRequestSchema,
  optimizationRunResponseSchema,
  type CoverageItem,
  type CxoneShift,
  type OptimizationJob,
  type OptimizationRequest,
  type OptimizationRunResponse,
} from "./schemas";
import { CxoneTransport, defaultSleep, silentLogger, type FetchLike, type TransportDeps } from "./transport";

export { withNamedProficiency } from "./client-support";
import { abbreviate, errorMessage, formatDuration, withNamedProficiency } from "./client-support";
export type { CxoneClientDeps, ImportOptions, ImportRowError, ImportBatchResult, ImportResult, CoverageParams, CoveragePage, PollOptions, CompletedOptimizationJob, ScopeCheck, ConnectionTestResult } from "./client-types";
import type { CxoneClientDeps, ImportOptions, ImportRowError, ImportBatchResult, ImportResult, CoverageParams, CoveragePage, PollOptions, CompletedOptimizationJob, ScopeCheck, ConnectionTestResult } from "./client-types";

const SHIFT_FIELD = /^shifts\[(\d+)\](?:\.(.+))?$/;
const DEFAULT_BATCH_SIZE = 500;

export class CxoneClient {
  /** The validated settings, without the client secret (which only the token manager holds). */
  readonly config: Omit<CxoneConfig, "clientSecret">;
  readonly transport: CxoneTransport;
  readonly tokens: TokenManager;
  private readonly deps: TransportDeps;

  constructor(config: CxoneConfig, deps: TransportDeps) {
    const visible: Partial<CxoneConfig> = { ...config };
    delete visible.clientSecret;
    this.config = visible as Omit<CxoneConfig, "clientSecret">;
    this.deps = deps;
    const limits = transportLimitsOf(config);
    this.transport = new CxoneTransport(config.resolvedBaseUrl, limits, deps);
    this.tokens = new TokenManager(
      this.transport,
      { clientId: config.clientId, clientSecret: config.clientSecret, scopes: config.scopes, refreshSkewMs: config.tokenRefreshSkewMs },
      deps,
    );
    this.transport.setTokenSource(this.tokens);
  }

  get baseUrl(): string {
    return this.config.resolvedBaseUrl;
  }

  // ------------------------------------------------------------ import

  /**
   * Imports shifts in batches (sequentially, so a rate limit or a failure stops the rest).
   * Counts are summed; each server error `shifts[i].field` is mapped to the shift's index
   * in `shifts` and to its CSV row. A batch refused as a whole with field errors counts
   * as failed rows; any other failure raises, saying which batches were already applied.
   */
  async importShifts(shifts: readonly CxoneShift[], options: ImportOptions = {}): Promise<ImportResult> {
    const validateOnly = options.validateOnly ?? false;
    const overwriteConflicts = options.overwriteConflicts ?? false;
    const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new CxoneConfigError(`batchSize must be a positive integer, got ${batchSize}`);
    const batchCount = Math.max(1, Math.ceil(shifts.length / batchSize));
    const batches: ImportBatchResult[] = [];
    const errors: ImportRowError[] = [];
    let processedCount = 0;
    let failedCount = 0;

    for (let b = 0; b < batchCount; b++) {
      const from = b * batchSize;
      const to = Math.min(shifts.length, from + batchSize);
      const batch = shifts.slice(from, to);
      let result: ImportBatchResult;
      try {
        const res = await this.transport.request({
          method: "POST",
          path: PATHS.importShifts,
          json: { shifts: batch.map(withNamedProficiency), overwriteConflicts, validateOnly },
          // A validate-only import changes nothing, so it may be repeated; a real one may not.
          idempotent: validateOnly,
          auth: { scope: ENDPOINT_SCOPES.importShifts },
          schema: importResponseSchema,
          signal: options.signal,
        });
        const d = res.data;
        for (const e of d.errors) errors.push(this.mapImportError(e, b + 1, from, to, options.rowNumbers));
        result = { batch: b + 1, batchCount, jobId: d.jobId, status: d.status, processedCount: d.processedCount, failedCount: d.failedCount, from, to };
      } catch (err) {
        const rejected = err instanceof CxoneRequestError && err.errors.length > 0 && err.errors.every((e) => e.field && SHIFT_FIELD.test(e.field));
        if (!rejected) throw this.batchContext(err, b + 1, batchCount, from, to, validateOnly, options.rowNumbers);
        for (const e of (err as CxoneRequestError).errors) errors.push(this.mapImportError(e, b + 1, from, to, options.rowNumbers));
        result = { batch: b + 1, batchCount, jobId: null, status: "REJECTED", processedCount: 0, failedCount: batch.length, from, to };
      }
      processedCount += result.processedCount;
      failedCount += result.failedCount;
      batches.push(result);
      this.deps.logger.info(
        { batch: result.batch, batchCount, processed: result.processedCount, failed: result.failedCount, validateOnly },
        "cxone import batch done",
      );
      options.onBatch?.(result);
    }

    const status: ImportResult["status"] =
      failedCount === 0 && errors.length === 0 ? (validateOnly ? "VALIDATED" : "COMPLETED") : processedCount === 0 ? "FAILED" : "PARTIAL";
    errors.sort((a, b) => (a.index ?? Infinity) - (b.index ?? Infinity));
    return { validateOnly, status, processedCount, failedCount, batches, errors };
  }

  private mapImportError(e: CxoneFieldError, batch: number, from: number, to: number, rowNumbers?: readonly number[]): ImportRowError {
    const m = e.field ? SHIFT_FIELD.exec(e.field) : null;
    let index: number | null = null;
    if (m) {
      const i = from + Number(m[1]);
      if (i < to) index = i;
    }
    return {
      index,
      row: index !== null ? (rowNumbers?.[index] ?? null) : null,
      field: m ? (m[2] ?? null) : (e.field ?? null),
      serverField: e.field ?? null,
      batch,
      code: e.code,
      message: e.message,
    };
  }

  /** Says which batches were applied before a batch failed, keeping the error's class. */
  private batchContext(err: unknown, batch: number, batchCount: number, from: number, to: number, validateOnly: boolean, rowNumbers?: readonly number[]): unknown {
    if (!(err instanceof CxoneError) || batchCount === 1) return err;
    const rows = (i: number) => rowNumbers?.[i] ?? i + 1;
    const range = (a: number, b: number) => (a === b ? `batch ${a} was` : `batches ${a}–${b} were`);
    const notes: string[] = [];
    if (!validateOnly) notes.push(batch > 1 ? `Before it, ${range(1, batch - 1)} applied.` : "No earlier batch was applied.");
    if (batch < batchCount) notes.push(`After it, ${range(batch + 1, batchCount)} not sent.`);
    const message = `Import batch ${batch} of ${batchCount} (rows ${rows(from)}–${rows(to - 1)}): ${err.message.replace(/\.?$/, ".")} ${notes.join(" ")}`.trim();
    Object.defineProperty(err, "message", { value: message, configurable: true, writable: true });
    Object.defineProperty(err, "details", {
      value: { ...err.details, batch, batchCount, appliedBatches: validateOnly ? 0 : batch - 1 },
      configurable: true,
    });
    return err;
  }

  // ------------------------------------------------------------ coverage

  /**
   * Every page of coverage, in order. Stops with a CxonePaginationError when a page token
   * comes back a second time (the server would loop forever) or after `maxPages` pages.
   */
  async *getCoverage(params: CoverageParams): AsyncGenerator<CoveragePage, void, undefined> {
    const maxPages = params.maxPages ?? 1_000;
    const seen = new Set<string>();
    let token: string | undefined;
    let itemsRead = 0;
    for (let pageNumber = 1; ; pageNumber++) {
      const res = await this.transport.request({
        method: "GET",
        path: PATHS.coverage,
        query: {
          dateFrom: params.dateFrom,
          dateTo: params.dateTo,
          groupBy: params.groupBy ?? "skill",
          pageSize: params.pageSize ?? 100,
          nextPageToken: token,
        },
        idempotent: true,
        auth: { scope: ENDPOINT_SCOPES.coverage },
        schema: coveragePageSchema,
        signal: params.signal,
      });
      const next = res.data.nextPageToken ?? null;
      itemsRead += res.data.items.length;
      yield { pageNumber, items: res.data.items, totalCount: res.data.totalCount, nextPageToken: next };
      if (!next) return;
      if (seen.has(next)) {
        throw new CxonePaginationError(
          `Stopped reading coverage: CXone sent page token ${abbreviate(next)} a second time after page ${pageNumber}, which would loop forever. ${itemsRead} of ${res.data.totalCount} items were read.`,
          { code: "REPEATED_PAGE_TOKEN", method: "GET", path: PATHS.coverage, details: { pages: pageNumber, itemsRead } },
        );
      }
      if (pageNumber >= maxPages) {
        throw new CxonePaginationError(
          `Stopped reading coverage after ${maxPages} pages (the page cap) while CXone still offered more; ${itemsRead} of ${res.data.totalCount} items were read. Narrow the date range or raise pageSize.`,
          { code: "PAGE_CAP", method: "GET", path: PATHS.coverage, details: { pages: pageNumber, itemsRead } },
        );
      }
      seen.add(next);
      token = next;
    }
  }

  /** All coverage items of every page. */
  async getAllCoverage(params: CoverageParams): Promise<{ items: CoverageItem[]; totalCount: number; pages: number }> {
    const items: CoverageItem[] = [];
    let totalCount = 0;
    let pages = 0;
    for await (const page of this.getCoverage(params)) {
      items.push(...page.items);
      totalCount = page.totalCount;
      pages = page.pageNumber;
    }
    if (items.length !== totalCount) {
      this.deps.logger.warn({ items: items.length, totalCount }, "cxone coverage item count differs from totalCount");
    }
    return { items, totalCount, pages };
  }

  // ------------------------------------------------------------ optimization

  /** Starts an optimization job (not repeated on failure: it would start a second job). */
  async runOptimization(request: OptimizationRequest, options: { signal?: AbortSignal } = {}): Promise<OptimizationRunResponse> {
    const parsed = optimizationRequestSchema.safeParse(request);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CxoneRequestError(`The optimization request is not valid: ${formatIssuePath(issue.path) || "(request)"}: ${issue.message}`, {
        code: "INVALID_REQUEST",
        method: "POST",
        path: PATHS.runOptimization,
      });
    }
    const res = await this.transport.request({
      method: "POST",
      path: PATHS.runOptimization,
      json: parsed.data,
      idempotent: false,
      auth: { scope: ENDPOINT_SCOPES.runOptimization },
      schema: optimizationRunResponseSchema,
      signal: options.signal,
    });
    return res.data;
  }

  async getOptimizationJob(jobId: string, options: { signal?: AbortSignal } = {}): Promise<OptimizationJob> {
    const res = await this.transport.request({
      method: "GET",
      path: PATHS.optimizationJob(jobId),
      idempotent: true,
      auth: { scope: ENDPOINT_SCOPES.optimizationJob },
      schema: optimizationJobSchema,
      signal: options.signal,
    });
    return res.data;
  }

  /**
   * Polls until COMPLETED (returns the job with its result) or FAILED (CxoneJobFailedError),
   * waiting initialDelayMs, doubling to maxDelayMs, never past the deadline; at the deadline
   * a CxoneTimeoutError naming the job.
   */
  async pollOptimizationJob(jobId: string, options: PollOptions = {}): Promise<CompletedOptimizationJob> {
    const deadlineMs = options.deadlineMs ?? 600_000;
    const maxDelayMs = options.maxDelayMs ?? 15_000;
    let delay = Math.min(options.initialDelayMs ?? 1_000, maxDelayMs);
    const started = this.deps.now();
    let polls = 0;
    for (;;) {
      const job = await this.getOptimizationJob(jobId, { signal: options.signal });
      polls++;
      options.onStatus?.(job);
      if (job.status === "COMPLETED") {
        if (!job.result) {
          throw new CxoneResponseError(`Optimization job ${jobId} is COMPLETED but its answer has no result`, "result", {
            method: "GET",
            path: PATHS.optimizationJob(jobId),
          });
        }
        return job as CompletedOptimizationJob;
      }
      if (job.status === "FAILED") {
        throw new CxoneJobFailedError(`Optimization job ${jobId} failed in CXone: ${job.errorMessage || "no reason given"}`, jobId, {
          path: PATHS.optimizationJob(jobId),
        });
      }
      const remaining = deadlineMs - (this.deps.now() - started);
      if (remaining <= 0) {
        throw new CxoneTimeoutError(
          `Optimization job ${jobId} did not finish within ${formatDuration(deadlineMs)} (still ${job.status} after ${polls} polls). It may still be running in CXone; poll it again later.`,
          { jobId, code: "POLL_DEADLINE", path: PATHS.optimizationJob(jobId), details: { lastStatus: job.status, polls } },
        );
      }
      this.deps.logger.debug({ jobId, status: job.status, nextPollMs: Math.min(delay, remaining) }, "cxone optimization job pending");
      await this.deps.sleep(Math.min(delay, remaining), options.signal);
      delay = Math.min(maxDelayMs, delay * 2);
    }
  }

  // ------------------------------------------------------------ connection test

  /**
   * Proves the credentials and each scope without changing anything:
   * - the token: a token request (its `scope` string lists what was granted);
   * - wfm:schedule:read: GET coverage for today, pageSize 1;
   * - wfm:schedule:write: an import of no shifts with validateOnly (2xx, or a 400 that shows
   *   the request got past the scope check, counts);
   * - wfm:optimization:read: GET a job id that does not exist, expecting 404 rather than 403;
   * - wfm:optimization:write: no call in the contract exercises it without starting a job,
   *   so it is reported from the token's granted scopes ("granted", not "proven").
   */
  async testConnection(): Promise<ConnectionTestResult> {
    const scopes = {} as Record<CxoneScope, ScopeCheck>;
    const notChecked = (checkedBy: string): ScopeCheck => ({ ok: false, checkedBy, message: "not checked: no token" });
    let token: { ok: boolean; message: string; grantedScopes: string[] };
    try {
      const t = await this.tokens.refresh();
      token = { ok: true, message: `token issued for ${t.scopes.join(" ") || "(no scopes listed)"}`, grantedScopes: t.scopes };
    } catch (err) {
      token = { ok: false, message: errorMessage(err), grantedScopes: [] };
      for (const s of CXONE_SCOPES) scopes[s] = notChecked("—");
      return { ok: false, token, scopes };
    }

    const probe = async (scope: CxoneScope, checkedBy: string, call: () => Promise<string>): Promise<void> => {
      try {
        scopes[scope] = { ok: true, checkedBy, message: await call() };
      } catch (err) {
        if (err instanceof CxonePermissionError) scopes[scope] = { ok: false, checkedBy, message: `missing: ${err.message}` };
        else if (err instanceof CxoneRequestError && (err.status === 400 || err.status === 422) && scope === "wfm:schedule:write") {
          scopes[scope] = { ok: true, checkedBy, message: `accepted past the scope check (HTTP ${err.status})` };
        } else scopes[scope] = { ok: false, checkedBy, message: errorMessage(err) };
      }
    };

    const today = new Date(this.deps.now()).toISOString().slice(0, 10);
    await probe("wfm:schedule:read", "GET coverage, pageSize 1", async () => {
      const res = await this.transport.request({
        method: "GET",
        path: PATHS.coverage,
        query: { dateFrom: `${today}T00:00:00Z`, dateTo: `${today}T23:59:59Z`, groupBy: "skill", pageSize: 1 },
        idempotent: true,
        auth: { scope: "wfm:schedule:read" },
        schema: coveragePageSchema,
      });
      return `read ${res.data.items.length} coverage item(s)`;
    });
    await probe("wfm:schedule:write", "validate-only import of no shifts", async () => {
      await this.transport.request({
        method: "POST",
        path: PATHS.importShifts,
        json: { shifts: [], overwriteConflicts: false, validateOnly: true },
        idempotent: true,
        auth: { scope: "wfm:schedule:write" },
        schema: importResponseSchema,
      });
      return "validate-only import accepted";
    });
    await probe("wfm:optimization:read", "GET a nonexistent job (expects 404)", async () => {
      const res = await this.transport.request({
        method: "GET",
        path: PATHS.optimizationJob(`connection-test-${Math.floor(this.deps.random() * 1e9)}`),
        idempotent: true,
        auth: { scope: "wfm:optimization:read" },
        schema: z.unknown(),
        passStatuses: [404],
      });
      return res.status === 404 ? "404 for an unknown job, as expected" : `HTTP ${res.status}`;
    });
    const writeGranted = token.grantedScopes.includes("wfm:optimization:write");
    scopes["wfm:optimization:write"] = {
      ok: writeGranted,
      checkedBy: "granted scopes of the token (not exercised: any call would start a job)",
      message: writeGranted ? "granted" : "not granted to this API client",
    };
    return { ok: token.ok && CXONE_SCOPES.every((s) => scopes[s].ok), token, scopes };
  }
}

export function createCxoneClient(input: CxoneConfigInput, deps: CxoneClientDeps = {}): CxoneClient {
  const parsed = cxoneConfigSchema.safeParse(input);
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error);
    const parts = [...flat.formErrors, ...Object.entries(flat.fieldErrors).map(([k, v]) => `${k}: ${(v as string[]).join(", ")}`)];
    throw new CxoneConfigError(`CXone connection settings are not valid: ${parts.join("; ")}`, { code: "INVALID_CONFIG" });
  }
  const config: CxoneConfig = { ...parsed.data, resolvedBaseUrl: resolveBaseUrl(parsed.data) };
  const fetchImpl: FetchLike = deps.fetch ?? ((input, init) => globalThis.fetch(input, init));
  return new CxoneClient(config, {
    fetch: fetchImpl,
    now: deps.now ?? Date.now,
    sleep: deps.sleep ?? defaultSleep,
    random: deps.random ?? Math.random,
    logger: deps.logger ?? silentLogger,
  });
}
