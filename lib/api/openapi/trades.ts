import { z } from "zod";
import { rowErrorSchema } from "../../schemas/imports";
import { FILE_BODY } from "../csrf";
import { defineOperation } from "./define";

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
      shifts: z.array(z.object({ id: z.string(), role: z.enum(["initiator", "receiver"]), siteId: z.string(), timeZone: z.string(), start: z.number().meta({ description: "Epoch ms." }), end: z.number().meta({ description: "Epoch ms." }) })),
      violations: z.array(z.object({ type: z.string(), policy: z.string(), message: z.string() })),
      reviewSites: z.array(z.object({ siteId: z.string(), decision: z.enum(["approve", "reject"]).nullable(), decidedBy: z.string().nullable(), comment: z.string().nullable() })),
      mySites: z.array(z.string()),
    }),
  ),
  alerts: z.array(z.looseObject({ siteId: z.string(), approved: z.number(), limit: z.number(), windowHours: z.number() })),
});

export const bulkTradeOutcomeSchema = z.object({
  filed: z.array(z.looseObject({ row: z.number().int() })),
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
