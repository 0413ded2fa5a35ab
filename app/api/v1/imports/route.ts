import { apiRoute } from "@/lib/api/route";
import { decodeCursor, pageResponse, queryFingerprint } from "@/lib/api/cursor";
import { listImports } from "@/lib/api/openapi/imports";
import { listImportsPage } from "@/lib/services/imports/list";

/** Shift and demand imports, newest first, paged. */
export const GET = apiRoute(listImports.route, async ({ db, input, request }) => {
  const fingerprint = queryFingerprint(new URL(request.url));
  const page = await listImportsPage(db, { kind: input.kind }, decodeCursor(input.cursor, fingerprint), input.limit);
  return pageResponse(page.items, page.lastKey, fingerprint);
});
