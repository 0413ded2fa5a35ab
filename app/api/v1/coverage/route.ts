import { apiRoute } from "@/lib/api/route";
import { jsonOnce } from "@/lib/api/json-once";
import { getCoverage } from "@/lib/api/openapi/coverage";
import { getCoverageIntervals } from "@/lib/services/coverage/intervals";

/** Coverage against demand per skill and 15-minute interval for a date range. */
export const GET = apiRoute(getCoverage.route, async ({ db, user, input }) =>
  jsonOnce(await getCoverageIntervals(db, user, { from: input.from, to: input.to, site: input.site, skill: input.skill, view: input.mode }, new Date().toISOString().slice(0, 10))),
);
