import { z } from "zod";
import { rowErrorSchema } from "../../schemas/imports";
import { safeText } from "../../schemas/text";
import { tradeDecisionSchema } from "../../schemas/trade-decision";
import { tradeRequestSchema } from "../../schemas/trades";
import { FILE_BODY, JSON_BODY } from "../csrf";
import { defineOperation, instant, pageOf, pageQuery } from "./define";

const person = z.object({ id: z.string(), name: z.string(), siteId: z.string() });

export const reviewQueueSchema = z.object({
  items: z.array(
    z.looseObject({
      id: z.string(),
      kind: z.enum(["swap", "oneSided"]),
      createdAt: z.string(),
      version: z.number().int(),
      note: z.string().nullable(),
      initiator: person,
      receiver: person,
      shifts: z.array(z.object({ id: z.string(), role: z.enum(["initiator", "receiver"]), siteId: z.string(), timeZone: z.string(), start: instant(), end: instant() })),
      violations: z.array(z.object({ type: z.string(), policy: z.string(), message: z.string() })),
      reviewSites: z.array(z.object({ siteId: z.string(), decision: z.enum(["approve", "reject"]).nullable(), decidedBy: z.string().nullable(), comment: z.string().nullable() })),
      mySites: z.array(z.string()),
      coverageImpact: z.array(z.looseObject({ skillId: z.string(), intervalStart: instant() })).optional(),
    }),
  ),
  alerts: z.array(z.looseObject({ siteId: z.string(), approved: z.number(), limit: z.number(), windowHours: z.number() })),
});

export const bulkTradeOutcomeSchema = z.object({
  filed: z.array(z.looseObject({ row: z.number().int(), tradeId: z.string(), status: z.string(), violations: z.array(z.object({ type: z.string(), policy: z.string(), message: z.string(), shiftId: z.string(), agentId: z.string() })) })),
  errors: z.array(rowErrorSchema),
});

export const tradeQueue = defineOperation({
  path: "/api/v1/trades/queue",
  method: "GET",
  tag: "Trades",
  summary: "The trades waiting for review",
  description: "Pending trades the caller may decide (a supervisor: trades touching their sites) and the trade-rate alerts.",
  response: { description: "The review queue.", schema: reviewQueueSchema, example: { items: [], alerts: [] } },
});

export const bulkTrades = defineOperation({
  path: "/api/v1/trades/bulk",
  method: "POST",
  tag: "Trades",
  summary: "File many trade requests from a CSV",
  description: "Each row goes through the trade engine as if entered by hand: approved, denied or queued for review.",
  fileBody: {
    contentType: "text/csv",
    description: "Columns: kind, initiatorAgentId, initiatorShiftStart, receiverAgentId, receiverShiftStart, note. Up to 2 MB.",
    example: "kind,initiatorAgentId,initiatorShiftStart,receiverAgentId,receiverShiftStart,note\nswap,AGENT-1001,2026-11-24T14:00:00Z,AGENT-1002,2026-11-25T14:00:00Z,family event\n",
  },
  accepts: FILE_BODY,
  idempotent: true,
  maxBodyBytes: 2 * 1024 * 1024,
  response: { description: "The trades filed and the rows refused.", schema: bulkTradeOutcomeSchema, example: { filed: [], errors: [] } },
});

// ── The trade requests themselves (ISO 8601 instants) ──

export const TRADE_STATUSES = ["Unmatched", "Matched", "Approved", "Denied", "PendingReview", "Expired", "Canceled"] as const;

export const tradeIdParam = z.uuid({ error: "Not a trade id." });

export const tradeListQuerySchema = z
  .strictObject({
    ...pageQuery,
    status: z.enum(TRADE_STATUSES, { error: `status is one of ${TRADE_STATUSES.join(", ")}.` }).optional(),
    siteId: safeText().trim().min(1).max(64).optional().meta({ description: "Where the initiator's shift is worked (a supervisor: one of theirs, else 403 SITE_FORBIDDEN)." }),
    from: instant().optional().meta({ description: "The initiator's shift starts at or after this instant (ISO 8601 with offset)." }),
    to: instant().optional().meta({ description: "… and before this one." }),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), { error: "to is not after from.", path: ["to"] });

const violationSchema = z.object({ type: z.string(), policy: z.enum(["Allow", "AdminReview", "Disallow"]), message: z.string() });

