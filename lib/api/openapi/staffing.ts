import { z } from "zod";
import { defineOperation } from "./define";

export const erlangCInputSchema = z.strictObject({
  intervalMinutes: z.number().int({ error: "intervalMinutes is whole minutes." }).min(5, { error: "intervalMinutes is at least 5." }).max(1440).default(15).meta({ description: "Interval length in minutes (15 or 30 usually)." }),
  serviceLevelTarget: z.number().gt(0, { error: "serviceLevelTarget is above 0." }).lt(1, { error: "serviceLevelTarget is below 1 (Erlang C never answers every contact in time)." }).meta({ description: "Fraction answered within the threshold: 0.8 = 80 %." }),
  serviceLevelSeconds: z.number().int().min(0).max(3600).meta({ description: "The threshold: answered within this many seconds." }),
  maxOccupancy: z.number().gt(0).max(1).optional().meta({ description: "Highest acceptable occupancy (default 0.85)." }),
  shrinkage: z.number().min(0).lt(0.9, { error: "shrinkage of 90 % or more leaves nobody on the phones." }).optional().meta({ description: "Share of paid time off the phones (default 0.30)." }),
  intervals: z
    .array(
      z.strictObject({
        start: z.iso.datetime({ offset: true }).optional().meta({ description: "Echoed back, to label the interval." }),
        contacts: z.number().min(0, { error: "contacts cannot be negative." }).max(1_000_000),
        ahtSeconds: z.number().min(0, { error: "ahtSeconds cannot be negative." }).max(86_400),
      }),
    )
    .min(1, { error: "Send at least one interval." })
    .max(3000, { error: "At most 3,000 intervals per request (a month of 15-minute intervals)." }),
});

export const erlangCResultSchema = z.object({
  settings: z.object({ intervalMinutes: z.number(), serviceLevelTarget: z.number(), serviceLevelSeconds: z.number(), maxOccupancy: z.number(), shrinkage: z.number() }),
  intervals: z.array(
    z.object({
      start: z.string().nullable(),
      contacts: z.number(),
      ahtSeconds: z.number(),
      trafficErlangs: z.number(),
      agents: z.number().int().meta({ description: "Agents on the phones." }),
      scheduled: z.number().int().meta({ description: "Agents to schedule: agents / (1 − shrinkage), rounded up." }),
      serviceLevel: z.number(),
      asaSeconds: z.number().nullable().meta({ description: "Average speed of answer; null when unreachable." }),
      occupancy: z.number(),
      reachable: z.boolean().meta({ description: "False when no staffing meets the target (bad input or beyond the search cap)." }),
    }),
  ),
  peak: z.object({ agents: z.number().int(), scheduled: z.number().int() }),
});

export const erlangC = defineOperation({
  path: "/api/v1/staffing/erlang-c",
  method: "POST",
  tag: "Staffing",
  summary: "Erlang C: agents needed per interval",
  description: "The engine the demand import uses to turn a forecast into required agents. Stateless: nothing is stored.",
  input: erlangCInputSchema,
  inputExample: { intervalMinutes: 30, serviceLevelTarget: 0.8, serviceLevelSeconds: 20, maxOccupancy: 0.85, shrinkage: 0.3, intervals: [{ start: "2026-11-23T14:00:00Z", contacts: 100, ahtSeconds: 180 }] },
  response: {
    description: "Per interval: agents, service level, ASA and occupancy.",
    schema: erlangCResultSchema,
    example: {
      settings: { intervalMinutes: 30, serviceLevelTarget: 0.8, serviceLevelSeconds: 20, maxOccupancy: 0.85, shrinkage: 0.3 },
      intervals: [{ start: "2026-11-23T14:00:00Z", contacts: 100, ahtSeconds: 180, trafficErlangs: 10, agents: 14, scheduled: 20, serviceLevel: 0.8884, asaSeconds: 7.84, occupancy: 0.7143, reachable: true }],
      peak: { agents: 14, scheduled: 20 },
    },
  },
});
