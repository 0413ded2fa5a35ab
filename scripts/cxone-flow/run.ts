/**
 * `npm run cxone:flow`: the seed's complete working example against CXone (or the
 * simulator). Parse the shift CSV → validate-only import (stop with row-mapped errors)
 * → import → coverage over every page → gaps (coverage < 85 %, HIGH below 70 %) → stop
 * when there are none, else run the optimization, poll it and print the
 * recommendations per agent.
 *
 * Results go to stdout; pino logs (JSON) to stderr; a failure ends with one plain line
 * on stderr and a non-zero exit code (see EXIT).
 */
import { parseArgs } from "node:util";
import pino, { type Logger } from "pino";
import { parseShiftCsv, structuralImportContext, toCxoneShift } from "../../lib/csv";
import { createCxoneClient, type ImportResult, type ImportRowError } from "../../lib/cxone/client";
import type { CxoneRegion } from "../../lib/cxone/config";
import { DEFAULT_GAP_THRESHOLDS } from "../../lib/domain/gaps";
import { addDays, isoWeekday, parseDateKey } from "../../lib/domain/time";
import { demoShiftsCsv } from "./demo";
import { PLATFORM_OPTIONS, runPlatformFlow } from "./platform";
import { DataError, EXIT, USAGE, UsageError, type FlowIO } from "./usage";
import { gapsFromCoverage, printGaps, rulesFromGaps, type FlowGap } from "./gaps";
import {
  CxoneAmbiguousWriteError,
  CxoneAuthError,
  CxoneConfigError,
  CxoneError,
  CxoneJobFailedError,
  CxonePaginationError,
  CxonePermissionError,
  CxoneRateLimitError,
  CxoneResponseError,
  CxoneTimeoutError,
} from "../../lib/cxone/errors";
import type { OptimizationResult } from "../../lib/cxone/schemas";

export { EXIT, type FlowIO } from "./usage";

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function num(v: string | undefined, name: string, fallback: number): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`--${name} must be a non-negative number, got "${v}"`);
  return n;
}

function windowBound(v: string, end: boolean, name: string): string {
  if (DATE_ONLY.test(v)) {
    if (!parseDateKey(v)) throw new UsageError(`--${name} is not a real date: ${v}`);
    return end ? `${v}T23:59:59Z` : `${v}T00:00:00Z`;
  }
  if (Number.isNaN(Date.parse(v)) || !/(Z|[+-]\d{2}:?\d{2})$/i.test(v)) {
    throw new UsageError(`--${name} must be YYYY-MM-DD or ISO 8601 with an offset, got "${v}"`);
  }
  return v;
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + " ".repeat(n - s.length);
}
const h = (x: number) => (Math.round(x * 10) / 10).toFixed(1);

function describeRowError(e: ImportRowError): string {
  const where = e.row !== null ? `Row ${e.row}` : e.index !== null ? `Shift #${e.index + 1}` : `Batch ${e.batch}`;
  return `${where}${e.field ? ` (${e.field})` : ""}: ${e.message} [${e.code}]`;
}

function printRowErrors(out: (l: string) => void, errors: readonly ImportRowError[], max = 50): void {
  for (const e of errors.slice(0, max)) out(`  ${describeRowError(e)}`);
  if (errors.length > max) out(`  … and ${errors.length - max} more`);
}

function thisMonday(now: number): string {
  const today = new Date(now).toISOString().slice(0, 10);
  return addDays(today, 1 - isoWeekday(today));
}

function exitCodeFor(err: unknown): number {
  if (err instanceof UsageError || err instanceof CxoneConfigError) return EXIT.USAGE;
  if (err instanceof DataError) return EXIT.DATA;
  if (err instanceof CxonePermissionError) return EXIT.PERMISSION;
  if (err instanceof CxoneAuthError) return EXIT.AUTH;
  if (err instanceof CxoneRateLimitError) return EXIT.RATE_LIMITED;
  if (err instanceof CxoneTimeoutError) return EXIT.TIMEOUT;
  if (err instanceof CxoneResponseError || err instanceof CxonePaginationError) return EXIT.MALFORMED_RESPONSE;
  if (err instanceof CxoneAmbiguousWriteError) return EXIT.AMBIGUOUS_WRITE;
  if (err instanceof CxoneJobFailedError || err instanceof CxoneError) return EXIT.CXONE;
  return EXIT.CXONE;
}

