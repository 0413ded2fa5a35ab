import { z } from "zod";
import { safeText } from "@/lib/schemas/text";
import { apiRoute } from "@/lib/api/route";
import { ROUTE_CAPABILITY } from "@/lib/api/access";
import { getAgentShifts } from "@/lib/services/shifts/agent-shifts";

const querySchema = z.object({
  agentId: safeText().trim().min(1, { error: "Name an agent." }).max(64),
  days: z.coerce.number().int().min(1).max(62).default(28),
});

/** An agent's shifts from now on, for picking the shift of a trade. */
export const GET = apiRoute({ capability: ROUTE_CAPABILITY["/api/v1/shifts"].GET, input: querySchema }, async ({ db, input }) => {
  return { shifts: await getAgentShifts(db, input.agentId, Date.now(), input.days) };
});
