/**
 * Every declared operation of /api/v1. A new route area adds its module here; the
 * contract test (tests/integration/api-contract.test.ts) fails for any route file or
 * method under app/api/v1 that no module declares.
 */
import type { Operation } from "./define";
import * as bidding from "./bidding";
import * as coverage from "./coverage";
import * as cxone from "./cxone";
import * as imports from "./imports";
import * as me from "./me";
import * as optimization from "./optimization";
import * as reference from "./reference";
import * as schedule from "./schedule";
import * as shifts from "./shifts";
import * as staffing from "./staffing";
import * as trades from "./trades";
import * as webhooks from "./webhooks";

const isOperation = (v: unknown): v is Operation => !!v && typeof v === "object" && "route" in v && "path" in v && "method" in v && "response" in v;

export const OPERATIONS: readonly Operation[] = [me, reference, coverage, staffing, shifts, schedule, imports, trades, optimization, bidding, cxone, webhooks].flatMap((m) => Object.values(m).filter(isOperation));
