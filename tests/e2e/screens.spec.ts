import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

/** Collects React's hydration errors (#418/#423/#425 in a production build) and any uncaught page error. */
function watchHydration(page: Page): string[] {
  const seen: string[] = [];
  const hydration = /hydrat|#418|#423|#425/i;
  page.on("console", (m) => {
    if (m.type() === "error" && hydration.test(m.text())) seen.push(m.text());
  });
  page.on("pageerror", (e) => {
    if (hydration.test(e.message)) seen.push(e.message);
  });
  return seen;
}

test.describe("pages hydrate without a mismatch when the browser's zone is not the server's", () => {
  // The server renders in UTC; a browser in Los Angeles makes any time formatted in "the
  // local zone" or at "now" differ between the two renders — the #418 a supervisor saw.
  test.use({ timezoneId: "America/Los_Angeles" });
  for (const email of ["planner@demo.local", "supervisor.nyc@demo.local", "admin@demo.local", "agent1001@demo.local"]) {
    test(`every page of ${email}`, async ({ page }) => {
      const errors = watchHydration(page);
      await signIn(page, email);
      const hrefs = await page.getByRole("navigation", { name: "Main" }).getByRole("link").evaluateAll((links) => links.map((l) => (l as HTMLAnchorElement).getAttribute("href")!));
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) {
        await page.goto(href);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        // Let hydration and the first client render finish before moving on.
        await page.waitForLoadState("networkidle");
      }
      expect(errors).toEqual([]);
    });
  }
});

test("at 390 px the navigation folds behind a Menu button and no page is wider than the screen", async ({ page }) => {
  await signIn(page, "supervisor.nyc@demo.local");
  await page.setViewportSize({ width: 390, height: 844 });
  const nav = page.getByRole("navigation", { name: "Main" });
  const menu = page.getByRole("button", { name: "Menu" });
  for (const path of ["/coverage", "/trades", "/bidding"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(nav).toBeHidden();
    await expect(menu).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} is ${overflow} px wider than the screen`).toBeLessThanOrEqual(0);
  }
  // The coverage filters wrap inside the screen.
  await page.goto("/coverage");
  const filters = await page.getByRole("combobox", { name: "Site", exact: true }).boundingBox();
  expect(filters!.x + filters!.width).toBeLessThanOrEqual(390);
  // The menu opens, navigates, and closes behind itself.
  await menu.click();
  await expect(nav).toBeVisible();
  await expect(page.getByRole("button", { name: "Close menu" })).toHaveAttribute("aria-expanded", "true");
  await nav.getByRole("link", { name: "Trades" }).click();
  await expect(page).toHaveURL(/\/trades/);
  await expect(nav).toBeHidden();
  // The review queue reads on a phone: the demo's NYC queue is not empty, and its decisions are within reach.
  for (const name of ["Approve", "Reject"]) {
    const button = page.getByRole("button", { name, exact: true }).first();
    await expect(button).toBeVisible();
    const box = await button.boundingBox();
    expect(box!.x + box!.width, `${name} ends at ${box!.x + box!.width} px`).toBeLessThanOrEqual(390);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
});

test("settings show every validation message under its input in the label's words, and critical periods use lists and date-times", async ({ page }) => {
  await signIn(page, "admin@demo.local");
  await page.goto("/settings");
  const form = page.getByRole("form", { name: "Trading settings" });
  await form.getByLabel("Notice (hours)").fill("-1");
  await form.getByLabel("Trades per agent per week").fill("0");
  await form.getByRole("button", { name: "Add a period" }).click();
  const site = form.getByLabel("Period 1 site");
  await expect(site.locator("option")).toContainText(["All sites", "NYC — New York"]);
  await expect(form.getByLabel("Period 1 skill").locator("option").first()).toHaveText("All skills");
  await expect(form.getByLabel("Period 1 starts")).toHaveAttribute("type", "datetime-local");
  await site.selectOption("NYC");
  await expect(form.getByText("Starts (America/New_York)")).toBeVisible();
  await form.getByRole("button", { name: "Save trading settings" }).click();

  await expect(form.getByText("Notice (hours) must be 0 or more.")).toBeVisible();
  await expect(form.getByText("Trades per agent per week must be 1 or more.")).toBeVisible();
  await expect(form.getByText("Period 1 label: Give the period a label.")).toBeVisible();
  await expect(form.getByText("Period 1 starts is required (a date and a time).")).toBeVisible();
  await expect(form.getByLabel("Notice (hours)")).toHaveAttribute("aria-invalid", "true");
  await expect(form).not.toContainText("minHoursInFuture");
  await expect(form).not.toContainText("Too small");

  const gaps = page.getByRole("form", { name: "Gap thresholds" });
  await gaps.getByLabel("Gap below (% covered)").fill("60");
  await gaps.getByLabel("HIGH below (% covered)").fill("120");
  await gaps.getByRole("button", { name: "Save thresholds" }).click();
  await expect(gaps.getByText("HIGH below (% covered) must be 100 % or less.")).toBeVisible();
  await expect(gaps).not.toContainText("highBelow");
});

test("a demand file with a site column gives that site its own demand; the page says which demand each skill is judged on", async ({ page }) => {
  await signIn(page, "planner@demo.local");
  await page.goto("/coverage");
  const day = "2027-06-07";
  const csv = [
    "skillId,siteId,intervalStart,requiredAgents",
    `SKILL_SALES,NYC,${day}T14:00:00Z,6`,
    `SKILL_SALES,NYC,${day}T14:15:00Z,6`,
    `SKILL-EN-BILLING,,${day}T14:00:00Z,9`,
  ].join("\n");
  await page.getByLabel("Demand CSV").setInputFiles({ name: "nyc-demand.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Import demand" }).click();
  await expect(page.getByText("Stored 3 intervals (required)")).toBeVisible();

  await page.goto(`/coverage?site=NYC&from=${day}&to=${day}`);
  const card = (skill: string) => page.getByTestId("skill-chart").filter({ has: page.getByRole("heading", { name: skill, exact: true }) });
  await expect(card("SKILL_SALES")).toContainText("against New York's own demand");
  await expect(card("SKILL_SALES")).toContainText("3.0 h required");
  await expect(card("SKILL-EN-BILLING")).toContainText("against the shared demand (all sites)");
});

test("the trade form lists shifts on their site's clock with date and zone, and says what is wrong in its own words", async ({ page }) => {
  await signIn(page, "planner@demo.local");
  await page.goto("/trades");
  const form = page.getByRole("form", { name: "New trade request" });
  await form.getByLabel("Initiating agent").fill("AGENT-1001");
  await form.getByLabel("Receiving agent").fill("AGENT-1001");
  const options = form.getByLabel("Initiator's shift").locator("option");
  await expect(options.nth(1)).toHaveText(/^NYC · \w{3} \d{1,2} \w{3}, \d\d:\d\d–\d\d:\d\d \(America\/New_York\)$/);
  await form.getByLabel("Initiator's shift").selectOption({ index: 1 });
  await form.getByRole("button", { name: "Request trade" }).click();
  await expect(form.getByText("Receiving agent must be a different agent than Initiating agent.")).toBeVisible();
  await expect(form.getByLabel("Receiving agent")).toHaveAttribute("aria-invalid", "true");
  await expect(form).not.toContainText("receiverAgentId");
});
