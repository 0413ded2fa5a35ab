import { apiRoute } from "@/lib/api/route";
import { ROUTE_CAPABILITY } from "@/lib/api/access";
import { publishSelectionSchema } from "@/lib/schemas/schedule";
import { previewPublish } from "@/lib/services/schedule/preview-publish";
import { publishShifts } from "@/lib/services/schedule/publish-shifts";

/**
 * Publishes the drafts (and changed published shifts) a selection names; `?preview=true`
 * only says what publishing would change, with the ids to send back as `shiftIds`.
 */
export const POST = apiRoute({ capability: ROUTE_CAPABILITY["/api/v1/shifts/publish"].POST, input: publishSelectionSchema }, async ({ db, user, input, request, requestId }) => {
  if (new URL(request.url).searchParams.get("preview") === "true") return previewPublish(db, input, user);
  return publishShifts(db, input, user, Date.now(), requestId);
});