function reasonFor(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  let prefix = "";
  if (err instanceof CxonePermissionError) prefix = "permission denied: ";
  else if (err instanceof CxoneAuthError) prefix = "authentication failed: ";
  else if (err instanceof CxoneRateLimitError) prefix = "rate limited: ";
  else if (err instanceof CxoneTimeoutError) prefix = "timeout: ";
  else if (err instanceof CxoneResponseError) prefix = `malformed response (field ${err.fieldPath || "(body)"}): `;
  return (prefix + msg).replace(/\s*\n\s*/g, " ");
}

/** Runs the workflow; resolves to the exit code. Never throws. */
export async function runFlow(argv: readonly string[], io: FlowIO): Promise<number> {
  let logger: Logger | undefined;
  try {
    const { values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        "base-url": { type: "string" },
        region: { type: "string" },
        "client-id": { type: "string" },
        "client-secret": { type: "string" },
        shifts: { type: "string" },
        from: { type: "string" },
        to: { type: "string" },
        "overwrite-conflicts": { type: "boolean" },
        "batch-size": { type: "string" },
        "page-size": { type: "string" },
        threshold: { type: "string" },
        "high-below": { type: "string" },
        "max-overtime": { type: "string" },
        "poll-deadline-s": { type: "string" },
        "poll-interval-ms": { type: "string" },
        "timeout-ms": { type: "string" },
        json: { type: "boolean" },
        "log-level": { type: "string" },
        "demo-shifts-out": { type: "string" },
        "demo-week": { type: "string" },
        "demo-seed": { type: "string" },
        help: { type: "boolean", short: "h" },
        ...PLATFORM_OPTIONS,
      },
    });
    if (values.help) {
      io.out(USAGE);
      return EXIT.OK;
    }
    logger = pino(
      {
        level: values["log-level"] ?? io.env.LOG_LEVEL ?? "info",
        base: { app: "cxone-flow" },
        redact: { paths: ["clientSecret", "*.clientSecret", "client_secret", "*.client_secret", "*.authorization", "*.access_token"], censor: "[redacted]" },
      },
      io.err,
    );
    const log = logger;

    // Demo CSV.
    if (values["demo-shifts-out"]) {
      const week = values["demo-week"] ?? thisMonday(Date.now());
      if (!parseDateKey(week) || isoWeekday(week) !== 1) throw new UsageError(`--demo-week must be a Monday (YYYY-MM-DD), got ${week}`);
      const { csv, count } = demoShiftsCsv(week, values["demo-seed"] ? num(values["demo-seed"], "demo-seed", 0) : undefined);
      await io.writeFile(values["demo-shifts-out"], csv);
      io.out(`Wrote ${count} demo shifts for the week of ${week} to ${values["demo-shifts-out"]}.`);
      if (!values.shifts) return EXIT.OK;
    }

    if (!values.shifts) throw new UsageError(`--shifts FILE.csv is required (see --help)`);
    const profile = values.profile ?? io.env.CXONE_PROFILE ?? "seed";
    if (profile !== "seed" && profile !== "platform") throw new UsageError(`--profile must be seed or platform, got "${profile}"`);
    const seed = profile === "seed";
    const baseUrl = values["base-url"] ?? io.env.CXONE_BASE_URL;
    const region = (values.region ?? io.env.CXONE_REGION) as CxoneRegion | undefined;
    const clientId = values["client-id"] ?? io.env.CXONE_CLIENT_ID;
    const clientSecret = values["client-secret"] ?? io.env.CXONE_CLIENT_SECRET;
    if (seed && !baseUrl && !region) throw new UsageError("Give --base-url or --region (or CXONE_BASE_URL / CXONE_REGION)");
    if (seed && (!clientId || !clientSecret)) throw new UsageError("Give --client-id and --client-secret (or CXONE_CLIENT_ID / CXONE_CLIENT_SECRET)");
    const thresholds = {
      gapBelow: num(values.threshold, "threshold", DEFAULT_GAP_THRESHOLDS.gapBelow),
      highBelow: num(values["high-below"], "high-below", DEFAULT_GAP_THRESHOLDS.highBelow),
    };
    const batchSize = num(values["batch-size"], "batch-size", 500);
    const pageSize = num(values["page-size"], "page-size", 100);
    const maxOvertime = num(values["max-overtime"], "max-overtime", 4);
    const pollDeadlineMs = num(values["poll-deadline-s"], "poll-deadline-s", 600) * 1000;
    const pollIntervalMs = num(values["poll-interval-ms"], "poll-interval-ms", 1000);
    const timeoutMs = num(values["timeout-ms"], "timeout-ms", 30_000);

    // With --json, stdout carries only the final JSON; progress lines go to the log.
    const say = values.json ? (line: string) => log.info(line) : io.out;

    const client = seed
      ? createCxoneClient({ ...(baseUrl ? { baseUrl } : { region }), clientId: clientId!, clientSecret: clientSecret!, timeoutMs }, { logger: log, ...io.clientDeps })
      : null;

    // 1. Parse the CSV (structure only: CXone checks agents and skills).
    const text = await io.readFile(values.shifts).catch((e: unknown) => {
      throw new UsageError(`Cannot read ${values.shifts}: ${e instanceof Error ? e.message : String(e)}`);
    });
    const parsed = parseShiftCsv(text, structuralImportContext());
    if (!parsed.ok) {
      if (parsed.needsMapping) {
        throw new DataError(`${values.shifts}: the columns (${parsed.headers.join(", ")}) are neither our canonical CSV nor CXone's template`);
      }
      throw new DataError(`${values.shifts}: ${parsed.fileError.message}`);
    }
    if (parsed.errors.length > 0) {
      say(`${values.shifts}: ${parsed.errors.length} row error(s):`);
      for (const e of parsed.errors.slice(0, 50)) say(`  ${e.message}`);
      if (parsed.errors.length > 50) say(`  … and ${parsed.errors.length - 50} more`);
      throw new DataError(`${parsed.errors.length} row(s) of ${values.shifts} are invalid; nothing was sent to CXone`);
    }
    if (parsed.rows.length === 0) throw new DataError(`${values.shifts} has no shifts`);
    const shifts = parsed.rows.map(toCxoneShift);
    const rowNumbers = parsed.rows.map((r) => r.row);
    say(`Parsed ${shifts.length} shifts from ${values.shifts} (${parsed.format} format).`);

    let from = values.from;
    let to = values.to;
    if (!from || !to) {
      const first = Math.min(...parsed.rows.map((r) => r.start));
      const last = Math.max(...parsed.rows.map((r) => r.end));
      from ??= new Date(first).toISOString().slice(0, 10);
      to ??= new Date(last - 1).toISOString().slice(0, 10);
    }
    const dateFrom = windowBound(from, false, "from");
    const dateTo = windowBound(to, true, "to");
    if (Date.parse(dateTo) <= Date.parse(dateFrom)) throw new UsageError(`--to must be after --from`);
    if (!client) {
      return await runPlatformFlow({ values, rows: parsed.rows, shiftsFile: values.shifts, startDate: dateFrom.slice(0, 10), endDate: dateTo.slice(0, 10), thresholds, timeoutMs, io, log, say });
    }

    // 2. Validate only.
    const importOptions = { batchSize, rowNumbers, overwriteConflicts: values["overwrite-conflicts"] ?? false };
    const check = await client.importShifts(shifts, { ...importOptions, validateOnly: true });
    say(`Validate-only import: ${check.processedCount} valid, ${check.failedCount} refused.`);
    if (check.failedCount > 0 || check.errors.length > 0) {
      printRowErrors(say, check.errors);
      throw new DataError(`CXone refused ${check.failedCount} of ${shifts.length} shifts in the validate-only import; nothing was imported`);
    }

    // 3. Import.
    const imported: ImportResult = await client.importShifts(shifts, {
      ...importOptions,
      onBatch: (b) => log.info({ batch: b.batch, of: b.batchCount, processed: b.processedCount, failed: b.failedCount }, "import batch"),
    });
    say(`Import: ${imported.processedCount} imported, ${imported.failedCount} refused (${imported.batches.length} batch${imported.batches.length === 1 ? "" : "es"}).`);
    if (imported.failedCount > 0) {
      printRowErrors(say, imported.errors);
      throw new DataError(`CXone imported ${imported.processedCount} shifts but refused ${imported.failedCount}; fix those rows and import again`);
    }

    // 4. Coverage, every page.
    const coverage = await client.getAllCoverage({ dateFrom, dateTo, groupBy: "skill", pageSize });
    say(`Coverage ${dateFrom} → ${dateTo}: ${coverage.items.length} records over ${coverage.pages} page(s).`);

    // 5. Gaps.
    const gaps = gapsFromCoverage(coverage.items, thresholds);
    if (gaps.length === 0) {
      say(`No coverage gaps (every skill-day at or above ${Math.round(thresholds.gapBelow * 100)} % coverage). Optimization skipped.`);
      if (values.json) io.out(JSON.stringify({ gaps: [], result: null }));
      return EXIT.OK;
    }
    if (!values.json) printGaps(say, gaps, thresholds);

    // 6. Optimize and poll.
    const rules = rulesFromGaps(gaps, maxOvertime);
    const run = await client.runOptimization({
      dateRange: { start: dateFrom, end: dateTo },
      optimizationGoals: ["MINIMIZE_OVERTIME", "MAXIMIZE_SKILL_COVERAGE"],
      gapResolutionRules: rules,
      complianceRules: { maxConsecutiveHours: 10, minBreakDuration: 30, respectPublishedShifts: true },
    });
    say(`Optimization job ${run.jobId} submitted for ${rules.length} skill(s).`);
    let lastStatus = "";
    const done = await client.pollOptimizationJob(run.jobId, {
      deadlineMs: pollDeadlineMs,
      initialDelayMs: pollIntervalMs,
      onStatus: (job) => {
        if (job.status !== lastStatus) log.info({ jobId: job.jobId, status: job.status }, "optimization job status");
        lastStatus = job.status;
      },
    });
    printResult(io, run.jobId, done.result, values.json ?? false, gaps);
    return EXIT.OK;
  } catch (err) {
    const code = exitCodeFor(err);
    if (code === EXIT.USAGE && err instanceof UsageError) io.err.write(`${USAGE}\n\n`);
    logger?.error({ err: err instanceof CxoneError ? { name: err.name, code: err.code, status: err.status, path: err.path } : String(err) }, "cxone flow failed");
    io.err.write(`cxone:flow: ${reasonFor(err)}\n`);
    return code;
  } finally {
    logger?.flush();
  }
}

