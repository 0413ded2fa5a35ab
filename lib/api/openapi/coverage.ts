import { z } from "zod";
import { dateKey } from "../../schemas/coverage";
import { safeText } from "../../schemas/text";
import { defineOperation, instant, pageOf, pageQuery } from "./define";

/** At most a month per request: a month of 15-minute intervals per skill is already ~3,000 rows each. */
export const MAX_API_DAYS = 31;

const rangeFields = {
  from: dateKey.optional().meta({ description: "First day (YYYY-MM-DD, the site's local day; UTC without a site). Default: the demo week / current week." }),
  to: dateKey.optional().meta({ description: `Last day, inclusive (default from + 6). At most ${MAX_API_DAYS} days.` }),
  site: safeText().max(64).optional().meta({ description: "A site id: its own shifts, its local days." }),
  skill: safeText().max(64).optional().meta({ description: "One skill id (default: every skill)." }),
  mode: z.enum(["net", "gross"]).default("net").meta({ description: "net splits a multi-skilled agent across skills (what gaps use); gross counts them fully for each." }),
};

const rangeChecks = <T extends z.ZodType<{ from?: string; to?: string }>>(schema: T) =>
  schema
    .refine((q) => !q.from || !q.to || q.from <= q.to, { error: "The end date is before the start date.", path: ["to"] })
    .refine((q) => !q.from || !q.to || (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_API_DAYS, { error: `Pick at most ${MAX_API_DAYS} days.`, path: ["to"] });

export const coverageQuerySchema = rangeChecks(z.strictObject(rangeFields));
export const gapsQuerySchema = rangeChecks(z.strictObject({ ...rangeFields, ...pageQuery }));

const intervalSchema = z.object({
  start: z.iso.datetime({ offset: true }),
  required: z.number().meta({ description: "Agents required (Erlang C from the forecast, or as uploaded)." }),
  scheduled: z.number().meta({ description: "Agents scheduled (net or gross)." }),
  otherSites: z.number().optional().meta({ description: "With a site on a shared queue: the other sites' share." }),
  shortfall: z.number(),
});

export const coverageSchema = z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.string().meta({ description: "The zone of from/to: the site's, or UTC." }),
  site: z.object({ id: z.string(), name: z.string() }).nullable(),
  mode: z.enum(["net", "gross"]),
  intervalMinutes: z.literal(15),
  requiredSource: z.enum(["shared", "site", "all"]).meta({
    description: 'With a site: "shared" when some skill\'s required is the queue every site answers, "site" when every skill has the site\'s own demand; "all" without a site.',
  }),
  skills: z.array(
    z.object({
      skillId: z.string(),
      name: z.string(),
      requiredSource: z
        .enum(["site demand", "shared demand", "no demand"])
        .nullable()
        .meta({ description: "With a site: where this skill's required comes from (against the site's own demand the other sites are left out); null without a site." }),
      intervals: z.array(intervalSchema),
    }),
  ),
});

export const gapSchema = z.object({
  skillId: z.string(),
  skillName: z.string(),
  date: z.string().meta({ description: "The local date the window starts on." }),
  start: z.iso.datetime({ offset: true }),
  end: z.iso.datetime({ offset: true }),
  peakShortfall: z.number(),
  deficitHours: z.number(),
  priority: z.enum(["HIGH", "MEDIUM"]),
  description: z.string(),
});

export const gapsSchema = pageOf(gapSchema).extend({ timeZone: z.string() });

export const getCoverage = defineOperation({
  path: "/api/v1/coverage",
  method: "GET",
  tag: "Coverage",
  summary: "Coverage against demand per skill and 15-minute interval",
  input: coverageQuerySchema,
  inputExample: { from: "2026-11-23", to: "2026-11-29", site: "NYC", mode: "net" },
  response: {
    description: "Per skill, every interval's required, scheduled and shortfall.",
    schema: coverageSchema,
    example: {
      from: "2026-11-23",
      to: "2026-11-29",
      timeZone: "America/New_York",
      site: { id: "NYC", name: "New York" },
      mode: "net",
      intervalMinutes: 15,
      requiredSource: "shared",
      skills: [{ skillId: "SKILL_SALES", name: "Sales", requiredSource: "shared demand", intervals: [{ start: "2026-11-23T14:00:00.000Z", required: 12, scheduled: 9.5, otherSites: 1, shortfall: 1.5 }] }],
    },
  },
});

