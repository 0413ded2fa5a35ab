import { apiRoute } from "@/lib/api/route";
import { decodeCursor, pageResponse, queryFingerprint } from "@/lib/api/cursor";
import { listAgents } from "@/lib/api/openapi/reference";
import { listAgentsPage } from "@/lib/services/reference/list";

/** Agents, paged in id order (a supervisor: their sites' agents). */
export const GET = apiRoute(listAgents.route, async ({ db, user, input, request }) => {
  const fingerprint = queryFingerprint(new URL(request.url));
  const page = await listAgentsPage(db, user, { siteId: input.siteId, afterId: decodeCursor(input.cursor, fingerprint), limit: input.limit });
  return pageResponse(
    page.items.map((a) => ({ id: a.id, username: a.username, name: a.name, homeSiteId: a.homeSiteId, timeZone: a.timeZone, skills: a.skills.map((s) => ({ skillId: s.skillId, proficiency: s.proficiency })), hireDate: a.hireDate, contractHoursPerWeek: a.contractHoursPerWeek })),
    page.lastKey,
    fingerprint,
  );
});
