import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, signIn } from "./helpers";

test.describe("open redirect after sign-in", () => {
  test("a callback of /\\evil.example lands on our own dashboard after signing in", async ({ page, baseURL }) => {
    // Only the host: our own URLs carry "evil.example" in their query string.
    await page.route((url) => url.hostname.endsWith("evil.example"), (route) => route.abort());
    await page.goto("/login?callbackUrl=%2F%5Cevil.example%2Fphish");
    await page.getByLabel("Email").fill("planner@demo.local");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  });

  test("every off-site callback stays home; a plain path is kept", async ({ page, baseURL }) => {
    // Only the host: our own URLs carry "evil.example" in their query string.
    await page.route((url) => url.hostname.endsWith("evil.example"), (route) => route.abort());
    await signIn(page, "planner@demo.local");
    const origin = new URL(baseURL!).origin;
    for (const callback of ["/\\evil.example", "//evil.example", "https://evil.example/", "/%5Cevil.example", "javascript:alert(1)"]) {
      await page.goto(`/login?callbackUrl=${encodeURIComponent(callback)}`);
      expect(new URL(page.url()).origin, callback).toBe(origin);
    }
    await page.goto(`/login?callbackUrl=${encodeURIComponent("/coverage?x=1")}`);
    await expect(page).toHaveURL(`${origin}/coverage?x=1`);
  });
});

test("another site cannot frame the dashboard (clickjacking)", async ({ page, baseURL }) => {
  const res = await page.request.get("/login");
  expect(res.headers()["x-frame-options"]).toBe("DENY");
  expect(res.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(res.headers()["x-content-type-options"]).toBe("nosniff");
  expect(res.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");

  await page.route("http://attacker.test/**", (route) =>
    route.fulfill({ contentType: "text/html", body: `<title>waiting</title><iframe id="f" src="${baseURL}/login" onload="document.title='loaded'"></iframe>` }),
  );
  await page.goto("http://attacker.test/");
  await expect(page).toHaveTitle("loaded");
  const frame = await (await page.locator("#f").elementHandle())!.contentFrame();
  expect(await frame!.locator("#email").count()).toBe(0);
});

test("pages run with a per-request script nonce and still work", async ({ page }) => {
  const first = (await page.request.get("/login")).headers()["content-security-policy"];
  const second = (await page.request.get("/login")).headers()["content-security-policy"];
  expect(first).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(first).not.toBe(second);
  const blocked: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) blocked.push(m.text());
  });
  await signIn(page, "planner@demo.local");
  await page.goto("/coverage");
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  expect(blocked).toEqual([]);
});

test("the sign-in page prints no text of the link's choosing", async ({ page }) => {
  await page.goto("/login?error=Your%20account%20is%20suspended.%20Call%20%2B1%20555%200100");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await expect(page.getByText("suspended")).toHaveCount(0);
  await page.goto("/login?error=CredentialsSignin");
  await expect(page.locator("form").getByRole("alert")).toHaveText("Wrong email or password.");
});

test("sign-out on a port other than 3000 lands on our sign-in page and ends the session", async ({ page, context, baseURL }) => {
  expect(new URL(baseURL!).port).not.toBe("3000");
  await signIn(page, "admin@demo.local");
  const cookies = await context.cookies();
  expect((await page.request.get("/api/v1/me")).status()).toBe(200);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(`${new URL(baseURL!).origin}/login`);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  // The cookie from before sign-out, replayed, no longer reads anything.
  await context.addCookies(cookies);
  expect((await page.request.get("/api/v1/me")).status()).toBe(401);
});

test("a cross-site upload with the planner's cookie is refused", async ({ page, baseURL }) => {
  await signIn(page, "planner@demo.local");
  const res = await page.request.post("/api/v1/trades/bulk", {
    headers: { origin: "http://127.0.0.1:1", "content-type": "text/plain" },
    data: "kind,initiatorAgentId\n",
  });
  expect(res.status()).toBe(403);
  expect(new URL(baseURL!).origin).not.toBe("http://127.0.0.1:1");
});
