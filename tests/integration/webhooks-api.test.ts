/**
 * The webhook endpoints of the REST API with service tokens, on PGlite and Postgres: an
 * admin token registers (201, the secret once), lists, reads the delivery log page by
 * page and deletes (204); a planner token is refused with 403; a bad URL is a 400 naming
 * the field. Answers are checked against the documented schemas.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OpenedDb } from "@/lib/db/client";
import { createWebhook, listWebhookDeliveries as listDeliveriesOp, listWebhooks } from "@/lib/api/openapi/webhooks";
import { stopWebhookWake } from "@/lib/services/webhooks/worker";
import { inProcessWorkerIdle } from "@/lib/jobs/worker";
import { TEST_DRIVERS } from "./support/db";
import { openSeeded } from "./support/demo";
import { call, mint, routeHandlersUse } from "./support/api";

describe.each(TEST_DRIVERS)("webhooks API on $name", (driver) => {
  let opened: OpenedDb;
  let admin: string;
  let planner: string;
  beforeAll(async () => {
    ({ opened } = await openSeeded(driver.open));
    routeHandlersUse(opened);
    admin = await mint(opened.db, "admin");
    planner = await mint(opened.db, "planner");
  });
  afterAll(async () => {
    stopWebhookWake();
    await inProcessWorkerIdle();
    await opened?.close();
  });

  it("registers, lists, reads the log and deletes with an admin token", async () => {
    const list = await import("@/app/api/v1/webhooks/route");
    const one = await import("@/app/api/v1/webhooks/[id]/route");
    const deliveries = await import("@/app/api/v1/webhooks/[id]/deliveries/route");
    // Nothing listens on port 9 of loopback: the deliveries fail, which is what the log shows.
    const created = await call(list.POST, "/api/v1/webhooks", { token: admin, body: { url: "http://127.0.0.1:9/hook", events: ["import.completed"] } });
    expect(created.status).toBe(201);
    const body = createWebhook.response.schema.parse(await created.json());
    expect(body.secret).toMatch(/^whsec_/);
    expect(body.endpoint).toMatchObject({ url: "http://127.0.0.1:9/hook", events: ["import.completed"], active: true });

    const page = listWebhooks.response.schema.parse(await (await call(list.GET, "/api/v1/webhooks?limit=10", { token: admin })).json());
    expect(page.items.map((e) => e.id)).toEqual([body.endpoint.id]);
    expect(JSON.stringify(page)).not.toContain(body.secret);

    const { sendTestWebhook } = await import("@/lib/services/webhooks/send-test");
    const { users } = await import("@/lib/db/schema");
    const { eq } = await import("drizzle-orm");
    const [row] = await opened.db.select().from(users).where(eq(users.email, "admin@demo.local"));
    const user = { id: row.id, email: row.email, name: row.name, role: "admin" as const, siteIds: [] };
    for (let i = 0; i < 3; i++) await sendTestWebhook(opened.db, user, body.endpoint.id, new Date(Date.parse("2026-11-28T12:00:00Z") + i * 1000));
    stopWebhookWake();

    const first = listDeliveriesOp.response.schema.parse(
      await (await call(deliveries.GET, `/api/v1/webhooks/${body.endpoint.id}/deliveries?limit=2`, { token: admin, params: { id: body.endpoint.id } })).json(),
    );
    expect(first.items).toHaveLength(2);
    expect(first.items[0]).toMatchObject({ eventType: "webhook.test", status: "pending", attempts: 1, lastHttpStatus: null, createdAt: "2026-11-28T12:00:02.000Z" });
    expect(first.items[0].lastError).toMatch(/^Could not reach the endpoint/);
    expect(first.nextCursor).not.toBeNull();
    const second = listDeliveriesOp.response.schema.parse(
      await (
        await call(deliveries.GET, `/api/v1/webhooks/${body.endpoint.id}/deliveries?limit=2&cursor=${first.nextCursor}`, { token: admin, params: { id: body.endpoint.id } })
      ).json(),
    );
    expect(second.items.map((d) => d.createdAt)).toEqual(["2026-11-28T12:00:00.000Z"]);
    expect(second.nextCursor).toBeNull();

    const gone = await call(one.DELETE, `/api/v1/webhooks/${body.endpoint.id}`, { method: "DELETE", token: admin, params: { id: body.endpoint.id } });
    expect(gone.status).toBe(204);
    const again = await call(one.DELETE, `/api/v1/webhooks/${body.endpoint.id}`, { method: "DELETE", token: admin, params: { id: body.endpoint.id } });
    expect(again.status).toBe(404);
  });

  it("answers a bad URL with a problem naming the field, and refuses a planner token", async () => {
    const list = await import("@/app/api/v1/webhooks/route");
    const bad = await call(list.POST, "/api/v1/webhooks", { token: admin, body: { url: "https://192.168.0.10/hook", events: ["bid.awarded"] } });
    expect(bad.status).toBe(400);
    const problem = await bad.json();
    expect(problem).toMatchObject({ code: "VALIDATION", detail: expect.stringMatching(/^url: /) });
    const unknownField = await call(list.POST, "/api/v1/webhooks", { token: admin, body: { url: "https://hooks.example.com/in", events: ["bid.awarded"], secret: "mine" } });
    expect(unknownField.status).toBe(400);
    const keyed = await call(list.POST, "/api/v1/webhooks", { token: admin, body: { url: "https://hooks.example.com/in", events: ["bid.awarded"] }, headers: { "idempotency-key": "k-1" } });
    expect(keyed.status).toBe(400);
    expect(await keyed.json()).toMatchObject({ errors: [expect.objectContaining({ field: "Idempotency-Key" })] });
    const refused = await call(list.POST, "/api/v1/webhooks", { token: planner, body: { url: "https://hooks.example.com/in", events: ["bid.awarded"] } });
    expect(refused.status).toBe(403);
    expect((await call(list.GET, "/api/v1/webhooks", { token: planner })).status).toBe(403);
    const page = listWebhooks.response.schema.parse(await (await call(list.GET, "/api/v1/webhooks", { token: admin })).json());
    expect(page.items).toEqual([]);
  });
});
