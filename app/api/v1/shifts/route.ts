import { z } from "zod";
import { safeText } from "@/lib/schemas/text";
import { apiRoute } from "@/lib/api/route";
import { ROUTE_ROLES } from "@/lib/api/access";
import { getShiftsOverlapping } from "@/lib/db/queries/reference";

const querySchema = z.object({
  agentId: safeText().trim().min(1, { error: "Name an agent." }).max(64),
  days: z.coerce.number().int().min(1).max(62).default(28),
});

/** An agent's shifts from now on, for picking the shift of a trade. */
export const GET = apiRoute({ roles: ROUTE_ROLES["/api/v1/shifts"].GET, input: querySchema }, async ({ db, input }) => {
  const from = new Date();
  const to = new Date(from.getTime() + input.days * 86_400_000);
  const shifts = await getShiftsOverlapping(db, { from, to }, { agentIds: [input.agentId] });
  return { shifts: shifts.map((s) => ({ id: s.id, siteId: s.siteId, start: s.start, end: s.end, status: s.status, version: s.version })) };
});
