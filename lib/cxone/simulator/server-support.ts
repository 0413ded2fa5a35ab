import "server-only";
/**
 * The simulator's plumbing: its options and stats shapes, the seed routes and their
 * scopes, body reading with a cap, constant-time secret checks and page tokens.
 */
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { CXONE_SCOPES, ENDPOINT_SCOPES, type CxoneScope } from "../config";
import type { SimEndpoint, SimFaults, SimFaultsPatch } from "./faults";
import type { SimPlatformOptions } from "./platform";
import { SimHttpError, type SimData, type SimStore } from "./store";

export type SeedEndpoint = "token" | "import" | "coverage" | "run" | "job";

export interface SimClient {
  clientId: string;
  clientSecret: string;
  /** Scopes this API client may be granted. */
  scopes: readonly CxoneScope[];
}

export const DEFAULT_SIM_CLIENT: SimClient = { clientId: "sim-client", clientSecret: "sim-secret", scopes: CXONE_SCOPES };

export interface SimulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  clients?: SimClient[];
  faults?: SimFaultsPatch;
  data?: SimData;
  /** Zone of the daily coverage roll-up; default UTC (CXone's day records are UTC). */
  timeZone?: string;
  now?: () => number;
  /** Called after every answer. */
  onRequest?: (entry: SimRequestLog) => void;
  /** Which CXone the simulator is: the seed's WFM API contract (default) or the NICE platform. */
  profile?: "seed" | "platform";
  /** Tenants, API users and their roles, registered apps, discovery faults (platform profile). */
  platform?: SimPlatformOptions;
}

export interface SimRequestLog {
  at: number;
  method: string;
  path: string;
  endpoint: SimEndpoint | "control" | "unknown";
  status: number;
  /** The fault that shaped the answer, if any. */
  fault?: "rateLimit" | "serverError" | "serverErrorAfterApply" | "malformedPage" | "truncatedPage" | "repeatPageToken";
  /** For imports: validateOnly flag of the body. */
  validateOnly?: boolean;
  /** For imports: the proficiencyLevel values as sent (names or numbers), first 20. */
  proficiencyLevels?: unknown[];
}

export interface SimStats {
  requests: Record<SimEndpoint | "control" | "unknown", number>;
  statuses: Record<string, number>;
  tokensIssued: number;
  appliedImports: number;
  jobsCreated: number;
  shifts: number;
  log: SimRequestLog[];
}

export interface SimControl {
  faults(): SimFaults;
  setFaults(patch: SimFaultsPatch): SimFaults;
  /** Back to the faults the simulator was started with. */
  resetFaults(): SimFaults;
  stats(): SimStats;
  resetStats(): void;
  /** Every issued token stops working (the next request of each client gets a 401). */
  revokeTokens(): void;
  load(data: SimData): void;
  readonly store: SimStore;
}

export interface RunningSimulator {
  url: string;
  port: number;
  control: SimControl;
  close(): Promise<void>;
}

export const LOG_LIMIT = 5_000;
export const BODY_LIMIT = 32 * 1024 * 1024;

export interface TokenRecord {
  clientId: string;
  scopes: Set<string>;
  expiresAt: number;
}

export interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export const errorsBody = (code: string, message: string, field?: string) => ({ errors: [{ ...(field ? { field } : {}), code, message }] });

export function route(method: string, path: string): { endpoint: SeedEndpoint; jobId?: string } | { wrongMethod: true } | null {
  const table: [SeedEndpoint, string, RegExp][] = [
    ["token", "POST", /^\/oauth\/token$/],
    ["import", "POST", /^\/api\/v1\/wfm\/schedule\/shifts\/import$/],
    ["coverage", "GET", /^\/api\/v1\/wfm\/schedule\/coverage$/],
    ["run", "POST", /^\/api\/v1\/wfm\/schedule\/optimization\/run$/],
    ["job", "GET", /^\/api\/v1\/wfm\/schedule\/optimization\/jobs\/([^/]+)$/],
  ];
  for (const [endpoint, m, re] of table) {
    const hit = re.exec(path);
    if (!hit) continue;
    if (m !== method) return { wrongMethod: true };
    return { endpoint, jobId: hit[1] ? decodeURIComponent(hit[1]) : undefined };
  }
  return null;
}

export const ENDPOINT_SCOPE: Record<Exclude<SeedEndpoint, "token">, CxoneScope> = {
  import: ENDPOINT_SCOPES.importShifts,
  coverage: ENDPOINT_SCOPES.coverage,
  run: ENDPOINT_SCOPES.runOptimization,
  job: ENDPOINT_SCOPES.optimizationJob,
};

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > BODY_LIMIT) {
        reject(new SimHttpError(413, [{ code: "BODY_TOO_LARGE", message: `The body exceeds ${BODY_LIMIT} bytes` }]));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function encodePageToken(offset: number, query: string): string {
  return Buffer.from(JSON.stringify({ o: offset, q: query })).toString("base64url");
}

export function decodePageToken(token: string, query: string): number {
  try {
    const v = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as { o?: unknown; q?: unknown };
    if (typeof v.o === "number" && Number.isInteger(v.o) && v.o >= 0 && v.q === query) return v.o;
  } catch {
    // fall through
  }
  throw new SimHttpError(400, [{ field: "nextPageToken", code: "INVALID_PAGE_TOKEN", message: "The page token is not valid for this query" }]);
}
