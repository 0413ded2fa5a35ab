import "server-only";
/**
 * The simulator's fault knobs. Each probabilistic fault has a `rate` (0–1), an optional
 * `times` (fire at most that many times, then stop: rate 1 + times 2 = "the next two
 * requests fail") and the endpoints it applies to. Decisions come from a seeded PRNG,
 * so a run with the same seed and the same request order fails the same way.
 */
import { z } from "zod";
import { mulberry32 } from "../../domain/random";

export const SIM_ENDPOINTS = ["token", "import", "coverage", "run", "job", "discovery", "agents", "skills", "export", "contacts", "extraction"] as const;
export type SimEndpoint = (typeof SIM_ENDPOINTS)[number];

/** Faults hit the API by default, not the token endpoint (list "token" to include it). */
const API_ENDPOINTS: SimEndpoint[] = ["import", "coverage", "run", "job", "agents", "skills", "export", "contacts", "extraction"];

const endpointsSchema = z.array(z.enum(SIM_ENDPOINTS));

const rateFault = {
  rate: z.number().min(0).max(1),
  times: z.number().int().nonnegative().nullable(),
  endpoints: endpointsSchema,
};

export const simFaultsSchema = z.object({
  seed: z.number().int(),
  /** Added before every API answer (not the control endpoints). */
  latencyMs: z.number().nonnegative(),
  latencyJitterMs: z.number().nonnegative(),
  rateLimit: z.object({
    ...rateFault,
    /** Retry-After sent with a 429: delay-seconds, an HTTP date that many seconds ahead, or none. */
    retryAfter: z.object({ seconds: z.number().nonnegative(), format: z.enum(["seconds", "http-date"]) }).nullable(),
  }),
  serverError: z.object({
    ...rateFault,
    status: z.number().int().min(500).max(599),
    /** Apply the write first, then fail: the "may or may not have been applied" case. */
    afterApply: z.boolean(),
  }),
  /** Lifetime of issued tokens, ms (expires_in is rounded up to whole seconds). */
  tokenLifetimeMs: z.number().int().positive(),
  /** A coverage page with a field of the wrong type (items[0].requiredHours as a string). */
  malformedPage: z.object(rateFault),
  /** A coverage page cut mid-JSON: the connection drops after half the body. */
  truncatedPage: z.object(rateFault),
  /** Pages after the first answer with the token they were asked with. */
  repeatPageToken: z.boolean(),
  job: z.object({
    queuedMs: z.number().nonnegative(),
    runningMs: z.number().nonnegative(),
    neverCompletes: z.boolean(),
    fails: z.boolean(),
    failMessage: z.string(),
  }),
});

export type SimFaults = z.infer<typeof simFaultsSchema>;
type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? (T[K] extends unknown[] ? T[K] : DeepPartial<T[K]> | null) : T[K] };
export type SimFaultsPatch = DeepPartial<SimFaults>;

export function defaultFaults(): SimFaults {
  return {
    seed: 1,
    latencyMs: 0,
    latencyJitterMs: 0,
    rateLimit: { rate: 0, times: null, endpoints: [...API_ENDPOINTS], retryAfter: { seconds: 1, format: "seconds" } },
    serverError: { rate: 0, times: null, endpoints: [...API_ENDPOINTS], status: 503, afterApply: false },
    tokenLifetimeMs: 3_600_000,
    malformedPage: { rate: 0, times: null, endpoints: ["coverage"] },
    truncatedPage: { rate: 0, times: null, endpoints: ["coverage"] },
    repeatPageToken: false,
    job: { queuedMs: 200, runningMs: 300, neverCompletes: false, fails: false, failMessage: "Optimization engine failed (simulated)" },
  };
}

/** One level of merge per group; `null` for retryAfter means "send none". */
export function mergeFaults(base: SimFaults, patch: SimFaultsPatch): SimFaults {
  const next = structuredClone(base) as Record<string, unknown>;
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) continue;
    const cur = next[k];
    if (v !== null && typeof v === "object" && !Array.isArray(v) && cur !== null && typeof cur === "object" && k !== "retryAfter") {
      next[k] = { ...(cur as object), ...(v as object) };
    } else {
      next[k] = v;
    }
  }
  const parsed = simFaultsSchema.safeParse(next);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new RangeError(`Invalid simulator faults: ${i.path.join(".")}: ${i.message}`);
  }
  return parsed.data;
}

type RateFaultName = "rateLimit" | "serverError" | "malformedPage" | "truncatedPage";

/** Decides, request by request, which faults fire. */
export class FaultDice {
  private random: () => number;
  private fired: Record<RateFaultName, number> = { rateLimit: 0, serverError: 0, malformedPage: 0, truncatedPage: 0 };

  constructor(private faults: SimFaults) {
    this.random = mulberry32(faults.seed);
  }

  get config(): SimFaults {
    return this.faults;
  }

  /** New knobs: the PRNG restarts from the seed and the `times` counters from zero. */
  reset(faults: SimFaults): void {
    this.faults = faults;
    this.random = mulberry32(faults.seed);
    this.fired = { rateLimit: 0, serverError: 0, malformedPage: 0, truncatedPage: 0 };
  }

  roll(name: RateFaultName, endpoint: SimEndpoint): boolean {
    const f = this.faults[name];
    if (f.rate <= 0 || !f.endpoints.includes(endpoint)) return false;
    if (f.times !== null && this.fired[name] >= f.times) return false;
    const hit = f.rate >= 1 || this.random() < f.rate;
    if (hit) this.fired[name]++;
    return hit;
  }

