import { apiRoute } from "@/lib/api/route";
import { getSchedule } from "@/lib/api/openapi/schedule";
import { scheduleViewToWire } from "@/lib/api/wire";
import { getScheduleView } from "@/lib/services/schedule/view";

/** One page of the schedule grid (the page's virtualized rows fetch through it as they scroll). */
export const GET = apiRoute(getSchedule.route, async ({ db, input, user }) => {
  return scheduleViewToWire(await getScheduleView(db, input, user));
});
