/** The flow's usage text, exit codes, I/O seam and its two own error kinds. */
import type { CxoneClientDeps } from "../../lib/cxone/client";
import { DEFAULT_GAP_THRESHOLDS } from "../../lib/domain/gaps";

export const EXIT = {
  OK: 0,
  /** The data: CSV rows invalid, shifts refused by CXone. */
  DATA: 1,
  USAGE: 2,
  AUTH: 3,
  PERMISSION: 4,
  RATE_LIMITED: 5,
  TIMEOUT: 6,
  MALFORMED_RESPONSE: 7,
  AMBIGUOUS_WRITE: 8,
  CXONE: 9,
} as const;

export interface FlowIO {
  /** Results, one line at a time. */
  out: (line: string) => void;
  /** Logs (pino JSON lines) and the final one-line reason. */
  err: { write: (chunk: string) => unknown };
  env: Record<string, string | undefined>;
  readFile: (path: string) => Promise<string>;
  writeFile: (path: string, text: string) => Promise<void>;
  /** Injected into the client (tests: sleep, random). */
  clientDeps?: CxoneClientDeps;
}

export const USAGE = `Usage: npm run cxone:flow -- --shifts FILE.csv [--from YYYY-MM-DD --to YYYY-MM-DD] [options]

Profile (or env CXONE_PROFILE):
  --profile seed|platform   seed: the WFM API contract (import, coverage, optimization; default);
                            platform: NICE's documented APIs (the push is CXone's import template)

Connection, seed (or env CXONE_BASE_URL / CXONE_REGION, CXONE_CLIENT_ID, CXONE_CLIENT_SECRET):
  --base-url URL            CXone base URL (https, or http://127.0.0.1:PORT for the simulator)
  --region NA|EU|JP         a CXone region instead of --base-url
  --client-id ID  --client-secret SECRET

Connection, platform (or env CXONE_TENANT_ID / CXONE_API_HOST, CXONE_ISSUER,
CXONE_ACCESS_KEY_ID, CXONE_ACCESS_KEY_SECRET; --client-id/--client-secret = the registered app):
  --tenant-id ID            discover the tenant's API host …
  --api-host URL            … or give it
  --issuer URL              sign-in issuer (https://cxone.niceincontact.com)
  --api-host-template T     discovery's host form (https://api-{area}.{domain})
  --access-key-id ID  --access-key-secret SECRET
  --template-out FILE       where to write the import template (FILE.csv beside --shifts)
  --template-zone ZONE      clock of the template's times (UTC)
  --publish-state published|unpublished   the target scheduling unit's state, for the instructions

Workflow:
  --shifts FILE.csv         canonical CSV or CXone's import template
  --from DATE --to DATE     coverage and optimization window (default: the shifts' span, UTC days)
  --overwrite-conflicts     replace overlapping shifts in CXone
  --batch-size N            shifts per import request (500)
  --page-size N             coverage records per page (100)
  --threshold R             a day is a gap below this coverage ratio (${DEFAULT_GAP_THRESHOLDS.gapBelow})
  --high-below R            … HIGH priority below this (${DEFAULT_GAP_THRESHOLDS.highBelow})
  --max-overtime H          overtime hours per agent the optimizer may use (4)
  --poll-deadline-s S       give up polling the optimization after S seconds (600)
  --poll-interval-ms MS     first wait between polls, doubling to 15 s (1000)
  --timeout-ms MS           per-request timeout (30000)
  --json                    print the final result as JSON instead of tables
  --log-level LEVEL         pino level for stderr logs (info)

Demo:
  --demo-shifts-out FILE    write the demo center's published week as a canonical CSV
  --demo-week YYYY-MM-DD    the Monday of that week (default: this week)

Exit codes: 0 done, 1 data rejected, 2 usage, 3 auth, 4 permission (scope named),
5 rate limited, 6 timeout (job id named), 7 malformed response (field named),
8 write may or may not have been applied, 9 other CXone failure.`;

export class UsageError extends Error {}
export class DataError extends Error {}