function printResult(io: FlowIO, jobId: string, result: OptimizationResult, json: boolean, gaps: FlowGap[]): void {
  if (json) {
    io.out(JSON.stringify({ jobId, gaps, result }));
    return;
  }
  const recs = result.assignmentRecommendations;
  io.out(`Optimization job ${jobId} COMPLETED${result.engine ? ` (engine ${result.engine})` : ""}: ${recs.length} agent(s) with recommendations.`);
  for (const rec of recs) {
    const hours = rec.recommendedShifts.reduce((s, x) => s + (Date.parse(x.endTime) - Date.parse(x.startTime)) / 3_600_000, 0);
    const overtime = rec.recommendedShifts.filter((x) => x.overtimeFlag).length;
    io.out(
      `Agent ${rec.agentId}: ${rec.recommendedShifts.length} recommended shift(s), ${h(hours)} h${overtime ? `, ${overtime} with overtime` : ""}, compliance score ${rec.complianceScore.toFixed(2)}`,
    );
    for (const s of rec.recommendedShifts) {
      io.out(`    ${pad(s.skillId, 24)} ${s.startTime} → ${s.endTime}  covers ${h(s.coverageImpact)} h${s.overtimeFlag ? "  OVERTIME" : ""}`);
    }
  }
  io.out(
    `Projected coverage improvement: ${(result.projectedCoverageImprovement * 100).toFixed(1)} %. Estimated overtime: ${h(result.estimatedOvertimeHours)} h.`,
  );
  const unmet = result.unmetRequirements ?? [];
  if (unmet.length > 0) {
    io.out(`Still short after the recommendations: ${unmet.length} window(s)${unmet.length > 10 ? " (first 10)" : ""}:`);
    for (const u of unmet.slice(0, 10)) {
      io.out(`    ${pad(u.skillId, 24)} ${u.start} → ${u.end}  short ${h(u.shortfallHours)} h, peak ${h(u.peakShortfall)} agents  (${u.reason})`);
    }
  }
}