export const tradeViewSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["swap", "oneSided"]),
    status: z.enum(TRADE_STATUSES),
    version: z.number().int().meta({ description: "The ETag; a decision's If-Match names it." }),
    note: z.string().nullable(),
    createdAt: instant(),
    decidedAt: instant().nullable(),
    expiresAt: instant().nullable().meta({ description: "An open request undecided by then expires." }),
    siteId: z.string().meta({ description: "Where the initiator's shift is worked." }),
    initiator: z.object({ agentId: z.string(), shiftId: z.string(), shiftVersion: z.number().int() }),
    receiver: z.object({ agentId: z.string(), shiftId: z.string().nullable(), shiftVersion: z.number().int().nullable() }),
    shifts: z.array(z.object({ id: z.string(), role: z.enum(["initiator", "receiver"]), agentId: z.string().meta({ description: "Who holds it now." }), siteId: z.string(), start: instant(), end: instant() })),
    reviewSiteIds: z.array(z.string()).meta({ description: "The sites whose supervisors each decide (PendingReview)." }),
    violations: z.array(violationSchema),
    decisions: z.array(z.object({ siteId: z.string(), decision: z.enum(["approve", "reject"]), comment: z.string().nullable(), by: z.string().nullable(), at: instant() })),
  })
  .meta({ id: "Trade" });

export const tradeVerdictSchema = z.object({
  outcome: z.enum(["Approved", "Denied", "PendingReview"]).meta({ description: "What filing the request now would get." }),
  refusal: z.object({ code: z.string(), message: z.string(), field: z.string().nullable() }).nullable().meta({ description: "Why the engine would not judge it at all (a past shift, a stale version…); filing it would be refused with this message." }),
  violations: z.array(violationSchema.extend({ shiftId: z.string(), agentId: z.string() })),
  reviewSiteIds: z.array(z.string()),
  coverageImpact: z
    .array(z.object({ skillId: z.string(), intervalStart: instant(), required: z.number(), before: z.number(), after: z.number() }))
    .meta({ description: "When it would wait for review: net coverage before and after, per skill and 15-minute interval." }),
});

/** The dashboard's decision form, without the trade id (it is in the path). */
export const tradeDecisionBodySchema = z
  .strictObject({ siteId: tradeDecisionSchema.shape.siteId, decision: tradeDecisionSchema.shape.decision, comment: tradeDecisionSchema.shape.comment })
  .refine((d) => d.decision !== "reject" || (d.comment && d.comment.length > 0), { error: "Say why you reject the trade: the agents will read it.", path: ["comment"] });

export const decisionResultSchema = z.object({
  tradeId: z.string(),
  status: z.enum(["Approved", "Denied", "PendingReview"]),
  message: z.string(),
  version: z.number().int().meta({ description: "The trade's version now (also the ETag)." }),
});

const TRADE_ID = "5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e";
const SHIFT_A = "3f9a6c2e-1b7d-4e8f-9a0b-1c2d3e4f5a6b";
const SHIFT_B = "4a0b7d3f-2c8e-4f9a-8b1c-2d3e4f5a6b7c";
const TRADE_EXAMPLE = {
  id: TRADE_ID,
  kind: "swap" as const,
  status: "PendingReview" as const,
  version: 1,
  note: "family event",
  createdAt: "2026-11-28T10:00:00.000Z",
  decidedAt: null,
  expiresAt: "2026-11-30T10:00:00.000Z",
  siteId: "NYC",
  initiator: { agentId: "AGENT-1001", shiftId: SHIFT_A, shiftVersion: 1 },
  receiver: { agentId: "AGENT-1002", shiftId: SHIFT_B, shiftVersion: 1 },
  shifts: [
    { id: SHIFT_A, role: "initiator" as const, agentId: "AGENT-1001", siteId: "NYC", start: "2026-12-07T13:00:00.000Z", end: "2026-12-07T21:00:00.000Z" },
    { id: SHIFT_B, role: "receiver" as const, agentId: "AGENT-1002", siteId: "NYC", start: "2026-12-08T13:00:00.000Z", end: "2026-12-08T21:00:00.000Z" },
  ],
  reviewSiteIds: ["NYC"],
  violations: [{ type: "CriticalCoveragePeriod", policy: "AdminReview" as const, message: "The shift falls in the critical period Black Friday." }],
  decisions: [],
};
const REQUEST_EXAMPLE = { kind: "swap" as const, initiatorAgentId: "AGENT-1001", initiatorShiftId: SHIFT_A, initiatorShiftVersion: 1, receiverAgentId: "AGENT-1002", receiverShiftId: SHIFT_B, receiverShiftVersion: 1, note: "family event" };
const TRADE_ETAG = { ETag: 'The trade\'s version (e.g. "1"): send it as If-Match with a decision.' };

