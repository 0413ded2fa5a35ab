/**
 * What the trade use cases answer, as the browser receives it (JSON). Shared by the
 * services that build these and the components that show them; no server code here.
 */
import type { TradeEvaluation } from "../domain/trades";
import type { RowError } from "../schemas/imports";

export type TradeOutcome = "Approved" | "Denied" | "PendingReview";

export interface TradeRequestResult {
  tradeId: string;
  status: TradeOutcome;
  violations: TradeEvaluation["violations"];
  reviewSiteIds: string[];
}

export interface DecisionResult {
  tradeId: string;
  status: TradeOutcome;
  message: string;
  /** The trade's version after the decision (its ETag). */
  version: number;
}

export interface QueueItem {
  id: string;
  kind: "swap" | "oneSided";
  createdAt: string;
  version: number;
  note: string | null;
  initiator: { id: string; name: string; siteId: string };
  receiver: { id: string; name: string; siteId: string };
  shifts: { id: string; role: "initiator" | "receiver"; siteId: string; timeZone: string; start: number; end: number }[];
  violations: { type: string; policy: string; message: string }[];
  reviewSites: { siteId: string; decision: "approve" | "reject" | null; decidedBy: string | null; comment: string | null }[];
  /** The sites the viewer can still decide for. */
  mySites: string[];
  coverageImpact: TradeEvaluation["coverageImpact"];
}

export interface RateAlert {
  siteId: string;
  approved: number;
  limit: number;
  windowHours: number;
}

export interface ReviewQueue {
  items: QueueItem[];
  alerts: RateAlert[];
}

export interface TradeHistoryItem {
  id: string;
  kind: "swap" | "oneSided";
  status: string;
  createdAt: string;
  decidedAt: string | null;
  initiatorAgentId: string;
  receiverAgentId: string;
  siteId: string;
  shiftStart: number;
  shiftEnd: number;
  violations: string[];
  decisions: { siteId: string; decision: "approve" | "reject"; comment: string | null; by: string | null; at: string }[];
}

/** What POST /api/v1/trades/bulk answers: the outcome, each violation without the engine's raw parameters. */
export interface BulkTradeFiled {
  filed: Array<{ row: number; tradeId: string; status: TradeOutcome; reviewSiteIds: string[]; violations: { type: string; policy: string; message: string; shiftId: string; agentId: string }[] }>;
  errors: RowError[];
}

export interface BulkTradeOutcome {
  filed: Array<{ row: number } & TradeRequestResult>;
  errors: RowError[];
}

/** One of an agent's own trade requests, as /me shows it. */
export interface MyTrade {
  id: string;
  kind: "swap" | "oneSided";
  status: string;
  /** Filed by this agent (else received from `otherAgentId`). */
  mine: boolean;
  otherAgentId: string;
  siteId: string;
  shiftStart: number;
  shiftEnd: number;
  createdAt: string;
  cancelable: boolean;
  outcome: string;
}

/** One trade request as the API answers it (GET /api/v1/trades, /trades/{id}); instants ISO 8601 UTC. */
export interface TradeView {
  id: string;
  kind: "swap" | "oneSided";
  status: string;
  /** Bumped on every state change: the ETag, and what a decision's If-Match names. */
  version: number;
  note: string | null;
  createdAt: string;
  decidedAt: string | null;
  expiresAt: string | null;
  /** Where the initiator's shift is worked. */
  siteId: string;
  initiator: { agentId: string; shiftId: string; shiftVersion: number };
  receiver: { agentId: string; shiftId: string | null; shiftVersion: number | null };
  shifts: { id: string; role: "initiator" | "receiver"; agentId: string; siteId: string; start: string; end: string }[];
  reviewSiteIds: string[];
  violations: { type: string; policy: string; message: string }[];
  decisions: { siteId: string; decision: "approve" | "reject"; comment: string | null; by: string | null; at: string }[];
}

/** The trade engine's verdict on a request that is not filed (POST /api/v1/trades/evaluate). */
export interface TradeVerdict {
  outcome: TradeOutcome;
  /** Why the engine would not even judge it (then Denied, no violations); null when it did. */
  refusal: { code: string; message: string; field: string | null } | null;
  violations: { type: string; policy: string; message: string; shiftId: string; agentId: string }[];
  reviewSiteIds: string[];
  /** For a trade that would wait for review: the net coverage before and after, per skill and interval. */
  coverageImpact: { skillId: string; intervalStart: string; required: number; before: number; after: number }[];
}
