import { apiRoute } from "@/lib/api/route";
import { publishQuerySchema, publishShifts as publishShiftsOp } from "@/lib/api/openapi/schedule";
import { AppError } from "@/lib/errors";
import { previewPublish } from "@/lib/services/schedule/preview-publish";
import { publishShifts } from "@/lib/services/schedule/publish-shifts";

/**
 * Publishes the drafts (and changed published shifts) a selection names; `?preview=true`
 * only says what publishing would change, with the ids to send back as `shiftIds`.
 */
export const POST = apiRoute(publishShiftsOp.route, async ({ db, user, input, request, requestId }) => {
  const query = publishQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) {
    const issues = query.error.issues.map((i) => ({ path: i.path.join(".") || "query", message: i.message }));
    throw new AppError("VALIDATION", issues.map((i) => `${i.path}: ${i.message}`).join("; "), { issues });
  }
  if (query.data.preview === "true") return previewPublish(db, input, user);
  return publishShifts(db, input, user, Date.now(), requestId);
});
