import { apiRoute } from "@/lib/api/route";
import { ROUTE_CAPABILITY } from "@/lib/api/access";
import { scheduleQuerySchema } from "@/lib/schemas/schedule";
import { getScheduleView } from "@/lib/services/schedule/view";

/** One page of the schedule grid (the page's virtualized rows fetch through it as they scroll). */
export const GET = apiRoute({ capability: ROUTE_CAPABILITY["/api/v1/schedule"].GET, input: scheduleQuerySchema }, async ({ db, input, user }) => {
  return getScheduleView(db, input, user);
});
