import { apiRoute } from "@/lib/api/route";
import { deleteWebhook as deleteWebhookOp, webhookIdParam } from "@/lib/api/openapi/webhooks";
import { AppError } from "@/lib/errors";
import { deleteWebhook } from "@/lib/services/webhooks/delete";

/** Deletes the endpoint and its delivery log: 204. */
export const DELETE = apiRoute(deleteWebhookOp.route, async ({ db, user, params, requestId }) => {
  const id = webhookIdParam.safeParse(params.id);
  if (!id.success) throw new AppError("VALIDATION", "id: not a webhook endpoint id.", { field: "id" });
  await deleteWebhook(db, user, id.data, requestId);
  return new Response(null, { status: 204 });
});
