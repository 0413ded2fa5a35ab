/**
 * Trading settings and trade requests, shared by the settings form, the server actions
 * and the REST API. Parsing settings yields exactly the `TradingSettings` the trade
 * engine (lib/domain/trades) takes: defaults from DOMAIN.md filled in, critical periods
 * as instants.
 */
import { z } from "zod";
import { safeText } from "./text";
import { DEFAULT_TRADE_POLICIES, DEFAULT_TRADING_SETTINGS } from "@/lib/domain/trades/policies";
import {
  POLICIES,
  TRADE_VIOLATION_TYPES,
  type TradePolicies,
  type TradeProposal,
  type TradingSettings,
} from "@/lib/domain/trades/types";

export const policySchema = z.enum(POLICIES, { error: "Policy must be Allow, AdminReview or Disallow." });

/**
 * One policy per violation type, each defaulting to DOMAIN's. Overlap cannot be anything
 * but Disallow (an agent cannot work two shifts at once). CrossSite is resolved together
 * with `allowCrossSiteTrading` by the settings schema below, so it may be left out here.
 */
const policiesShape = Object.fromEntries(
  TRADE_VIOLATION_TYPES.map((t) => [
    t,
    t === "Overlap"
      ? z.literal("Disallow", { error: "Overlap is always Disallow." }).default("Disallow")
      : t === "CrossSite"
        ? policySchema.optional()
        : policySchema.default(DEFAULT_TRADE_POLICIES[t]),
  ]),
) as {
  [K in keyof TradePolicies]: K extends "Overlap"
    ? z.ZodDefault<z.ZodLiteral<"Disallow">>
    : K extends "CrossSite"
      ? z.ZodOptional<typeof policySchema>
      : z.ZodDefault<typeof policySchema>;
};

/** Unknown keys are refused, each named, so a typo is never stored and silently ignored. */
const unknownKeys = (what: string) => ({
  error: (iss: { code?: string; keys?: string[] }) => (iss.code === "unrecognized_keys" ? `Unknown ${what} ${iss.keys!.map((k) => `"${k}"`).join(", ")}.` : undefined),
});

export const tradePoliciesSchema = z.strictObject(policiesShape, {
  error: (iss) => (iss.code === "unrecognized_keys" ? `Unknown violation type in policies: ${iss.keys.map((k) => `"${k}"`).join(", ")}.` : undefined),
});

/** An instant: ISO 8601 with an offset ("2026-11-27T08:00:00-05:00", never a naive local time) or epoch ms. */
const instantSchema = z.union(
  [z.iso.datetime({ offset: true, error: "Use an ISO date-time with an offset, e.g. 2026-11-27T08:00:00-05:00." }).transform((s) => Date.parse(s)), z.number().int().min(0)],
  { error: "Use an ISO date-time with an offset, e.g. 2026-11-27T08:00:00-05:00." },
);

const optionalId = safeText()
  .trim()
  .max(100)
  .nullish()
  .transform((v) => (v ? v : null));

export const criticalPeriodSchema = z
  .strictObject({
    siteId: optionalId,
    skillId: optionalId,
    start: instantSchema,
    end: instantSchema,
    label: safeText().trim().min(1, { error: "Give the period a label." }).max(120),
  }, unknownKeys("critical period field"))
  .refine((p) => p.end > p.start, { error: "A critical period must end after it starts.", path: ["end"] });

/**
 * Trading settings. Cross-site trading: while `allowCrossSiteTrading` is false the CrossSite
 * policy is Disallow (setting it to anything else is refused, so the form cannot say two
 * things at once); once true, CrossSite defaults to Allow and an admin may choose AdminReview
 * to have the destination site's supervisors sign off each cross-site trade.
 */
