import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("a planner runs an optimization, watches its bound and gap, and accepts one agent's proposals as drafts", async ({ page }) => {
  test.setTimeout(300_000);
  await signIn(page, "planner@demo.local");
  await page.getByRole("link", { name: "Optimization" }).click();
  // One day of the demo week keeps the test quick; the 1 % target gap ends the solve as soon as it is proven,
  // and the 90 s limit is headroom so a loaded machine still reaches a bound (the test reads it below).
  const from = await page.getByLabel("From", { exact: true }).inputValue();
  await page.getByLabel("To", { exact: true }).fill(from);
  await page.getByLabel("Time limit in seconds").fill("90");
  await page.getByRole("button", { name: "Run optimization" }).click();
  // The live view (time, best answer, bound, gap, Cancel) while it runs; a quick run may finish between two polls.
  await expect(page.getByTestId("optimization-live").or(page.getByTestId("optimization-result"))).toBeVisible({ timeout: 30_000 });

  const result = page.getByTestId("optimization-result");
  await expect(result).toBeVisible({ timeout: 180_000 });
  await expect(result).toContainText("agents with recommended shifts");
  await expect(result).toContainText(/answered/);
  // The bound and the gap, in numbers and in words.
  await expect(page.getByTestId("objective-bound")).toHaveText(/^\d+\.\d \/ \d+\.\d$/);
  await expect(page.getByTestId("gap-words")).toHaveText(/Proven optimal|Within [\d.<\s]+ % of the best possible/);

  const table = result.getByRole("table", { name: "Recommended shifts" });
  const agentBox = table.getByRole("checkbox", { name: /^Select AGENT-\d{4}'s proposals$/ }).first();
  const label = (await agentBox.getAttribute("aria-label"))!;
  const agentId = label.match(/AGENT-\d{4}/)![0];
  await agentBox.check();
  await result.getByRole("button", { name: /^Accept \d+ as draft shifts?$/ }).click();
  const outcome = page.getByTestId("accept-outcome");
  await expect(outcome).toContainText(/draft shifts? created/, { timeout: 30_000 });
  const link = outcome.getByRole("link", { name: "See them on the Schedule page" });
  await expect(link).toHaveAttribute("href", /^\/schedule\?from=\d{4}-\d{2}-\d{2}&siteId=[A-Z]+$/);
  // The coverage change of the accepted set.
  await expect(outcome.getByRole("table", { name: "Coverage change" })).toBeVisible();
  // Accepted rows are marked and cannot be accepted twice.
  await expect(table.getByRole("checkbox", { name: `Select ${agentId}'s proposals` })).toBeDisabled();
});

test("a planner plans capacity for a skill's demand and reads the counts per shift type", async ({ page }) => {
  await signIn(page, "planner@demo.local");
  await page.goto("/optimization");
  await page.getByRole("tab", { name: "Capacity plan" }).click();
  await page.getByLabel("Capacity skill").selectOption("SKILL-EN-TECH-SUPPORT");
  await page.getByLabel("Capacity days").fill("2");
  await page.getByRole("button", { name: "Plan capacity" }).click();
  const result = page.getByTestId("capacity-result");
  await expect(result).toBeVisible({ timeout: 120_000 });
  await expect(result).toContainText(/Proven optimal|Stopped at the time limit/);
  const rows = result.getByRole("table", { name: "Agents per shift type and day" }).locator("tbody tr");
  await expect(rows.first()).toContainText(/^(Early|Day|Mid|Late|Evening|Night)\d+\d+$/);
});

test("a capacity plan with no shift types is refused with a clear message", async ({ page }) => {
  await signIn(page, "planner@demo.local");
  await page.goto("/optimization");
  await page.getByRole("tab", { name: "Capacity plan" }).click();
  await page.getByLabel("Shift types").fill("");
  await page.getByRole("button", { name: "Plan capacity" }).click();
  await expect(page.getByText(/at least one shift type/)).toBeVisible();
});

test("an optimization over a reversed range is refused with a clear message", async ({ page }) => {
  await signIn(page, "admin@demo.local");
  await page.goto("/optimization");
  await page.getByLabel("From", { exact: true }).fill("2026-12-10");
  await page.getByLabel("To", { exact: true }).fill("2026-12-01");
  await page.getByRole("button", { name: "Run optimization" }).click();
  await expect(page.getByText("The end date is before the start date.")).toBeVisible();
});
