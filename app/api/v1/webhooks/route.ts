import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/route";
import { decodeCursor, pageResponse, queryFingerprint } from "@/lib/api/cursor";
import { createWebhook, listWebhooks } from "@/lib/api/openapi/webhooks";
import { createWebhookEndpoint } from "@/lib/services/webhooks/create";
import { listWebhookEndpointViews } from "@/lib/services/webhooks/list";
import { AppError } from "@/lib/errors";
import type { WebhookEndpointView } from "@/lib/types/webhooks";

/** The endpoint without its delivery log (the API reads that per endpoint, paged). */
const withoutLog = ({ id, url, events, secretPrefix, active, createdAt, createdBy }: WebhookEndpointView) => ({ id, url, events, secretPrefix, active, createdAt, createdBy });

/** Webhook endpoints in id order (admins; there are few, so the page is cut from the full list). */
export const GET = apiRoute(listWebhooks.route, async ({ db, user, input, request }) => {
  const fingerprint = queryFingerprint(new URL(request.url));
  const after = decodeCursor(input.cursor, fingerprint);
  const all = (await listWebhookEndpointViews(db, user)).sort((a, b) => a.id.localeCompare(b.id)).filter((e) => after === null || e.id > after);
  const items = all.slice(0, input.limit).map(withoutLog);
  return pageResponse(items, all.length > input.limit ? items[items.length - 1].id : null, fingerprint);
});

/** Registers an endpoint: 201 with its signing secret, shown this once. */
export const POST = apiRoute(createWebhook.route, async ({ db, user, input, request, requestId }) => {
  // A replayed answer would have to keep the signing secret in clear for 24 h (lib/api/README.md).
  if (request.headers.has("idempotency-key")) {
    throw new AppError("VALIDATION", "Idempotency-Key is not accepted here: the answer holds the signing secret, which is never stored in clear. If the answer was lost, delete the endpoint and register it again.", { field: "Idempotency-Key" });
  }
  const created = await createWebhookEndpoint(db, user, input, new Date(), requestId);
  return NextResponse.json({ secret: created.secret, endpoint: withoutLog(created.view) }, { status: 201 });
});
