import { apiRoute } from "@/lib/api/route";
import { agentShifts } from "@/lib/api/openapi/shifts";
import { createShift as createShiftOp } from "@/lib/api/openapi/schedule";
import { editResponse } from "@/lib/api/versions";
import { agentShiftsToWire } from "@/lib/api/wire";
import { getAgentShifts } from "@/lib/services/shifts/agent-shifts";
import { createShift } from "@/lib/services/schedule/create-shift";

/** An agent's shifts from now on, for picking the shift of a trade. */
export const GET = apiRoute(agentShifts.route, async ({ db, input }) => {
  return { shifts: agentShiftsToWire(await getAgentShifts(db, input.agentId, Date.now(), input.days)) };
});

/** Creates a shift (local times in `timeZone`): 201 with its ETag, or 422 with the rules it breaks. */
export const POST = apiRoute(createShiftOp.route, async ({ db, user, input, requestId }) => editResponse(await createShift(db, input, user, Date.now(), requestId), 201));
