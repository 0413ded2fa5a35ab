import { apiRoute } from "@/lib/api/route";
import { decodeCursor, pageResponse, queryFingerprint } from "@/lib/api/cursor";
import { getGapsOperation } from "@/lib/api/openapi/coverage";
import { AppError } from "@/lib/errors";
import { getGaps } from "@/lib/services/coverage/intervals";

/**
 * Gap windows, largest deficit first, paged. The list is computed per request, so the
 * cursor is a position in it (with the query's fingerprint: other filters are refused).
 */
export const GET = apiRoute(getGapsOperation.route, async ({ db, user, input, request }) => {
  const fingerprint = queryFingerprint(new URL(request.url));
  const after = decodeCursor(input.cursor, fingerprint);
  const offset = after === null ? 0 : Number(after);
  if (!Number.isInteger(offset) || offset < 0) throw new AppError("VALIDATION", "cursor: not a cursor this API issued.", { field: "cursor" });
  const { timeZone, gaps } = await getGaps(db, user, { from: input.from, to: input.to, site: input.site, skill: input.skill, view: input.mode }, new Date().toISOString().slice(0, 10));
  const items = gaps.slice(offset, offset + input.limit);
  const next = offset + items.length < gaps.length ? String(offset + items.length) : null;
  return { timeZone, ...pageResponse(items, next, fingerprint) };
});