export const tradingSettingsSchema = z
  .strictObject({
    enabled: z.boolean().default(DEFAULT_TRADING_SETTINGS.enabled),
    policies: tradePoliciesSchema.prefault({}),
    allowCrossSiteTrading: z.boolean().default(false),
    minHoursInFuture: z.number().min(0).max(24 * 60).default(DEFAULT_TRADING_SETTINGS.minHoursInFuture),
    maxTradesPerAgentPerWeek: z.number().int().min(1).max(100).default(DEFAULT_TRADING_SETTINGS.maxTradesPerAgentPerWeek),
    tradeRateLimit: z
      .strictObject({
        maxApproved: z.number().int().min(1).max(100_000).default(DEFAULT_TRADING_SETTINGS.tradeRateLimit.maxApproved),
        windowHours: z.number().gt(0).max(24 * 31).default(DEFAULT_TRADING_SETTINGS.tradeRateLimit.windowHours),
      }, unknownKeys("trade-rate setting"))
      .prefault({}),
    criticalPeriods: z.array(criticalPeriodSchema).max(1000).default([]),
    cumulativeCoverageThreshold: z
      .number()
      .min(0)
      .max(2, { error: "A threshold above 2 × required is not a coverage threshold." })
      .default(DEFAULT_TRADING_SETTINGS.cumulativeCoverageThreshold),
    unequalPaidToleranceHours: z.number().min(0).max(24).default(DEFAULT_TRADING_SETTINGS.unequalPaidToleranceHours),
    expiryHours: z.number().int().min(1).max(24 * 90).default(DEFAULT_TRADING_SETTINGS.expiryHours),
  }, unknownKeys("trading setting"))
  .superRefine((s, ctx) => {
    if (!s.allowCrossSiteTrading && s.policies.CrossSite && s.policies.CrossSite !== "Disallow") {
      ctx.addIssue({
        code: "custom",
        path: ["policies", "CrossSite"],
        message: "Turn on allowCrossSiteTrading before giving CrossSite a policy other than Disallow.",
      });
    }
  })
  .transform(
    (s): TradingSettings => ({
      ...s,
      // Rebuilt in DOMAIN order, with CrossSite resolved against the switch.
      policies: Object.fromEntries(
        TRADE_VIOLATION_TYPES.map((t) => [
          t,
          t === "CrossSite" ? (s.allowCrossSiteTrading ? (s.policies.CrossSite ?? "Allow") : "Disallow") : s.policies[t],
        ]),
      ) as TradePolicies,
    }),
  );

/** What a settings form or REST body sends (everything optional, dates as ISO text). */
export type TradingSettingsInput = z.input<typeof tradingSettingsSchema>;
/** What the engine takes. */
export type { TradingSettings };

const idSchema = (field: string) =>
  safeText()
    .trim()
    .min(1, { error: `${field} is required.` })
    .max(100, { error: `${field} is too long.` });

const versionSchema = (field: string) => z.number({ error: `${field} must be a number.` }).int().min(0);

/** An empty form field means "not given". */
const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

/**
 * A request to trade: a swap names the receiver's shift (and the version the requester
 * saw), a one-sided trade must not. Refused here, each naming its field: the same agent on
 * both sides, the same shift on both sides, a swap without a receiver shift, a one-sided
 * trade with one.
 */
export const tradeRequestSchema = z
  .object({
    kind: z.enum(["swap", "oneSided"], { error: "kind must be swap or oneSided." }),
    initiatorAgentId: idSchema("initiatorAgentId"),
    initiatorShiftId: idSchema("initiatorShiftId"),
    receiverAgentId: idSchema("receiverAgentId"),
    receiverShiftId: z.preprocess(blankToUndefined, idSchema("receiverShiftId").optional()),
    initiatorShiftVersion: versionSchema("initiatorShiftVersion"),
    receiverShiftVersion: z.preprocess(blankToUndefined, versionSchema("receiverShiftVersion").optional()),
    note: z.preprocess(blankToUndefined, safeText({ multiline: true }).trim().max(500, { error: "note is at most 500 characters." }).optional()),
  })
  .superRefine((r, ctx) => {
    if (r.receiverAgentId === r.initiatorAgentId) {
      ctx.addIssue({ code: "custom", path: ["receiverAgentId"], message: "receiverAgentId must be a different agent than initiatorAgentId." });
    }
    if (r.kind === "swap") {
      if (r.receiverShiftId === undefined) {
        ctx.addIssue({ code: "custom", path: ["receiverShiftId"], message: "receiverShiftId is required for a swap." });
      } else if (r.receiverShiftId === r.initiatorShiftId) {
        ctx.addIssue({ code: "custom", path: ["receiverShiftId"], message: "receiverShiftId must be a different shift than initiatorShiftId." });
      }
      if (r.receiverShiftVersion === undefined) {
        ctx.addIssue({ code: "custom", path: ["receiverShiftVersion"], message: "receiverShiftVersion is required for a swap." });
      }
    } else {
      if (r.receiverShiftId !== undefined) {
        ctx.addIssue({ code: "custom", path: ["receiverShiftId"], message: "receiverShiftId must be empty for a one-sided trade." });
      }
      if (r.receiverShiftVersion !== undefined) {
        ctx.addIssue({ code: "custom", path: ["receiverShiftVersion"], message: "receiverShiftVersion must be empty for a one-sided trade." });
      }
    }
  });

export type TradeRequest = z.infer<typeof tradeRequestSchema>;
export type TradeRequestInput = z.input<typeof tradeRequestSchema>;

/** The engine's view of a validated request, once the service has given it an id. */
export function tradeProposalFrom(id: string, r: TradeRequest): TradeProposal {
  return {
    id,
    kind: r.kind,
    initiatorAgentId: r.initiatorAgentId,
    initiatorShiftId: r.initiatorShiftId,
    receiverAgentId: r.receiverAgentId,
    receiverShiftId: r.kind === "swap" ? (r.receiverShiftId ?? null) : null,
    initiatorShiftVersion: r.initiatorShiftVersion,
    receiverShiftVersion: r.kind === "swap" ? r.receiverShiftVersion : undefined,
  };
}
