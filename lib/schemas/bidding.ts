/**
 * Bid scopes, biddable lines and bids, shared by the admin forms, the server actions and
 * the REST API. Parsing yields exactly the shapes the bidding engine (lib/domain/bidding)
 * takes, with DOMAIN's defaults filled in. Every message names the field at fault.
 */
import { z } from "zod";
import { DEFAULT_TIE_BREAKERS } from "@/lib/domain/bidding/priority";
import { clockMinutes } from "@/lib/domain/bidding/lines";
import { TIE_BREAKERS, type Bid, type BidLine, type BidScope } from "@/lib/domain/bidding/types";
import { naiveLocalMs, windowInstants } from "@/lib/domain/bidding/window";
import { isValidTimeZone, parseDateKey } from "@/lib/domain/time";

const id = (what: string) => z.string({ error: `${what} is required.` }).trim().min(1, { error: `${what} is required.` }).max(100);
const zone = z.string().refine(isValidTimeZone, { error: (i) => `${String(i.input)} is not an IANA time zone (e.g. America/New_York).` });
const dateKey = z.string().refine((s) => parseDateKey(s) !== null, { error: (i) => `${String(i.input)} is not a date (YYYY-MM-DD).` });
const clockTime = z.string().refine((s) => clockMinutes(s) !== null, { error: (i) => `${String(i.input)} is not a clock time (HH:MM).` });
const localDateTime = z.string().refine((s) => naiveLocalMs(s) !== null, { error: (i) => `${String(i.input)} is not a local date-time (YYYY-MM-DDTHH:MM).` });
/** An instant: ISO 8601 with an offset, or epoch ms. */
const instant = z.union([z.iso.datetime({ offset: true }).transform((s) => Date.parse(s)), z.number().int().min(0)], {
  error: "Use an ISO date-time with an offset, e.g. 2026-06-01T08:00:00-04:00.",
});
const unique = (xs: string[]) => new Set(xs).size === xs.length;

export const attributeConditionSchema = z.union(
  [
    z.object({ type: z.literal("attribute"), operator: z.literal("equals"), attributeName: id("The attribute name"), attributeValue: z.string().min(1, { error: "Give the value the attribute must equal." }) }).transform((c) => ({
      type: "attribute" as const,
      operator: "equals" as const,
      attributeName: c.attributeName,
      values: [c.attributeValue],
    })),
    z.object({
      type: z.literal("attribute"),
      operator: z.literal("in"),
      attributeName: id("The attribute name"),
      attributeValues: z.array(z.string().min(1)).min(1, { error: "List at least one value for an 'in' condition." }),
    }).transform((c) => ({ type: "attribute" as const, operator: "in" as const, attributeName: c.attributeName, values: c.attributeValues })),
  ],
  { error: "A condition is {type: 'attribute', operator: 'equals', attributeName, attributeValue} or operator 'in' with attributeValues." },
);

const windowSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("offsets"),
      openOffsetSeconds: z.number().int({ error: "Offsets are whole seconds." }),
      closeOffsetSeconds: z.number().int({ error: "Offsets are whole seconds." }),
      timeZone: zone,
    }),
    z.object({ kind: z.literal("dates"), opensAt: localDateTime, closesAt: localDateTime, timeZone: zone }),
  ],
  { error: "The window is {kind: 'offsets', openOffsetSeconds, closeOffsetSeconds, timeZone} or {kind: 'dates', opensAt, closesAt, timeZone}." },
);

const tierCutoffs = {
  tenure: z.object({ basis: z.literal("tenure"), hiredOnOrBefore: z.array(dateKey).max(20).default([]) }),
  performance: z.object({ basis: z.literal("performance"), rankAtMost: z.array(z.number().int().min(1)).max(20).default([]) }),
  attribute: z.object({ basis: z.literal("attribute"), attributeName: id("The priority attribute"), tiers: z.array(z.array(z.string().min(1)).min(1)).min(1, { error: "List the attribute values of each tier." }).max(20) }),
};

const prioritySchema = z
  .discriminatedUnion("basis", [tierCutoffs.tenure, tierCutoffs.performance, tierCutoffs.attribute], {
    error: "Priority basis must be tenure, performance or attribute.",
  })
  .and(
    z.object({
      tieBreakers: z
        .array(z.enum(TIE_BREAKERS, { error: `Tie-breakers are ${TIE_BREAKERS.join(", ")}.` }))
        .refine(unique, { error: "A tie-breaker is listed twice." })
        .default([...DEFAULT_TIE_BREAKERS]),
      seed: z.number().int().min(0).max(0xffffffff, { error: "The draw seed is a 32-bit whole number." }),
      crossSite: z.object({ homeSites: z.array(id("A site")).min(1), when: z.enum(["always", "siteUnderstaffed"]) }).nullable().default(null),
    }),
  )
  .superRefine((p, ctx) => {
    const ascending = (xs: readonly (string | number)[]) => xs.every((x, i) => i === 0 || xs[i - 1] < x);
    if (p.basis === "tenure" && !ascending(p.hiredOnOrBefore)) ctx.addIssue({ code: "custom", path: ["hiredOnOrBefore"], message: "Hire-date cutoffs must go from earliest to latest." });
    if (p.basis === "performance" && !ascending(p.rankAtMost)) ctx.addIssue({ code: "custom", path: ["rankAtMost"], message: "Rank cutoffs must go from best (smallest) to worst." });
  });

