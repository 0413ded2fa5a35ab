/**
 * The schedule's write side over HTTP: one shift read with its version as ETag, created,
 * changed and deleted with the version in If-Match, and drafts published. The bodies are
 * the schemas the server actions use (lib/schemas/schedule.ts): local wall-clock times
 * with the zone they are in.
 */
import { z } from "zod";
import { createShiftSchema, publishSelectionSchema, scheduleQuerySchema, shiftFieldsSchema } from "../../schemas/schedule";
import { JSON_BODY } from "../csrf";
import { defineOperation, instant, type HeaderSpec, type OtherResponseSpec } from "./define";

export const shiftIdParam = z.uuid({ error: "Not a shift id." });


export const scheduleShiftSchema = z
  .object({
    id: z.string(),
    agentId: z.string(),
    siteId: z.string(),
    start: instant(),
    end: instant(),
    status: z.enum(["PUBLISHED", "DRAFT"]),
    breaks: z.array(z.object({ startOffsetMinutes: z.number().int(), durationMinutes: z.number().int(), paid: z.boolean() })),
    skills: z.array(z.object({ skillId: z.string(), proficiency: z.number().int() })).meta({ description: "Empty: the agent's own skills." }),
    version: z.number().int().meta({ description: "What If-Match names (the ETag)." }),
    changedSincePublish: z.boolean().meta({ description: "Published, then changed: the agents have not seen the change yet." }),
    importId: z.string().nullable(),
  })
  .meta({ id: "ScheduleShift" });

export const ruleFindingSchema = z
  .object({
    severity: z.enum(["error", "warning"]).meta({ description: "error: nothing is stored; warning: stored only with confirmWarnings." }),
    code: z.string().meta({ description: "OVERLAP, REST, MIN_LENGTH, MAX_LENGTH, DAILY_HOURS, WEEKLY_HOURS, NONEXISTENT_TIME, END_BEFORE_START, BREAK_OUTSIDE, OVERTIME…" }),
    field: z.string().optional().meta({ description: "The field it is about: start, end, breaks, skills, status, agentId." }),
    message: z.string(),
  })
  .meta({ id: "ScheduleRuleFinding" });

/** A saved edit: the shift as stored and the warnings it was saved with. */
export const shiftSavedSchema = z.object({ shift: scheduleShiftSchema, findings: z.array(ruleFindingSchema) });
/** A refused edit (422): no shift, the rules it breaks. */
export const shiftRefusedSchema = z.object({ shift: z.null(), findings: z.array(ruleFindingSchema) });

export const shiftWithHistorySchema = z.object({
  shift: scheduleShiftSchema,
  history: z.array(z.object({ at: z.iso.datetime({ offset: true }), actor: z.string(), action: z.string(), summary: z.string() })).meta({ description: "Newest first." }),
});

export const publishQuerySchema = z.strictObject({
  preview: z.enum(["true", "false"], { error: "Use true or false." }).optional().meta({ description: "true: only say what publishing would change (nothing is published), with the ids to send back as shiftIds." }),
});

const publishPreviewSchema = z.object({
  shifts: z.number().int(),
  agents: z.number().int(),
  paidHours: z.number(),
  bySite: z.array(z.object({ siteId: z.string(), shifts: z.number().int(), agents: z.number().int(), paidHours: z.number() })),
  shiftIds: z.array(z.string()).meta({ description: "Send back as shiftIds so the publish is exactly what was previewed." }),
});
const publishResultSchema = z.object({
  published: z.number().int(),
  backend: z.object({ name: z.string(), processed: z.number().int(), failed: z.number().int(), message: z.string().optional() }).optional().meta({ description: "CXone's counts when the backend pushes (WFM_BACKEND=cxone)." }),
});

const SHIFT_ID = "3f9a6c2e-1b7d-4e8f-9a0b-1c2d3e4f5a6b";
const SHIFT_EXAMPLE = {
  id: SHIFT_ID,
  agentId: "AGENT-1001",
  siteId: "NYC",
  start: "2026-12-07T13:00:00.000Z",
  end: "2026-12-07T21:30:00.000Z",
  status: "DRAFT" as const,
  breaks: [{ startOffsetMinutes: 240, durationMinutes: 30, paid: false }],
  skills: [],
  version: 2,
  changedSincePublish: false,
  importId: null,
};
const FIELDS_EXAMPLE = {
  agentId: "AGENT-1001",
  siteId: "NYC",
  start: "2026-12-07T08:00",
  end: "2026-12-07T16:30",
  timeZone: "America/New_York",
  breaks: [{ startOffsetMinutes: 240, durationMinutes: 30, paid: false }],
  skills: [],
  status: "DRAFT" as const,
  confirmWarnings: false,
};