  latency(): number {
    const { latencyMs, latencyJitterMs } = this.faults;
    return latencyMs + (latencyJitterMs > 0 ? this.random() * latencyJitterMs : 0);
  }
}

function num(v: string | undefined): number | undefined {
  if (v === undefined || v.trim() === "") return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw new RangeError(`Not a number: ${v}`);
  return n;
}

function flag(v: string | undefined): boolean | undefined {
  if (v === undefined || v.trim() === "") return undefined;
  return /^(1|true|yes|on)$/i.test(v.trim());
}

function endpoints(v: string | undefined): SimEndpoint[] | undefined {
  if (!v) return undefined;
  return endpointsSchema.parse(v.split(/[\s,]+/).filter(Boolean));
}

/**
 * Knobs from environment variables (passed in, never read here):
 * CXONE_SIM_SEED, CXONE_SIM_LATENCY_MS, CXONE_SIM_LATENCY_JITTER_MS,
 * CXONE_SIM_429_RATE, CXONE_SIM_429_TIMES, CXONE_SIM_RETRY_AFTER ("2", "date:2" or "none"),
 * CXONE_SIM_5XX_RATE, CXONE_SIM_5XX_TIMES, CXONE_SIM_5XX_STATUS, CXONE_SIM_5XX_AFTER_APPLY,
 * CXONE_SIM_FAULT_ENDPOINTS ("import,coverage,run,job,token"), CXONE_SIM_TOKEN_TTL_MS,
 * CXONE_SIM_MALFORMED_RATE, CXONE_SIM_TRUNCATE_RATE, CXONE_SIM_REPEAT_TOKEN,
 * CXONE_SIM_JOB_QUEUED_MS, CXONE_SIM_JOB_RUNNING_MS, CXONE_SIM_JOB_NEVER_COMPLETES,
 * CXONE_SIM_JOB_FAILS.
 */
export function faultsFromEnv(env: Record<string, string | undefined>): SimFaultsPatch {
  const patch: SimFaultsPatch = {};
  const eps = endpoints(env.CXONE_SIM_FAULT_ENDPOINTS);
  const seed = num(env.CXONE_SIM_SEED);
  if (seed !== undefined) patch.seed = seed;
  const latency = num(env.CXONE_SIM_LATENCY_MS);
  if (latency !== undefined) patch.latencyMs = latency;
  const jitter = num(env.CXONE_SIM_LATENCY_JITTER_MS);
  if (jitter !== undefined) patch.latencyJitterMs = jitter;

  const rl: NonNullable<SimFaultsPatch["rateLimit"]> = {};
  const rlRate = num(env.CXONE_SIM_429_RATE);
  if (rlRate !== undefined) rl.rate = rlRate;
  const rlTimes = num(env.CXONE_SIM_429_TIMES);
  if (rlTimes !== undefined) rl.times = rlTimes;
  const ra = env.CXONE_SIM_RETRY_AFTER?.trim();
  if (ra) {
    if (ra === "none") rl.retryAfter = null;
    else if (ra.startsWith("date:")) rl.retryAfter = { seconds: num(ra.slice(5)) ?? 1, format: "http-date" };
    else rl.retryAfter = { seconds: num(ra) ?? 1, format: "seconds" };
  }
  if (eps) rl.endpoints = eps;
  if (Object.keys(rl).length) patch.rateLimit = rl;

  const se: NonNullable<SimFaultsPatch["serverError"]> = {};
  const seRate = num(env.CXONE_SIM_5XX_RATE);
  if (seRate !== undefined) se.rate = seRate;
  const seTimes = num(env.CXONE_SIM_5XX_TIMES);
  if (seTimes !== undefined) se.times = seTimes;
  const seStatus = num(env.CXONE_SIM_5XX_STATUS);
  if (seStatus !== undefined) se.status = seStatus;
  const after = flag(env.CXONE_SIM_5XX_AFTER_APPLY);
  if (after !== undefined) se.afterApply = after;
  if (eps) se.endpoints = eps;
  if (Object.keys(se).length) patch.serverError = se;

  const ttl = num(env.CXONE_SIM_TOKEN_TTL_MS);
  if (ttl !== undefined) patch.tokenLifetimeMs = ttl;
  const mal = num(env.CXONE_SIM_MALFORMED_RATE);
  if (mal !== undefined) patch.malformedPage = { rate: mal };
  const trunc = num(env.CXONE_SIM_TRUNCATE_RATE);
  if (trunc !== undefined) patch.truncatedPage = { rate: trunc };
  const repeat = flag(env.CXONE_SIM_REPEAT_TOKEN);
  if (repeat !== undefined) patch.repeatPageToken = repeat;

  const job: NonNullable<SimFaultsPatch["job"]> = {};
  const q = num(env.CXONE_SIM_JOB_QUEUED_MS);
  if (q !== undefined) job.queuedMs = q;
  const r = num(env.CXONE_SIM_JOB_RUNNING_MS);
  if (r !== undefined) job.runningMs = r;
  const never = flag(env.CXONE_SIM_JOB_NEVER_COMPLETES);
  if (never !== undefined) job.neverCompletes = never;
  const fails = flag(env.CXONE_SIM_JOB_FAILS);
  if (fails !== undefined) job.fails = fails;
  if (Object.keys(job).length) patch.job = job;
  return patch;
}