export const bidScopeSchema = z
  .object({
    id: id("The scope id"),
    name: z.string().trim().min(1, { error: "Give the scope a name." }).max(120),
    status: z.enum(["draft", "open", "closed", "archived"]).default("draft"),
    locations: z
      .array(id("A site"))
      .min(1, { error: "A bid scope needs at least one site (location): without one it leaks across sites." })
      .refine(unique, { error: "A site is listed twice." }),
    skillGroups: z.array(id("A skill")).min(1, { error: "A bid scope needs at least one skill group." }).refine(unique, { error: "A skill group is listed twice." }),
    bidderSites: z.array(id("A site")).refine(unique, { error: "A bidder site is listed twice." }).optional(),
    users: z.array(id("An agent")).nullable().default(null),
    eligibility: z
      .object({ conditions: z.array(attributeConditionSchema).max(20).default([]), allowedZones: z.array(zone).default([]) })
      .prefault({}),
    period: z.object({ start: dateKey, end: dateKey }).refine((p) => p.end >= p.start, { error: "The bid period ends before it starts.", path: ["end"] }),
    window: windowSchema,
    constraints: z
      .object({
        maxShiftsPerDay: z.number().int().min(1, { error: "maxShiftsPerDay must be at least 1." }).max(4).default(1),
        maxShiftsPerWeek: z.number().int().min(1, { error: "maxShiftsPerWeek must be at least 1." }).max(14).default(5),
        maxLinesPerAgent: z.number().int().min(1).max(14).default(1),
        requireAvailability: z.boolean().default(true),
        respectLaborRules: z.boolean().default(true),
      })
      .prefault({}),
    priority: prioritySchema,
    wave: z.number().int().min(1, { error: "Waves are numbered from 1." }).max(20).default(1),
    lockDurationHours: z.number().gt(0, { error: "A lock must last some time." }).max(24 * 14).default(24),
    autoRelease: z.boolean().default(true),
  })
  .superRefine((s, ctx) => {
    if (parseDateKey(s.period.start) === null || !isValidTimeZone(s.window.timeZone)) return;
    if (s.window.kind === "dates" && (naiveLocalMs(s.window.opensAt) === null || naiveLocalMs(s.window.closesAt) === null)) return;
    const w = windowInstants(s.window, s.period.start);
    if (w.closesAt <= w.opensAt) {
      ctx.addIssue({ code: "custom", path: ["window", s.window.kind === "dates" ? "closesAt" : "closeOffsetSeconds"], message: "The bidding window closes before it opens." });
    }
  })
  .transform((s): BidScope => ({ ...s, bidderSites: s.bidderSites ?? s.locations }));
export type BidScopeInput = z.input<typeof bidScopeSchema>;

export const bidLineSchema = z
  .object({
    id: id("The line id"),
    label: z.string().trim().min(1, { error: "Give the line a label." }).max(120),
    siteId: id("The site"),
    skillId: id("The skill"),
    days: z
      .array(z.number().int().min(1).max(7, { error: "Days are ISO weekdays, 1 = Monday … 7 = Sunday." }))
      .min(1, { error: "A line needs at least one day." })
      .refine((d) => new Set(d).size === d.length, { error: "A day is listed twice." }),
    start: clockTime,
    end: clockTime,
    slots: z.number().int({ error: "Slots are a whole number." }).min(1, { error: "A line needs at least 1 slot." }).max(10_000),
    breaks: z.array(z.object({ startOffsetMinutes: z.number().int().min(0), durationMinutes: z.number().int().min(1).max(240), paid: z.boolean() })).default([]),
  })
  .refine((l) => l.start !== l.end, { error: "A line cannot start and end at the same time.", path: ["end"] })
  .transform((l): BidLine => ({ ...l, days: [...l.days].sort((a, b) => a - b) }));
export type BidLineInput = z.input<typeof bidLineSchema>;

export const bidSchema = z
  .object({
    agentId: id("The agent"),
    scopeId: id("The scope"),
    preferences: z.array(z.object({ lineId: id("The line"), rank: z.number().int().min(1, { error: "Ranks start at 1." }) })).max(500),
    submittedAt: instant.nullable().default(null),
    lock: z.object({ lineId: id("The locked line"), lockedAt: instant, committedAt: instant.nullable().default(null), releasedAt: instant.nullable().default(null) }).nullable().default(null),
  })
  .superRefine((b, ctx) => {
    const ranks = new Map<number, number>();
    const lines = new Map<string, number>();
    b.preferences.forEach((p, i) => {
      if (ranks.has(p.rank)) ctx.addIssue({ code: "custom", path: ["preferences", i, "rank"], message: `Rank ${p.rank} is given twice (preferences ${ranks.get(p.rank)! + 1} and ${i + 1}).` });
      else ranks.set(p.rank, i);
      if (lines.has(p.lineId)) ctx.addIssue({ code: "custom", path: ["preferences", i, "lineId"], message: `Line ${p.lineId} is ranked twice.` });
      else lines.set(p.lineId, i);
    });
    if (b.lock?.committedAt != null && b.lock.committedAt < b.lock.lockedAt) ctx.addIssue({ code: "custom", path: ["lock", "committedAt"], message: "A lock cannot be committed before it was taken." });
  })
  .transform((b): Bid => b);
export type BidInput = z.input<typeof bidSchema>;
