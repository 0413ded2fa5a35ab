import { apiRoute } from "@/lib/api/route";
import { ROUTE_CAPABILITY } from "@/lib/api/access";
import { scheduleQuerySchema } from "@/lib/schemas/schedule";
import { getScheduleCoverageStrip } from "@/lib/services/schedule/coverage-strip";

const stripQuerySchema = scheduleQuerySchema.pick({ from: true, days: true, siteId: true, skillId: true });

/** The Schedule page's coverage strip: the Coverage page's numbers for one skill (refetched after each edit). */
export const GET = apiRoute({ capability: ROUTE_CAPABILITY["/api/v1/schedule/coverage"].GET, input: stripQuerySchema }, async ({ db, input }) =>
  getScheduleCoverageStrip(db, input, new Date().toISOString().slice(0, 10)),
);
