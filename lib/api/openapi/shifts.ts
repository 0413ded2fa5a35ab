import { z } from "zod";
import { safeText } from "../../schemas/text";
import { defineOperation, instant } from "./define";

export const agentShiftsQuerySchema = z.object({
  agentId: safeText().trim().min(1, { error: "Name an agent." }).max(64),
  days: z.coerce.number().int().min(1).max(62).default(28),
});

export const agentShiftsSchema = z.object({
  shifts: z.array(
    z.object({
      id: z.string(),
      siteId: z.string(),
      start: instant(),
      end: instant(),
      status: z.enum(["PUBLISHED", "DRAFT"]),
      version: z.number().int(),
    }),
  ),
});

export const agentShifts = defineOperation({
  path: "/api/v1/shifts",
  method: "GET",
  tag: "Shifts",
  summary: "An agent's upcoming shifts",
  description: "The agent's shifts overlapping the next `days` days (for picking the shift of a trade).",
  input: agentShiftsQuerySchema,
  inputExample: { agentId: "AGENT-1001", days: 14 },
  response: {
    description: "The shifts, earliest first.",
    schema: agentShiftsSchema,
    example: { shifts: [{ id: "3f9a6c2e-1b7d-4e8f-9a0b-1c2d3e4f5a6b", siteId: "NYC", start: "2026-12-07T13:00:00.000Z", end: "2026-12-07T21:00:00.000Z", status: "PUBLISHED", version: 1 }] },
  },
});
