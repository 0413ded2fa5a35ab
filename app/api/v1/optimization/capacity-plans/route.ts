import { apiRoute } from "@/lib/api/route";
import { capacityPlanOp } from "@/lib/api/openapi/optimization";
import { planCapacity } from "@/lib/services/optimization/capacity-plan";

/** The Capacity plan tab's engine on given required agents (stateless: nothing is stored). */
export const POST = apiRoute(capacityPlanOp.route, async ({ db, input }) =>
  planCapacity(db, { source: "pasted", required: input.required, shiftTypes: input.shiftTypes, objective: input.objective }),
);