const IF_MATCH: HeaderSpec = {
  name: "If-Match",
  required: true,
  description: 'The shift\'s version as GET gave it in ETag (e.g. "3"). Without it: 428; a version changed meanwhile: 409 with the shift as it is now in `current`.',
  example: '"2"',
};
const ETAG = { ETag: 'The shift\'s version after this answer (e.g. "3"): send it as If-Match with the next change.' };
const REFUSED: OtherResponseSpec = {
  description: "The change breaks a scheduling rule (or only warns and confirmWarnings was not set): nothing is stored; `findings` names each rule and field.",
  schema: shiftRefusedSchema,
  example: { shift: null, findings: [{ severity: "error", code: "END_BEFORE_START", field: "end", message: "End: 2026-12-07 07:59 is before the start (08:00 America/New_York)." }] },
};
const PRECONDITION: OtherResponseSpec = { description: "No If-Match: say which version you are changing (code PRECONDITION_REQUIRED)." };
const STALE: OtherResponseSpec = { description: "The shift changed since that version (the problem's `current` is the shift now), or another shift of the agent starts at exactly this time." };

export const getShift = defineOperation({
  path: "/api/v1/shifts/[id]",
  method: "GET",
  tag: "Shifts",
  summary: "A shift, its version (ETag) and its history",
  description: "Who changed the shift, what and when (edits, imports, publishes, trades), newest first.",
  pathParams: { id: shiftIdParam },
  response: {
    description: "The shift and its history; the ETag header is its version.",
    schema: shiftWithHistorySchema,
    headers: ETAG,
    example: { shift: SHIFT_EXAMPLE, history: [{ at: "2026-11-27T15:04:05.000Z", actor: "planner@demo.local", action: "shift.edited", summary: "end 16:00 → 16:30" }] },
  },
});

export const createShift = defineOperation({
  path: "/api/v1/shifts",
  method: "POST",
  tag: "Shifts",
  summary: "Create a shift",
  description: "Start and end are local wall-clock times in `timeZone` (a time that does not exist there is refused by name). The scheduling rules run before anything is stored.",
  input: createShiftSchema,
  inputExample: FIELDS_EXAMPLE,
  accepts: JSON_BODY,
  idempotent: true,
  response: { status: 201, description: "The shift as stored (version 1) and any warnings it was saved with.", schema: shiftSavedSchema, headers: ETAG, example: { shift: { ...SHIFT_EXAMPLE, version: 1 }, findings: [] } },
  otherResponses: { "422": { ...REFUSED, alsoProblem: true, description: `${REFUSED.description} (As a problem: an Idempotency-Key reused with another body.)` } },
});

export const editShift = defineOperation({
  path: "/api/v1/shifts/[id]",
  method: "PATCH",
  tag: "Shifts",
  summary: "Change a shift at a version",
  description: "Replaces the shift's values (local times in `timeZone`) at the version named by If-Match. A published shift changed here is marked changed since publish until published again.",
  pathParams: { id: shiftIdParam },
  headers: [IF_MATCH],
  input: shiftFieldsSchema,
  inputExample: { ...FIELDS_EXAMPLE, end: "2026-12-07T17:00" },
  accepts: JSON_BODY,
  response: { description: "The shift as stored (its version one up) and any warnings it was saved with.", schema: shiftSavedSchema, headers: ETAG, example: { shift: { ...SHIFT_EXAMPLE, version: 3 }, findings: [] } },
  otherResponses: { "409": STALE, "422": REFUSED, "428": PRECONDITION },
});

