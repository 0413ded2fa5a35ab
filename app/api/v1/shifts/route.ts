import { z } from "zod";
import { safeText } from "@/lib/schemas/text";
import { apiRoute } from "@/lib/api/route";
import { ROUTE_CAPABILITY } from "@/lib/api/access";
import { getAgentShifts } from "@/lib/services/shifts/agent-shifts";
import { editResponse } from "@/lib/api/versions";
import { createShiftSchema } from "@/lib/schemas/schedule";
import { createShift } from "@/lib/services/schedule/create-shift";

const querySchema = z.object({
  agentId: safeText().trim().min(1, { error: "Name an agent." }).max(64),
  days: z.coerce.number().int().min(1).max(62).default(28),
});

/** An agent's shifts from now on, for picking the shift of a trade. */
export const GET = apiRoute({ capability: ROUTE_CAPABILITY["/api/v1/shifts"].GET, input: querySchema }, async ({ db, input }) => {
  return { shifts: await getAgentShifts(db, input.agentId, Date.now(), input.days) };
});

/** Creates a shift (local times in `timeZone`): 201 with its ETag, or 422 with the rules it breaks. */
export const POST = apiRoute({ capability: ROUTE_CAPABILITY["/api/v1/shifts"].POST, input: createShiftSchema }, async ({ db, user, input, requestId }) =>
  editResponse(await createShift(db, input, user, Date.now(), requestId), 201),
);