export const listTrades = defineOperation({
  path: "/api/v1/trades",
  method: "GET",
  tag: "Trades",
  summary: "Trade requests, newest first",
  description: "Every status unless filtered. A supervisor sees the trades whose initiator shift is worked at their sites (as the Trades page's history).",
  input: tradeListQuerySchema,
  inputExample: { status: "PendingReview", siteId: "NYC", from: "2026-12-07T00:00:00-05:00", to: "2026-12-14T00:00:00-05:00", limit: 50 },
  response: { description: "A page of trades.", schema: pageOf(tradeViewSchema), example: { items: [TRADE_EXAMPLE], nextCursor: null } },
});

export const requestTradeOp = defineOperation({
  path: "/api/v1/trades",
  method: "POST",
  tag: "Trades",
  summary: "Request a trade on an agent's behalf",
  description:
    "The same use case as the dashboard's trade form: the engine approves it (applied at once), denies it (recorded with its violations) or queues it for the supervisors of the sites involved. A request the engine will not judge (a past shift, a shift version that moved on, a shift already in another trade) is a 400 naming the field.",
  input: tradeRequestSchema,
  inputExample: REQUEST_EXAMPLE,
  accepts: JSON_BODY,
  idempotent: true,
  response: { status: 201, description: "The trade as filed, with the engine's outcome.", schema: tradeViewSchema, headers: TRADE_ETAG, example: TRADE_EXAMPLE },
});

export const evaluateTradeOp = defineOperation({
  path: "/api/v1/trades/evaluate",
  method: "POST",
  tag: "Trades",
  summary: "Evaluate a trade request without filing it",
  description: "The trade engine's verdict and findings against the schedule as it is now. Nothing is stored or audited; filing the same request a moment later may differ if the schedule changes.",
  input: tradeRequestSchema,
  inputExample: REQUEST_EXAMPLE,
  accepts: JSON_BODY,
  response: {
    description: "The verdict.",
    schema: tradeVerdictSchema,
    example: { outcome: "PendingReview", refusal: null, violations: [{ type: "OneSided", policy: "AdminReview", message: "AGENT-1001 gives a shift away without taking one.", shiftId: SHIFT_A, agentId: "AGENT-1002" }], reviewSiteIds: ["NYC"], coverageImpact: [{ skillId: "SKILL_SALES", intervalStart: "2026-12-07T13:00:00.000Z", required: 12, before: 12.5, after: 12.5 }] },
  },
});

export const getTradeOp = defineOperation({
  path: "/api/v1/trades/[id]",
  method: "GET",
  tag: "Trades",
  summary: "One trade request",
  description: "A supervisor reads it when its initiator's shift or a reviewing site is theirs (else 403 SITE_FORBIDDEN).",
  pathParams: { id: tradeIdParam },
  response: { description: "The trade; the ETag header is its version.", schema: tradeViewSchema, headers: TRADE_ETAG, example: TRADE_EXAMPLE },
});

export const decideTradeOp = defineOperation({
  path: "/api/v1/trades/[id]/decision",
  method: "POST",
  tag: "Trades",
  summary: "Approve or reject a pending trade for one site",
  description:
    "The dashboard's decision: a supervisor decides for one of their sites (another site: 403 SITE_FORBIDDEN). Approval re-checks the trade against the schedule now; once every reviewing site approved, the shifts change hands. A rejection says why in `comment`.",
  pathParams: { id: tradeIdParam },
  headers: [{ name: "If-Match", required: true, description: 'The trade\'s version as GET gave it in ETag (e.g. "1"). Without it: 428; another version: 409 with the trade now in `current`.', example: '"1"' }],
  input: tradeDecisionBodySchema,
  inputExample: { siteId: "NYC", decision: "approve", comment: "Covered by the evening team." },
  accepts: JSON_BODY,
  response: { description: "The trade's status after the decision and what it means.", schema: decisionResultSchema, headers: TRADE_ETAG, example: { tradeId: TRADE_ID, status: "Approved", message: "Approved and applied: the shifts have changed hands.", version: 2 } },
  otherResponses: {
    "409": { description: "The trade changed since that version (`current` is the trade now, code STALE_VERSION), or it is already decided (ALREADY_DECIDED)." },
    "428": { description: "No If-Match: say which version you decide (code PRECONDITION_REQUIRED)." },
  },
});
