/**
 * Inputs of the schedule: the grid's filters (URL and GET /api/v1/schedule) and the shift
 * edits (server actions and /api/v1/shifts). Times of an edit arrive as local wall-clock
 * times with the zone they are in, so the server can say "02:30 does not exist on
 * 8 March in America/New_York" instead of silently shifting it.
 */
import { z } from "zod";
import { safeText } from "./text";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Use a date like 2026-12-07." });
const localTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: "Use a local date and time like 2026-12-07T08:30." });
const id = safeText().trim().min(1).max(64);

export const scheduleQuerySchema = z.object({
  /** First day shown; the range is at most 28 days. */
  from: day,
  days: z.coerce.number().int().min(1, { error: "Show at least one day." }).max(28, { error: "Show at most 4 weeks (28 days)." }).default(7),
  siteId: id.optional(),
  skillId: id.optional(),
  /** Team or any agent attribute, as `key=value`. */
  attribute: safeText().trim().max(128).regex(/^[^=]+=.*$/, { error: "Write the attribute as key=value." }).optional(),
  q: safeText().trim().max(64).optional(),
  status: z.enum(["PUBLISHED", "DRAFT"], { error: "Status must be PUBLISHED or DRAFT." }).optional(),
  sort: z.enum(["agent", "start", "hours"]).default("agent"),
  zoneMode: z.enum(["site", "agent"]).default("site"),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(200, { error: "Ask for at most 200 agents at a time." }).default(50),
  /** Send the per-day totals over all matching agents (the grid asks once per filter set, not on every scrolled page). */
  totals: z.stringbool({ error: "totals is true or false." }).default(true),
});
export type ScheduleQuery = z.infer<typeof scheduleQuerySchema>;

export const shiftBreakInputSchema = z.object({
  startOffsetMinutes: z.number().int().min(0, { error: "A break cannot start before the shift." }),
  durationMinutes: z.number().int().min(1, { error: "A break lasts at least a minute." }).max(240),
  paid: z.boolean().default(false),
});

export const skillInputSchema = z.object({
  skillId: id,
  proficiency: z.number().int().min(1).max(5, { error: "Proficiency is 1–5." }),
});

/** The fields a planner sets on a shift (create, or the new values of an edit). */
export const shiftFieldsSchema = z.object({
  agentId: id,
  siteId: id,
  /** Local wall-clock times in `timeZone`. */
  start: localTime,
  end: localTime,
  timeZone: safeText().trim().min(1).max(64),
  breaks: z.array(shiftBreakInputSchema).max(8).default([]),
  skills: z.array(skillInputSchema).max(32).default([]),
  status: z.enum(["PUBLISHED", "DRAFT"]).default("DRAFT"),
  /** Save although the edit only warns (e.g. overtime). */
  confirmWarnings: z.boolean().default(false),
});
export type ShiftFieldsInput = z.infer<typeof shiftFieldsSchema>;

export const createShiftSchema = shiftFieldsSchema;
export const editShiftSchema = shiftFieldsSchema.extend({ shiftId: z.uuid({ error: "Not a shift id." }), version: z.number().int().min(1) });
export const deleteShiftSchema = z.object({ shiftId: z.uuid({ error: "Not a shift id." }), version: z.number().int().min(1) });
/** Preview an edit or a new shift without storing it: the rules it breaks and the coverage it changes. */
export const previewShiftEditSchema = shiftFieldsSchema.extend({ shiftId: z.uuid().optional() });

/** Which drafts to publish: any combination narrows the selection; `shiftIds` is what the preview returned. */
export const publishSelectionSchema = z
  .object({
    from: day.optional(),
    to: day.optional(),
    siteId: id.optional(),
    importId: z.uuid().optional(),
    shiftIds: z.array(z.uuid()).max(200_000).optional(),
  })
  .refine((s) => s.importId || s.shiftIds?.length || (s.from && s.to), { error: "Choose a date range, an import or the shifts to publish." });
export type PublishSelection = z.infer<typeof publishSelectionSchema>;

export const undoImportSchema = z.object({ importId: z.uuid({ error: "Not an import id." }) });
export const shiftHistorySchema = z.object({ shiftId: z.uuid({ error: "Not a shift id." }) });
