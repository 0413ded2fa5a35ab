import { z } from "zod";
import { INTERVALS_PER_DAY, type CapacityInput } from "../domain/optimize/capacity/types";
import { safeText } from "./text";

/** At most a month of 15-minute intervals in one plan. */
const MAX_DAYS = 31;

/** One shift type: a local start on the quarter hour, a length up to 24 h, a cost and an optional maximum per day. */
export const shiftTypeSchema = z.object({
  id: safeText().trim().min(1, { error: "Name the shift type." }).max(64, { error: "A shift type's name is at most 64 characters." }),
  start: z.string().regex(/^([01]\d|2[0-3]):(00|15|30|45)$/, { error: (i) => `Start ${JSON.stringify(i.input)} is not a local time on the 15-minute grid, like 07:30.` }),
  lengthHours: z
    .number({ error: "lengthHours must be a number of hours" })
    .gt(0, { error: (i) => `A shift type lasts more than 0 hours (got ${String(i.input)}).` })
    .max(24, { error: (i) => `A shift type lasts at most 24 hours (got ${String(i.input)}).` })
    .refine((h) => Number.isInteger(Math.round(h * 4 * 1e6) / 1e6), { error: (i) => `Length ${String(i.input)} h is not on the quarter hour.` }),
  cost: z.number().gt(0, { error: "A shift type's cost is more than 0." }).max(1e6).default(1),
  maxCount: z.number().int({ error: "maxCount is a whole number of agents per day." }).min(0, { error: "maxCount cannot be negative." }).nullable().default(null),
});

/** A capacity plan request (form, CSV or API): one skill's required agents and the shift types to place. */
export const capacityPlanSchema = z
  .object({
    skillId: safeText().trim().min(1).max(64).optional(),
    required: z
      .array(z.number().min(0, { error: "Required agents cannot be negative." }).max(100_000), { error: "required must be a list of required agents per 15-minute interval" })
      .min(1, { error: `required is empty: give required agents per 15-minute interval, ${INTERVALS_PER_DAY} per day.` })
      .max(MAX_DAYS * INTERVALS_PER_DAY, { error: `required covers at most ${MAX_DAYS} days (${MAX_DAYS * INTERVALS_PER_DAY} intervals).` })
      .refine((r) => r.length % INTERVALS_PER_DAY === 0, { error: (i) => `required has ${(i.input as unknown[]).length} values: give ${INTERVALS_PER_DAY} per day (15-minute intervals from local midnight).` })
      .refine((r) => r.some((v) => v > 0), { error: "required has no demand: every interval requires 0 agents." }),
    shiftTypes: z
      .array(shiftTypeSchema, { error: "shiftTypes must be a list of shift types" })
      .min(1, { error: "Give at least one shift type (start, length): there is nothing to place." })
      .max(200, { error: "At most 200 shift types." }),
    objective: z.enum(["MIN_DEVIATION", "MIN_AGENTS"], { error: "objective is MIN_DEVIATION (closest to required) or MIN_AGENTS (fewest agents covering every interval)." }).default("MIN_DEVIATION"),
  })
  .superRefine((p, ctx) => {
    const seen = new Map<string, number>();
    p.shiftTypes.forEach((t, k) => {
      const first = seen.get(t.id);
      if (first !== undefined) ctx.addIssue({ code: "custom", path: ["shiftTypes", k, "id"], message: `Shift type ${JSON.stringify(t.id)} is named twice (rows ${first + 1} and ${k + 1}).` });
      else seen.set(t.id, k);
    });
  });

export type CapacityPlanRequest = z.input<typeof capacityPlanSchema>;

/** The parsed request in the engine's terms (local start in minutes, length in minutes). */
export function toCapacityInput(p: z.output<typeof capacityPlanSchema>): CapacityInput {
  return {
    required: p.required,
    objective: p.objective,
    shiftTypes: p.shiftTypes.map((t) => {
      const [h, m] = t.start.split(":").map(Number);
      return { id: t.id, startMinute: h * 60 + m, lengthMinutes: Math.round(t.lengthHours * 60), cost: t.cost, maxCount: t.maxCount };
    }),
  };
}

const dateKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Use a date like 2026-11-23." });

/**
 * The capacity plan tab's request: the required agents either read from the loaded demand
 * (one skill, `days` whole days from `from` in the site's zone) or pasted, plus the shift
 * types and the objective.
 */
export const capacityPlanFormSchema = z.discriminatedUnion("source", [
  z.object({
    source: z.literal("demand"),
    skillId: safeText().trim().min(1, { error: "Pick a skill." }).max(64),
    siteId: safeText().trim().min(1, { error: "Pick a site (its zone sets the days)." }).max(64),
    from: dateKey,
    days: z.number().int({ error: "Days is a whole number." }).min(1, { error: "Plan at least 1 day." }).max(MAX_DAYS, { error: `Plan at most ${MAX_DAYS} days.` }),
    shiftTypes: z.array(shiftTypeSchema).min(1, { error: "Give at least one shift type (start, length): there is nothing to place." }).max(200),
    objective: z.enum(["MIN_DEVIATION", "MIN_AGENTS"]).default("MIN_DEVIATION"),
  }),
  z.object({
    source: z.literal("pasted"),
    required: z.array(z.number()).min(1, { error: "Paste the required agents per 15-minute interval." }).max(MAX_DAYS * INTERVALS_PER_DAY),
    shiftTypes: z.array(shiftTypeSchema).min(1, { error: "Give at least one shift type (start, length): there is nothing to place." }).max(200),
    objective: z.enum(["MIN_DEVIATION", "MIN_AGENTS"]).default("MIN_DEVIATION"),
  }),
]);
export type CapacityPlanForm = z.input<typeof capacityPlanFormSchema>;

export type CapacityShiftType = z.output<typeof shiftTypeSchema>;

/**
 * A site's saved shift types, as stored (app_settings `capacity-shift-types:<siteId>`) and as
 * saved: at least one, at most 200, no name twice. The same checks on read and on write, so a
 * stored list that no longer reads is treated as not saved rather than shown half-valid.
 */
export const shiftTypeListSchema = z
  .array(shiftTypeSchema, { error: "shiftTypes must be a list of shift types" })
  .min(1, { error: "Give at least one shift type (start, length) to save." })
  .max(200, { error: "At most 200 shift types." })
  .superRefine((types, ctx) => {
    const seen = new Map<string, number>();
    types.forEach((t, k) => {
      const first = seen.get(t.id);
      if (first !== undefined) ctx.addIssue({ code: "custom", path: [k, "id"], message: `Shift type ${JSON.stringify(t.id)} is named twice (rows ${first + 1} and ${k + 1}).` });
      else seen.set(t.id, k);
    });
  });

/** Saving the capacity plan's shift types for one site. */
export const siteShiftTypesSchema = z.object({
  siteId: safeText().trim().min(1, { error: "Pick a site to save the shift types for." }).max(64),
  shiftTypes: shiftTypeListSchema,
});
export type SiteShiftTypesInput = z.input<typeof siteShiftTypesSchema>;

/**
 * What the save action lets through before the service reads it with `siteShiftTypesSchema`:
 * the service names the row and field of a bad shift type ("shift type 2 ("Long"),
 * lengthHours: …"), which a flattened validation error cannot.
 */
export const siteShiftTypesEnvelopeSchema = z.object({
  siteId: z.string({ error: "Pick a site to save the shift types for." }),
  shiftTypes: z.array(z.unknown(), { error: "shiftTypes must be a list of shift types" }).max(200, { error: "At most 200 shift types." }),
});
