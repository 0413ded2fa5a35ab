import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("a planner sees coverage charts and gaps, filters to one skill and exports the gaps", async ({ page }) => {
  await signIn(page, "planner@demo.local");
  await page.getByRole("link", { name: "Coverage" }).click();
  await expect(page.getByRole("heading", { name: "Coverage", level: 1 })).toBeVisible();

  // One chart per skill with demand, the heatmap and the gap table.
  await expect(page.getByTestId("skill-chart")).toHaveCount(6);
  await expect(page.getByRole("table", { name: "Coverage ratio by skill and day" })).toBeVisible();
  const gapRows = page.getByRole("table", { name: "Gap windows" }).locator("tbody tr");
  expect(await gapRows.count()).toBeGreaterThan(0);
  // The week has more windows than one page: 25 rows at a time, the next page on request.
  const total = Number((await page.getByText(/^\d+ gap windows?;/).textContent())!.match(/^(\d+)/)![1]);
  expect(total).toBeGreaterThan(25);
  await expect(gapRows).toHaveCount(25);
  const pager = page.getByRole("navigation", { name: "Gap table pages" });
  await expect(pager).toContainText(`Rows 1–25 of ${total}`);
  await pager.getByRole("button", { name: "Next" }).click();
  await expect(pager).toContainText(`Rows 26–${Math.min(50, total)} of ${total}`);

  await page.getByLabel("Skill", { exact: true }).selectOption("SKILL_SALES");
  await expect(page).toHaveURL(/skill=SKILL_SALES(&|$)/);
  await expect(page.getByTestId("skill-chart")).toHaveCount(1);
  await expect(page.getByTestId("skill-chart").getByRole("heading")).toHaveText("SKILL_SALES");
  const salesRows = page.getByRole("table", { name: "Gap windows" }).locator("tbody tr");
  await expect(salesRows.first()).toContainText("SKILL_SALES");

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const download = await downloadPromise;
  const csv = fs.readFileSync(await download.path(), "utf8").replace(/^\uFEFF/, "");
  const lines = csv.trim().split(/\r?\n/);
  expect(lines[0]).toBe("skill,day,windowStart,windowEnd,timeZone,peakShortfall,deficitHours,priority,startUtc,endUtc");
  // Every window of the skill, not only the page on screen.
  const salesTotal = Number((await page.getByText(/^\d+ gap windows?;/).textContent())!.match(/^(\d+)/)![1]);
  expect(lines.length - 1).toBe(salesTotal);
  for (const line of lines.slice(1)) expect(line.startsWith("SKILL_SALES,")).toBe(true);

  // A gap opens its day's chart.
  await salesRows.first().click();
  await expect(page).toHaveURL(/day=\d{4}-\d{2}-\d{2}/);
  await expect(page.getByRole("button", { name: "Close day" })).toBeVisible();
});

test("the gross view says why it differs from net", async ({ page }) => {
  await signIn(page, "supervisor.nyc@demo.local");
  await page.goto("/coverage?site=NYC");
  await page.getByRole("radio", { name: "Gross" }).click();
  await expect(page).toHaveURL(/view=gross/);
  await expect(page.getByText("counts a multi-skilled agent fully")).toBeVisible();
});

test("bad filters in the URL get a clear message", async ({ page }) => {
  await signIn(page, "planner@demo.local");
  await page.goto("/coverage?from=2026-13-40");
  await expect(page.getByText("from: Use a date like 2026-11-23.")).toBeVisible();
});
