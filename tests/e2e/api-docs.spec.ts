import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

/** An admin mints a token in Settings; returns the token shown once (the dialog stays open). */
async function mintToken(page: Page, name: string, role: string, sites: string[] = []): Promise<string> {
  await signIn(page, "admin@demo.local");
  await page.goto("/settings");
  const form = page.getByRole("form", { name: "New API token" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Role").selectOption(role);
  for (const site of sites) await form.getByLabel(site).check();
  await form.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByRole("textbox", { name: "New API token" });
  await expect(shown).toHaveValue(/^sb_[A-Za-z0-9_-]{43}$/);
  return shown.inputValue();
}

test("the API reference renders from our own origin under its CSP, and says how to authenticate", async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  const violations: string[] = [];
  // Anything off our origin (a CDN, fonts, telemetry) would fail offline: record it and refuse it.
  await page.route((url) => url.origin !== origin, async (route) => {
    foreign.push(route.request().url());
    await route.abort();
  });
  page.on("console", (msg) => {
    if (/Content[- ]Security[- ]Policy|Refused to/i.test(msg.text())) violations.push(msg.text());
  });

  const res = await page.goto("/api/docs");
  expect(res?.status()).toBe(200);
  const csp = res!.headers()["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(csp).not.toContain("unsafe-eval");

  await expect(page.getByRole("heading", { name: "Shiftboard API", level: 1 })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Authorization: Bearer").first()).toBeVisible();
  // The operations come from /api/v1/openapi.json: open one group and find its operation.
  await page.getByRole("link", { name: "Staffing", exact: true }).click();
  await expect(page.getByText("Erlang C: agents needed per interval").first()).toBeVisible();
  expect(foreign).toEqual([]);
  expect(violations).toEqual([]);
});

test("an admin mints a token in Settings, it works as a bearer token, and revoking it ends it", async ({ page, request }) => {
  const token = await mintToken(page, "e2e-bi", "supervisor", ["NYC"]);
  const shown = page.getByRole("textbox", { name: "New API token" });

  const me = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ role: "supervisor", siteIds: ["NYC"] });
  const lon = await request.get("/api/v1/agents?siteId=LON", { headers: { authorization: `Bearer ${token}` } });
  expect(lon.status()).toBe(403);
  expect(lon.headers()["content-type"]).toBe("application/problem+json");

  await page.getByRole("button", { name: "Done" }).click();
  await expect(shown).toHaveCount(0);
  await page.getByRole("button", { name: "Revoke e2e-bi…" }).click();
  await page.getByRole("button", { name: "Revoke e2e-bi", exact: true }).click();
  await expect(page.getByText('Revoked "e2e-bi"')).toBeVisible();
  const after = await request.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } });
  expect(after.status()).toBe(401);
});

test("a planner's token plans capacity through the API: the solver's worker runs in the built server", async ({ page, request }) => {
  const token = await mintToken(page, "e2e-capacity", "planner");

  // The contract's own example; the route's bundle once handed the solver another file as its worker.
  const contract = await (await request.get("/api/v1/openapi.json")).json();
  const example = contract.paths["/api/v1/optimization/capacity-plans"].post.requestBody.content["application/json"].example;
  const res = await request.post("/api/v1/optimization/capacity-plans", { headers: { authorization: `Bearer ${token}` }, data: example });
  expect(res.status()).toBe(200);
  const plan = await res.json();
  expect(plan.status).toBe("OPTIMAL");
  expect(plan.incumbent).not.toBeNull();
  expect(plan.totals.agents).toBeGreaterThan(0);
});
