import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

const NAV = ["Shifts", "Coverage", "Schedule", "Optimization", "Trades", "Bidding", "Settings"];

const ROLES = [
  { email: "planner@demo.local", role: "planner", nav: ["Shifts", "Coverage", "Schedule", "Optimization", "Trades", "Bidding"] },
  { email: "supervisor.nyc@demo.local", role: "supervisor · NYC", nav: ["Coverage", "Schedule", "Trades", "Bidding"] },
  { email: "supervisor.lon@demo.local", role: "supervisor · LON", nav: ["Coverage", "Schedule", "Trades", "Bidding"] },
  { email: "admin@demo.local", role: "admin", nav: NAV },
  { email: "agent1001@demo.local", role: "agent", nav: ["My schedule & bids"] },
];

for (const { email, role, nav } of ROLES) {
  test(`${email} signs in and sees the navigation of a ${role}`, async ({ page }) => {
    await signIn(page, email);
    await expect(page.getByTestId("current-role")).toHaveText(role);
    const links = page.getByRole("navigation", { name: "Main" }).getByRole("link");
    await expect(links).toHaveText(nav);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
  });
}

test("a wrong password gets a plain message and no session", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill("planner@demo.local");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Wrong email or password.");
  await page.goto("/shifts");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fshifts/);
});

test("a page outside the role is refused with 'Not allowed', not a crash", async ({ page }) => {
  await signIn(page, "supervisor.nyc@demo.local");
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
  await expect(page.getByText("/settings")).toBeVisible();
});

test("an anonymous visitor is sent to sign-in and comes back after", async ({ page }) => {
  await page.goto("/coverage");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fcoverage/);
  await page.getByLabel("Email").fill("planner@demo.local");
  await page.getByLabel("Password").fill("shiftboard-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/coverage$/);
});

test("an anonymous request to the API gets 401 JSON", async ({ request }) => {
  const res = await request.get("/api/v1/me");
  expect(res.status()).toBe(401);
  expect((await res.json()).code).toBe("UNAUTHENTICATED");
});
