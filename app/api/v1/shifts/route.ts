import { apiRoute } from "@/lib/api/route";
import { agentShifts } from "@/lib/api/openapi/shifts";
import { getAgentShifts } from "@/lib/services/shifts/agent-shifts";

/** An agent's shifts from now on, for picking the shift of a trade. */
export const GET = apiRoute(agentShifts.route, async ({ db, input }) => {
  return { shifts: await getAgentShifts(db, input.agentId, Date.now(), input.days) };
});
