import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

async function openSchedule(page: Page, email: string, query = "") {
  await signIn(page, email);
  await page.getByRole("link", { name: "Schedule", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Schedule", level: 1 })).toBeVisible();
  if (query) await page.goto(`/schedule?${query}`);
}

test("a planner opens the schedule for NYC, reads it in one named zone and finds an agent", async ({ page }) => {
  await openSchedule(page, "planner@demo.local");
  await page.getByLabel("Site").selectOption("NYC");
  await expect(page).toHaveURL(/siteId=NYC/);
  await expect(page.getByTestId("schedule-zone")).toHaveText("Times in America/New_York");

  // Bars are focusable buttons that name the time and its zone; the legend says what colours mean.
  const bars = page.getByTestId("agent-track").getByRole("button");
  await expect(bars.first()).toBeVisible();
  await expect(bars.first()).toHaveAttribute("aria-label", /\d{2}:\d{2}–\d{2}:\d{2} America\/New_York, published/);
  await expect(page.getByRole("list", { name: "Legend" })).toContainText("Draft");
  await expect(page.getByTestId("day-totals")).toContainText("agents · day totals");
  await expect(page.getByTestId("coverage-strip")).toBeVisible();

  // Find one agent by id: one row, with their paid hours against contract.
  await page.getByLabel("Find agent").fill("AGENT-1002");
  await page.getByLabel("Find agent").press("Enter");
  await expect(page).toHaveURL(/q=AGENT-1002/);
  await expect(page.getByRole("rowheader").filter({ hasText: "AGENT-1002" })).toBeVisible();
  await expect(page.getByTestId("agent-track")).toHaveCount(1);
  await expect(page.getByTestId("agent-hours")).toHaveText(/^\d+(\.\d)?\/(40|24) h/);

  // Enter on a bar opens its panel, with the time in the grid's zone.
  const bar = page.getByTestId("agent-track").getByRole("button").first();
  await bar.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("shift-panel")).toBeVisible();
  await expect(page.getByTestId("panel-time")).toContainText("America/New_York");
  await expect(page.getByTestId("form-zone")).toHaveText("America/New_York");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("shift-panel")).toBeHidden();

  // Each agent's own zone on request; the header says so.
  await page.getByRole("radio", { name: "Agent's home zone" }).click();
  await expect(page.getByTestId("schedule-zone")).toHaveText("Times in each agent's home zone");
});

test("the grid loads more agents as the planner scrolls", async ({ page }) => {
  await openSchedule(page, "planner@demo.local");
  const scroller = page.getByTestId("schedule-scroll");
  await expect(page.getByRole("rowheader").filter({ hasText: "AGENT-" }).first()).toBeVisible();
  const firstPage = page.waitForResponse((r) => r.url().includes("/api/v1/schedule?") && r.url().includes("offset=250"));
  await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  expect((await firstPage).status()).toBe(200);
  await expect(page.getByTestId("day-totals")).toContainText("300 agents");
  // Only the rows on screen are in the page, never all 300.
  expect(await page.getByTestId("agent-track").count()).toBeLessThan(80);
});

test("a supervisor of LON sees LON read-only and cannot open NYC", async ({ page }) => {
  await openSchedule(page, "supervisor.lon@demo.local");
  await expect(page.getByTestId("schedule-zone")).toHaveText("Times in Europe/London");
  await expect(page.getByTestId("read-only")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Add shift for/ })).toHaveCount(0);
  await expect(page.getByLabel("Site").locator("option")).toHaveText(["LON — London"]);

  const bar = page.getByTestId("agent-track").getByRole("button").first();
  await bar.click();
  await expect(page.getByTestId("shift-panel")).toContainText("Read-only");
  await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  await page.keyboard.press("Escape");

  await page.goto("/schedule?siteId=NYC");
  await expect(page.getByRole("alert").filter({ hasText: "You are not a supervisor of site NYC." })).toBeVisible();
  const api = await page.request.get("/api/v1/schedule?from=2026-11-23&siteId=NYC");
  expect(api.status()).toBe(403);
});
