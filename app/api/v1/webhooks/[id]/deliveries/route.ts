import { apiRoute } from "@/lib/api/route";
import { decodeCursor, pageResponse, queryFingerprint } from "@/lib/api/cursor";
import { listWebhookDeliveries as listOp, webhookIdParam } from "@/lib/api/openapi/webhooks";
import { AppError } from "@/lib/errors";
import { listWebhookDeliveries } from "@/lib/services/webhooks/deliveries";

/** One endpoint's deliveries, newest first, paged. */
export const GET = apiRoute(listOp.route, async ({ db, user, input, params, request }) => {
  const id = webhookIdParam.safeParse(params.id);
  if (!id.success) throw new AppError("VALIDATION", "id: not a webhook endpoint id.", { field: "id" });
  const fingerprint = queryFingerprint(new URL(request.url));
  const page = await listWebhookDeliveries(db, user, id.data, decodeCursor(input.cursor, fingerprint), input.limit);
  return pageResponse(page.items, page.lastKey, fingerprint);
});
