import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

// Dates well after the demo's published week, so the files never overlap it.
const day = new Date(Date.now() + 70 * 86_400_000).toISOString().slice(0, 10);
const [y, m, d] = day.split("-");

const GOOD = [
  "agentId,start,end,skills,status,breaks,siteId,notes",
  `AGENT-1001,${day}T09:00:00-05:00,${day}T17:00:00-05:00,SKILL-EN-TECH-SUPPORT:4,PUBLISHED,+120/15;+240/30,NYC,`,
  `AGENT-1002,${day}T10:00:00-05:00,${day}T18:00:00-05:00,,PUBLISHED,,NYC,"covers the evening, then leaves"`,
  `AGENT-1121,${day}T08:00:00Z,${day}T16:00:00Z,,PUBLISHED,,LON,`,
].join("\n");

const BAD = [
  "agentId,start,end,skills,status,breaks,siteId,notes",
  `AGENT-1003,${day}T09:00:00-05:00,${day}T17:00:00-05:00,,PUBLISHED,,NYC,`,
  `AGENT-9999,${day}T09:00:00-05:00,${day}T17:00:00-05:00,,PUBLISHED,,NYC,`,
  `AGENT-1004,${day}T17:00:00-05:00,${day}T09:00:00-05:00,,PUBLISHED,,NYC,`,
  `AGENT-1005,${day}T09:00:00-05:00,${day}T17:00:00-05:00,SKILL_UNKNOWN,PUBLISHED,,NYC,`,
].join("\n");

const CXONE = [
  "Username,Shift Start Date and Time,Shift End Date and Time,Local Time Zone,Base Activity Name,Shift Notes",
  `agent1212,${m}/${d}/${y} 12:00:00,${m}/${d}/${y} 20:00:00,UTC+08:00,Open,afternoon cover`,
].join("\r\n");

async function uploadFile(page: Page, name: string, content: string) {
  await page.getByLabel("Shift CSV").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(content) });
}

test.describe.configure({ mode: "serial" });

test("a planner imports a good file, the history shows its counts, and re-uploading adds nothing", async ({ page }) => {
  await signIn(page, "planner@demo.local");
  await page.goto("/shifts");
  await uploadFile(page, "week.csv", GOOD);
  await expect(page.getByText("Shiftboard CSV")).toBeVisible();
  await expect(page.getByRole("table", { name: "Preview of the first rows" }).locator("tbody tr")).toHaveCount(3);

  await page.getByRole("button", { name: "Validate" }).click();
  await expect(page.getByTestId("import-result")).toContainText("All 3 rows are valid");

  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByTestId("import-result")).toContainText("Imported 3 shifts");
  const history = page.getByRole("table", { name: "Import history" });
  await expect(history.locator("tbody tr").first()).toContainText("week.csv");
  await expect(history.locator("tbody tr").first()).toContainText("committed");

  await uploadFile(page, "week.csv", GOOD);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByTestId("import-result")).toContainText("Nothing new: 3 already stored");
  await expect(page.getByTestId("import-result")).toContainText("3 rows · 3 valid · 0 added · 3 already stored");
});

test("a file with errors stores nothing and its error report lists each one", async ({ page }) => {
  await signIn(page, "planner@demo.local");
  await page.goto("/shifts");
  await uploadFile(page, "broken.csv", BAD);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  const result = page.getByTestId("import-result");
  await expect(result).toContainText("Nothing imported: the file has errors");
  const errors = result.getByRole("table", { name: "Row errors" }).locator("tbody tr");
  await expect(errors).toHaveCount(3);
  await expect(errors.nth(0)).toContainText("AGENT-9999");

  const downloadPromise = page.waitForEvent("download");
  await result.getByRole("link", { name: "Download the error report (CSV)" }).click();
  const csv = fs.readFileSync(await (await downloadPromise).path(), "utf8").replace(/^\uFEFF/, "");
  const lines = csv.trim().split(/\r?\n/);
  expect(lines).toHaveLength(4);
  expect(lines.slice(1).map((l) => l.split(",")[0])).toEqual(["3", "4", "5"]);

  await expect(page.getByRole("table", { name: "Import history" }).locator("tbody tr").first()).toContainText("rejected");
});

test("CXone's own template is recognised and imported", async ({ page }) => {
  await signIn(page, "planner@demo.local");
  await page.goto("/shifts");
  await uploadFile(page, "cxone-export.csv", CXONE);
  // The preview's format badge (the page also has a "CXone import template" card for exports).
  await expect(page.locator('span:text-is("CXone import template")')).toBeVisible();
  // The template names only the username: the preview shows the agent's home site, the
  // times on that site's clock with the date and the zone, and the agent's skills in full.
  const cells = page.getByRole("table", { name: "Preview of the first rows" }).locator("tbody tr").first().locator("td");
  const date = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "short", day: "numeric", month: "short" }).format(Date.parse(`${day}T00:00:00Z`));
  await expect(cells.nth(2)).toHaveText("MNL (agent's home site)");
  await expect(cells.nth(3)).toHaveText(`${date}, 12:00 Asia/Manila`);
  await expect(cells.nth(4)).toHaveText(`${date}, 20:00 Asia/Manila`);
  await expect(cells.nth(6)).toContainText("from the agent's profile: SKILL-EN-");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByTestId("import-result")).toContainText("Imported 1 shift");
});

test("an empty file gets one clear message", async ({ page }) => {
  await signIn(page, "planner@demo.local");
  await page.goto("/shifts");
  await uploadFile(page, "empty.csv", "");
  await expect(page.getByText("This file cannot be imported")).toBeVisible();
  await expect(page.getByRole("button", { name: "Import", exact: true })).toHaveCount(0);
});
