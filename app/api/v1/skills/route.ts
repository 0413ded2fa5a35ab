import { apiRoute } from "@/lib/api/route";
import { decodeCursor, pageResponse, queryFingerprint } from "@/lib/api/cursor";
import { listSkills } from "@/lib/api/openapi/reference";
import { listSkillsPage } from "@/lib/services/reference/list";

/** Skills, paged in id order. */
export const GET = apiRoute(listSkills.route, async ({ db, user, input, request }) => {
  const fingerprint = queryFingerprint(new URL(request.url));
  const page = await listSkillsPage(db, user, decodeCursor(input.cursor, fingerprint), input.limit);
  return pageResponse(page.items.map((s) => ({ id: s.id, name: s.name, parentId: s.parentId ?? null, equivalenceGroup: s.equivalenceGroup ?? null })), page.lastKey, fingerprint);
});