export const deleteShift = defineOperation({
  path: "/api/v1/shifts/[id]",
  method: "DELETE",
  tag: "Shifts",
  summary: "Delete a shift at a version",
  description: "A shift named by a past trade request stays on record (409: change it instead).",
  pathParams: { id: shiftIdParam },
  headers: [IF_MATCH],
  accepts: [...JSON_BODY, ""],
  response: { status: 204, description: "Deleted.", schema: undefined, example: "" },
  otherResponses: { "409": { description: "The shift changed since that version (`current` is the shift now), or a past trade keeps it on record." }, "428": PRECONDITION },
});

export const publishShifts = defineOperation({
  path: "/api/v1/shifts/publish",
  method: "POST",
  tag: "Shifts",
  summary: "Publish drafts (or preview what publishing would change)",
  description:
    "Publishes the drafts, and the published shifts changed since, that the selection names: a date range (with a site), an import, or the `shiftIds` a preview returned. With `?preview=true` nothing is published: the answer counts what would be, with the ids to send back.",
  input: publishSelectionSchema,
  inputExample: { from: "2026-12-07", to: "2026-12-13", siteId: "NYC" },
  query: publishQuerySchema,
  accepts: JSON_BODY,
  response: {
    description: "Published: how many (and CXone's counts when it pushes). Preview: what would be published, per site, with the ids.",
    schema: z.union([publishResultSchema, publishPreviewSchema]),
    example: { published: 42 },
  },
});

// ── The Schedule page's reads (its virtualized grid and coverage strip fetch through them) ──

export const scheduleStripQuerySchema = scheduleQuerySchema.pick({ from: true, days: true, siteId: true, skillId: true });

export const getSchedule = defineOperation({
  path: "/api/v1/schedule",
  method: "GET",
  tag: "Shifts",
  summary: "One page of the schedule grid",
  description: "Agents matching the filters with their shifts in the range (at most 28 days, 200 agents a page: `offset`, `limit`), paid and overtime hours, and day totals over every matching agent. Instants are ISO 8601 (UTC); `zone` names the zone days are cut in.",
  input: scheduleQuerySchema,
  inputExample: { from: "2026-11-23", days: 7, siteId: "NYC", limit: 50 },
  response: {
    description: "The page of rows and the totals.",
    schema: z.looseObject({ from: z.string(), to: z.string(), days: z.array(z.string()), zone: z.string().nullable(), totalAgents: z.number().int(), offset: z.number().int(), limit: z.number().int(), rows: z.array(z.looseObject({ agentId: z.string(), shifts: z.array(scheduleShiftSchema) })), dayTotals: z.array(z.looseObject({ date: z.string() })), canEdit: z.boolean() }),
    example: { from: "2026-11-23", to: "2026-11-29", days: ["2026-11-23"], zoneMode: "site", zone: "America/New_York", totalAgents: 1, offset: 0, limit: 50, rows: [{ agentId: "AGENT-1001", name: "Ana Ortiz", shifts: [SHIFT_EXAMPLE] }], dayTotals: [{ date: "2026-11-23", shifts: 1, agents: 1, paidHours: 8 }], canEdit: true },
  },
});

export const getScheduleCoverage = defineOperation({
  path: "/api/v1/schedule/coverage",
  method: "GET",
  tag: "Shifts",
  summary: "The Schedule page's coverage strip for one skill",
  description: "The Coverage page's numbers (the same cached computation) for one skill over the schedule's range, downsampled for a strip; `t` is each bucket's start (ISO 8601).",
  input: scheduleStripQuerySchema,
  inputExample: { from: "2026-11-23", days: 7, siteId: "NYC", skillId: "SKILL-EN-BILLING" },
  response: {
    description: "Required, scheduled and shortfall per bucket.",
    schema: z.looseObject({ skillId: z.string().nullable(), skillName: z.string().nullable(), timeZone: z.string(), bucketMinutes: z.number(), points: z.array(z.looseObject({ t: instant(), required: z.number(), scheduled: z.number(), shortfall: z.number() })), skillOptions: z.array(z.object({ id: z.string(), name: z.string() })) }),
    example: { skillId: "SKILL-EN-BILLING", skillName: "Billing (EN)", timeZone: "America/New_York", bucketMinutes: 60, points: [{ t: "2026-11-23T14:00:00.000Z", required: 12, scheduled: 10.5, shortfall: 1.5 }], skillOptions: [{ id: "SKILL-EN-BILLING", name: "Billing (EN)" }] },
  },
});
