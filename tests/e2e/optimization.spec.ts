import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("a planner launches an optimization and reads its recommendations", async ({ page }) => {
  await signIn(page, "planner@demo.local");
  await page.getByRole("link", { name: "Optimization" }).click();
  await page.getByRole("button", { name: "Run optimization" }).click();
  const result = page.getByTestId("optimization-result");
  await expect(result).toBeVisible({ timeout: 60_000 });
  await expect(result).toContainText("agents with recommended shifts");
  await expect(result).toContainText("Projected coverage improvement");
  const rows = result.getByRole("table", { name: "Recommended shifts" }).locator("tbody tr");
  expect(await rows.count()).toBeGreaterThan(0);
  await expect(rows.first()).toContainText(/AGENT-\d{4}/);
});

test("an optimization over a reversed range is refused with a clear message", async ({ page }) => {
  await signIn(page, "admin@demo.local");
  await page.goto("/optimization");
  await page.getByLabel("From").fill("2026-12-10");
  await page.getByLabel("To").fill("2026-12-01");
  await page.getByRole("button", { name: "Run optimization" }).click();
  await expect(page.getByText("The end date is before the start date.")).toBeVisible();
});
