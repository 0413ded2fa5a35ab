import { apiRoute } from "@/lib/api/route";
import { getScheduleCoverage } from "@/lib/api/openapi/schedule";
import { stripToWire } from "@/lib/api/wire";
import { getScheduleCoverageStrip } from "@/lib/services/schedule/coverage-strip";

/** The Schedule page's coverage strip: the Coverage page's numbers for one skill (refetched after each edit). */
export const GET = apiRoute(getScheduleCoverage.route, async ({ db, input }) => stripToWire(await getScheduleCoverageStrip(db, input, new Date().toISOString().slice(0, 10))));
