import { apiRoute } from "@/lib/api/route";
import { getDemandOp } from "@/lib/api/openapi/coverage";
import { readDemand } from "@/lib/services/demand/read";

/** Demand as loaded for a range of days, per skill and stored 15-minute interval. */
export const GET = apiRoute(getDemandOp.route, async ({ db, user, input }) => readDemand(db, user, input));
