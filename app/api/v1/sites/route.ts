import { apiRoute } from "@/lib/api/route";
import { decodeCursor, pageResponse, queryFingerprint } from "@/lib/api/cursor";
import { listSites } from "@/lib/api/openapi/reference";
import { listSitesPage } from "@/lib/services/reference/list";

/** Sites, paged in id order. */
export const GET = apiRoute(listSites.route, async ({ db, user, input, request }) => {
  const fingerprint = queryFingerprint(new URL(request.url));
  const page = await listSitesPage(db, user, decodeCursor(input.cursor, fingerprint), input.limit);
  return pageResponse(page.items.map((s) => ({ id: s.id, name: s.name, timeZone: s.timeZone })), page.lastKey, fingerprint);
});