export const getGapsOperation = defineOperation({
  path: "/api/v1/gaps",
  method: "GET",
  tag: "Coverage",
  summary: "Gap windows: runs of understaffed intervals, largest deficit first",
  input: gapsQuerySchema,
  inputExample: { from: "2026-11-23", to: "2026-11-29", limit: 20 },
  response: {
    description: "A page of gap windows.",
    schema: gapsSchema,
    example: {
      timeZone: "UTC",
      items: [{ skillId: "SKILL_SALES", skillName: "Sales", date: "2026-11-23", start: "2026-11-23T14:00:00.000Z", end: "2026-11-23T16:00:00.000Z", peakShortfall: 3.2, deficitHours: 4.5, priority: "HIGH", description: "SKILL_SALES Mon 23 Nov 14:00–16:00 UTC: short 3.2 agents at peak" }],
      nextCursor: null,
    },
  },
});

// ── Demand as loaded ──

export const demandQuerySchema = z
  .strictObject({
    from: dateKey.meta({ description: "First day (YYYY-MM-DD): the site's local day with a site, else UTC." }),
    to: dateKey.optional().meta({ description: `Last day, inclusive (default from + 6). At most ${MAX_API_DAYS} days.` }),
    skill: safeText().max(64).optional().meta({ description: "One skill id (default: every skill with demand)." }),
    site: safeText().max(64).optional().meta({ description: "A site: its own demand rows and the shared queue's (siteId null)." }),
  })
  .refine((q) => !q.to || q.from <= q.to, { error: "The end date is before the start date.", path: ["to"] })
  .refine((q) => !q.to || (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_API_DAYS, { error: `Pick at most ${MAX_API_DAYS} days.`, path: ["to"] });

export const demandSchema = z.object({
  from: z.string(),
  to: z.string(),
  timeZone: z.string(),
  site: z.object({ id: z.string(), name: z.string() }).nullable(),
  intervalMinutes: z.literal(15),
  skills: z.array(
    z.object({
      skillId: z.string(),
      intervals: z.array(
        z.object({
          start: instant(),
          siteId: z.string().nullable().meta({ description: "null: the queue every site shares." }),
          requiredAgents: z.number(),
          offeredContacts: z.number().nullable().meta({ description: "From a forecast; null when required agents were uploaded directly." }),
          ahtSeconds: z.number().nullable(),
        }),
      ).meta({ description: "Only the stored intervals, earliest first (an interval without a row requires 0)." }),
    }),
  ),
});

export const getDemandOp = defineOperation({
  path: "/api/v1/demand",
  method: "GET",
  tag: "Coverage",
  summary: "Demand as loaded, per skill and 15-minute interval",
  description: `What demand imports stored (at most ${MAX_API_DAYS} days per request): required agents, and contacts and AHT when it came from a forecast.`,
  input: demandQuerySchema,
  inputExample: { from: "2026-11-23", to: "2026-11-29", skill: "SKILL_SALES", site: "NYC" },
  response: {
    description: "Per skill, the stored intervals.",
    schema: demandSchema,
    example: { from: "2026-11-23", to: "2026-11-29", timeZone: "America/New_York", site: { id: "NYC", name: "New York" }, intervalMinutes: 15, skills: [{ skillId: "SKILL_SALES", intervals: [{ start: "2026-11-23T14:00:00.000Z", siteId: null, requiredAgents: 12.4, offeredContacts: 100, ahtSeconds: 180 }] }] },
  },
});
